package io.slotbeam.node.repo;

import io.slotbeam.core.cid.Cid;

/**
 * A dataset lost a block while it was being stored: another dataset over the same tree was
 * deleted between this one's blocks and its manifest. The store is taken back, and storing it
 * again succeeds.
 */
public final class DatasetChangedException extends IllegalStateException {
  public DatasetChangedException(Cid manifestCid, Cid treeCid, int index) {
    super(
        "dataset "
            + manifestCid
            + " lost block "
            + index
            + " of tree "
            + treeCid
            + " while it was stored (a dataset sharing the tree was deleted meanwhile); store it again");
  }
}
