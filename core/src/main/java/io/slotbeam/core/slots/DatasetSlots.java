package io.slotbeam.core.slots;

import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.dataset.Upload;
import io.slotbeam.core.field.Fr;
import io.slotbeam.core.hash.BlockHasher;
import io.slotbeam.core.hash.Poseidon2Compressor;
import io.slotbeam.core.indexing.IndexingStrategy;
import io.slotbeam.core.indexing.StrategyType;
import io.slotbeam.core.manifest.Manifest;
import io.slotbeam.core.manifest.StoredManifests;
import io.slotbeam.core.manifest.VerificationInfo;
import io.slotbeam.core.merkle.KeyedMerkleTree;
import io.slotbeam.core.store.BlockStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Makes a stored protected dataset verifiable (spec datapath §5.3–§5.8): slot {@code s} is row
 * {@code s} of the erasure layout (Linear strategy over the blocks, {@code steps} blocks each);
 * each slot's tree is built and stored, the verify tree is built over the slot roots, and the
 * verifiable manifest is stored. Slots are built one after another, each over the caller's
 * executor, so memory holds one slot's block roots.
 */
public final class DatasetSlots {
  /** The verifiable manifest, and the roots it names. */
  public record Built(Upload.Stored verifiable, List<Fr> slotRoots, Fr verifyRoot) {}

  private final BlockStore store;
  private final Executor executor;
  private final BlockHasher hasher;

  public DatasetSlots(BlockStore store, Executor executor, BlockHasher hasher) {
    this.store = store;
    this.executor = executor;
    this.hasher = hasher;
  }

  public Built build(Manifest protectedManifest, int cellSize) throws IOException {
    if (!protectedManifest.isProtected()) {
      throw new IllegalArgumentException(
          "manifest of " + protectedManifest.treeCid() + " is not protected: slots need erasure coding");
    }
    int numSlots = protectedManifest.numSlots();
    long blocksCount = protectedManifest.blocksCount();
    if (blocksCount % numSlots != 0) {
      throw new IllegalArgumentException(
          blocksCount + " blocks are not divisible by " + numSlots + " slots");
    }
    List<Cid> blockCids = store.blockCids(protectedManifest.treeCid());
    SlotGeometry geometry =
        new SlotGeometry(protectedManifest.blockSize(), cellSize, protectedManifest.numSlotBlocks());
    SlotBuilder builder = new SlotBuilder(geometry, executor, hasher);
    IndexingStrategy slots = IndexingStrategy.linear(0, blocksCount - 1, numSlots);

    List<Fr> slotRoots = new ArrayList<>(numSlots);
    for (int s = 0; s < numSlots; s++) {
      long[] indices = slots.indices(s);
      KeyedMerkleTree<Fr> slotTree =
          builder.build(position -> readBlock(blockCids.get(Math.toIntExact(indices[(int) position]))));
      SlotTrees.put(store, slotTree);
      slotRoots.add(slotTree.root());
    }
    Fr verifyRoot = KeyedMerkleTree.build(slotRoots, Poseidon2Compressor.INSTANCE).root();
    VerificationInfo verification =
        new VerificationInfo(
            SlotCids.verifyRoot(verifyRoot),
            slotRoots.stream().map(SlotCids::slotRoot).toList(),
            cellSize,
            StrategyType.LINEAR);
    Manifest verifiable = protectedManifest.withVerification(verification);
    return new Built(
        new Upload.Stored(StoredManifests.put(store, verifiable), verifiable), slotRoots, verifyRoot);
  }

  /** The block's bytes; none for the empty (padding) CID, which every store reads as empty. */
  private byte[] readBlock(Cid cid) throws IOException {
    return store
        .get(cid)
        .orElseThrow(() -> new IllegalStateException("block " + cid + " is missing; run repair"))
        .data();
  }
}
