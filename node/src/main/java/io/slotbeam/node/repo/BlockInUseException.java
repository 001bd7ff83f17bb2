package io.slotbeam.node.repo;

import io.slotbeam.core.cid.Cid;

/**
 * A block that a stored dataset references, and that has not expired, cannot be deleted on its own
 * (spec node §3.4; the message is nim-codex's).
 */
public final class BlockInUseException extends IllegalStateException {
  public BlockInUseException(Cid cid, int refCount) {
    super(
        "Directly deleting a block that is part of a dataset is not allowed. ("
            + cid
            + " is referenced by "
            + refCount
            + " dataset leaves)");
  }
}
