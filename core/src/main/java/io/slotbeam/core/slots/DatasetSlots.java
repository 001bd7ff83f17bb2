package io.slotbeam.core.slots;

import io.slotbeam.core.block.BlockRef;
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
import java.util.Arrays;
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
    List<List<BlockRef>> slots = slotBlocks(protectedManifest);
    SlotBuilder builder = new SlotBuilder(geometry(protectedManifest, cellSize), executor, hasher);
    List<Fr> slotRoots = new ArrayList<>(slots.size());
    for (List<BlockRef> slot : slots) {
      KeyedMerkleTree<Fr> slotTree =
          builder.build(position -> blockBytes(slot.get(Math.toIntExact(position))));
      SlotTrees.put(store, slotTree);
      slotRoots.add(slotTree.root());
    }
    return storeVerifiable(protectedManifest, slotRoots, cellSize);
  }

  /** The shape of every slot of {@code protectedManifest} with cells of {@code cellSize} bytes. */
  public static SlotGeometry geometry(Manifest protectedManifest, int cellSize) {
    return new SlotGeometry(protectedManifest.blockSize(), cellSize, protectedManifest.numSlotBlocks());
  }

  /**
   * The blocks of every slot of the stored protected dataset, slot 0 first, each in slot order
   * (Linear strategy, spec §5.3): the work of slot building, for callers that spread it over
   * workers. Padding blocks carry the empty CID.
   */
  public List<List<BlockRef>> slotBlocks(Manifest protectedManifest) throws IOException {
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
    IndexingStrategy strategy = IndexingStrategy.linear(0, blocksCount - 1, numSlots);
    List<List<BlockRef>> slots = new ArrayList<>(numSlots);
    for (int s = 0; s < numSlots; s++) {
      slots.add(
          Arrays.stream(strategy.indices(s))
              .mapToObj(i -> new BlockRef(i, blockCids.get(Math.toIntExact(i))))
              .toList());
    }
    return slots;
  }

  /**
   * The last step of {@link #build}, for callers that built the slot trees themselves: builds the
   * verify tree over {@code slotRoots} (slot 0 first) and stores the verifiable manifest.
   */
  public Built storeVerifiable(Manifest protectedManifest, List<Fr> slotRoots, int cellSize)
      throws IOException {
    if (slotRoots.size() != protectedManifest.numSlots()) {
      throw new IllegalArgumentException(
          slotRoots.size() + " slot roots for a dataset of " + protectedManifest.numSlots() + " slots");
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

  /**
   * The bytes of a block of a slot, read from the store and checked against its CID; none for a
   * padding block, which every store reads as empty and {@link SlotBuilder#blockRoot} takes as zeros.
   */
  public byte[] blockBytes(BlockRef block) throws IOException {
    return store
        .get(block.cid())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "block " + block.index() + " (" + block.cid() + ") is missing; run repair"))
        .data();
  }
}
