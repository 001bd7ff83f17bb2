package io.slotbeam.node.repo;

import io.slotbeam.core.block.Block;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.cid.Multicodec;
import io.slotbeam.core.hash.Sha256Digest;
import io.slotbeam.core.manifest.Manifest;
import io.slotbeam.core.manifest.ManifestCodec;
import io.slotbeam.core.merkle.KeyedMerkleTree;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

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

  /**
   * Stores {@code block}. A manifest is stored last, once its blocks and tree are, and from then on
   * it holds them; the tree is checked whole once it does, as a dataset sharing the tree may have
   * been deleted, and its blocks with it, while this one was being stored.
   *
   * @throws DatasetChangedException if a block of the manifest's tree is gone (then {@link #undo})
   */
  @Override
  public void put(Block block) throws IOException {
    if (store.store(block)) {
      newBlocks.add(block.cid());
    }
    if (block.cid().contentCodec() == Multicodec.CODEX_MANIFEST) {
      Manifest manifest = ManifestCodec.decode(block.cid(), block.data());
      OptionalInt missing = store.firstMissingLeaf(manifest.treeCid(), manifest.blocksCount());
      if (missing.isPresent()) {
        throw new DatasetChangedException(block.cid(), manifest.treeCid(), missing.getAsInt());
      }
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
