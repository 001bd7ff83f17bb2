package io.slotbeam.core.erasure;

import io.slotbeam.core.block.Block;
import io.slotbeam.core.block.CorruptBlockException;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.concurrent.ParallelTasks;
import io.slotbeam.core.hash.Sha256Digest;
import io.slotbeam.core.indexing.StrategyType;
import io.slotbeam.core.manifest.ErasureInfo;
import io.slotbeam.core.manifest.Manifest;
import io.slotbeam.core.merkle.CodexTree;
import io.slotbeam.core.merkle.KeyedMerkleTree;
import io.slotbeam.core.store.BlockStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Restores the missing or corrupted blocks of a stored protected dataset (spec datapath §6.5):
 * per erasure group, any K intact blocks of its K + M rebuild the others, data and parity alike.
 * Every restored block must hash to the CID its protected tree names, and the first {@code
 * originalBlocksCount} CIDs must give the manifest's original tree; the original tree is stored
 * again so that the plain dataset can be read by index.
 */
public final class DatasetRepairer {
  /** What a repair did: the indices it restored and the groups it could not. */
  public record Report(List<Long> restored, List<Integer> unrecoverableGroups) {
    public boolean complete() {
      return unrecoverableGroups.isEmpty();
    }
  }

  private final BlockStore store;
  private final Executor executor;
  private final LeopardDecoder leopard;

  public DatasetRepairer(BlockStore store, Executor executor, LeopardDecoder leopard) {
    this.store = store;
    this.executor = executor;
    this.leopard = leopard;
  }

  public Report repair(Manifest manifest) throws IOException {
    ErasureInfo erasure =
        manifest
            .erasure()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "manifest of " + manifest.treeCid() + " is not protected: nothing to repair from"));
    if (erasure.protectedStrategy() != StrategyType.STEPPED) {
      throw new IllegalArgumentException(
          "manifest of " + manifest.treeCid() + " uses the " + erasure.protectedStrategy()
              + " erasure layout, which nim-codex cannot decode either (spec §6.3): only Stepped is supported");
    }
    List<Cid> leaves = store.blockCids(manifest.treeCid());
    long originalBlocks = manifest.originalBlocksCount();
    SteppedLayout layout = new SteppedLayout(originalBlocks, erasure.ecK(), erasure.ecM());
    if (layout.total() != leaves.size()) {
      throw new IllegalStateException(
          "protected tree has " + leaves.size() + " leaves but the manifest describes " + layout.total());
    }
    checkOriginalTree(leaves, originalBlocks, erasure.originalTreeCid());

    List<Long> restored = Collections.synchronizedList(new ArrayList<>());
    List<Integer> unrecoverable = Collections.synchronizedList(new ArrayList<>());
    ParallelTasks.forEach(
        executor,
        layout.steps(),
        group -> repairGroup(layout, manifest.blockSize(), leaves, group, restored, unrecoverable));
    List<Long> sortedRestored = new ArrayList<>(restored);
    Collections.sort(sortedRestored);
    List<Integer> sortedUnrecoverable = new ArrayList<>(unrecoverable);
    Collections.sort(sortedUnrecoverable);
    return new Report(List.copyOf(sortedRestored), List.copyOf(sortedUnrecoverable));
  }

  private void checkOriginalTree(List<Cid> leaves, long originalBlocks, Cid originalTreeCid)
      throws IOException {
    KeyedMerkleTree<Sha256Digest> original =
        CodexTree.build(leaves.subList(0, Math.toIntExact(originalBlocks)));
    Cid actual = CodexTree.rootCid(original.root());
    if (!actual.equals(originalTreeCid)) {
      throw new IllegalStateException(
          "original tree root " + actual + " computed from the protected tree differs from the manifest's "
              + originalTreeCid);
    }
    store.putTree(originalTreeCid, original);
  }

  private void repairGroup(
      SteppedLayout layout,
      int blockSize,
      List<Cid> leaves,
      int group,
      List<Long> restored,
      List<Integer> unrecoverable)
      throws IOException {
    long[] indices = layout.groupIndices(group);
    byte[][] shards = new byte[indices.length][];
    List<Integer> missing = new ArrayList<>();
    for (int r = 0; r < indices.length; r++) {
      Cid cid = leaves.get(Math.toIntExact(indices[r]));
      Optional<byte[]> data = readIntact(cid, blockSize);
      if (data.isPresent()) {
        shards[r] = data.get();
      } else {
        missing.add(r);
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    if (missing.size() > layout.m()) {
      unrecoverable.add(group);
      return;
    }
    leopard.reconstruct(shards, layout.k(), layout.m());
    for (int r : missing) {
      long index = indices[r];
      Cid expected = leaves.get(Math.toIntExact(index));
      Block block = Block.of(shards[r]);
      if (!block.cid().equals(expected)) {
        throw new IllegalStateException(
            "restored block " + index + " is " + block.cid() + " but the protected tree names " + expected);
      }
      store.delete(expected); // a corrupted file must go before the good bytes can be put
      store.put(block);
      restored.add(index);
    }
  }

  /** The block's bytes, zeros for padding, or empty if it is missing or corrupted. */
  private Optional<byte[]> readIntact(Cid cid, int blockSize) throws IOException {
    if (cid.equals(Cid.emptyBlock())) {
      return Optional.of(new byte[blockSize]);
    }
    try {
      return store.get(cid).map(Block::data);
    } catch (CorruptBlockException e) {
      return Optional.empty();
    }
  }
}
