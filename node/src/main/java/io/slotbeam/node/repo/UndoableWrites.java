package io.slotbeam.node.repo;

import io.slotbeam.core.block.Block;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.cid.Multicodec;
import io.slotbeam.core.hash.Sha256Digest;
import io.slotbeam.core.merkle.KeyedMerkleTree;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A view of a {@link RocksBlockStore} for one upload that remembers what the upload added, so that
 * a failed upload (quota exceeded, client gone) can be taken back and leaves nothing partial:
 * {@link #undo} drops the trees it stored and then the blocks it stored that no dataset references.
 * A block that was already stored before the upload is never removed.
 */
public final class UndoableWrites extends ForwardingBlockStore {
  private final List<Cid> newBlocks = new ArrayList<>();
  private final List<Cid> newTrees = new ArrayList<>();

  public UndoableWrites(RocksBlockStore store) {
    super(store);
  }

  @Override
  public void put(Block block) throws IOException {
    if (store.store(block)) {
      newBlocks.add(block.cid());
    }
  }

  @Override
  public void putTree(Cid treeCid, KeyedMerkleTree<Sha256Digest> tree) throws IOException {
    if (store.storeTree(treeCid, tree)) {
      newTrees.add(treeCid);
    }
  }

  /**
   * Removes what this upload added; blocks another dataset now references stay, and so do trees
   * that another manifest holds. The upload's own manifest goes first, as it holds its tree.
   */
  public void undo() throws IOException {
    for (Cid cid : newBlocks) {
      if (cid.contentCodec() == Multicodec.CODEX_MANIFEST) {
        store.deleteIfUnreferenced(cid);
      }
    }
    for (Cid treeCid : newTrees) {
      store.dropTree(treeCid);
    }
    for (Cid cid : newBlocks) {
      store.deleteIfUnreferenced(cid);
    }
    newTrees.clear();
    newBlocks.clear();
  }
}
