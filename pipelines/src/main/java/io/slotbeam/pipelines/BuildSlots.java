package io.slotbeam.pipelines;

import io.slotbeam.core.block.BlockRef;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.field.Fr;
import io.slotbeam.core.hash.BlockHasher;
import io.slotbeam.core.manifest.Manifest;
import io.slotbeam.core.manifest.StoredManifests;
import io.slotbeam.core.merkle.KeyedMerkleTree;
import io.slotbeam.core.slots.DatasetSlots;
import io.slotbeam.core.slots.SlotBuilder;
import io.slotbeam.core.slots.SlotTrees;
import io.slotbeam.pipelines.Records.BlockRoot;
import io.slotbeam.pipelines.Records.Manifests;
import io.slotbeam.pipelines.Records.SlotBlock;
import io.slotbeam.pipelines.Records.SlotOfFile;
import io.slotbeam.pipelines.Records.SlotRoot;
import io.slotbeam.prover.hash.BlockHashers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * Makes every protected dataset verifiable as {@link DatasetSlots#build} does, with the work split
 * by block: workers hash blocks read from the store into block roots (the costly part), each
 * slot's tree is built from its roots and stored, and the verifiable manifest is stored per file.
 * Blocks are hashed by the hasher named in the options ({@link BlockHashers#named}), or the
 * fastest one that loads on the worker.
 */
final class BuildSlots
    extends PTransform<PCollection<KV<SourceFile, Manifests>>, PCollection<KV<SourceFile, Manifests>>> {
  private final String repo;
  private final int cellSize;
  private final String hasher;

  /** {@code hasher}: a name of {@link BlockHashers#NAMES}, or null for the fastest. */
  BuildSlots(String repo, int cellSize, String hasher) {
    this.repo = repo;
    this.cellSize = cellSize;
    this.hasher = hasher;
  }

  @Override
  public PCollection<KV<SourceFile, Manifests>> expand(PCollection<KV<SourceFile, Manifests>> protectedFiles) {
    PCollection<KV<SourceFile, SlotRoot>> slotRoots =
        protectedFiles
            .apply("ListSlotBlocks", ParDo.of(new ListSlotBlocksFn(repo)))
            .setCoder(KvCoder.of(Records.SLOT_OF_FILE, Records.SLOT_BLOCK))
            .apply("SpreadBlocks", Reshuffle.viaRandomKey())
            .apply("HashBlocks", ParDo.of(new HashBlockFn(repo, cellSize, hasher)))
            .setCoder(KvCoder.of(Records.SLOT_OF_FILE, Records.BLOCK_ROOT))
            .apply("GroupBySlot", GroupByKey.create())
            .apply("StoreSlotTree", ParDo.of(new StoreSlotTreeFn(repo, cellSize, hasher)))
            .setCoder(KvCoder.of(SourceFile.CODER, Records.SLOT_ROOT));
    return new StoreVerifiableFn(repo, cellSize).join("StoreVerifiableManifest", protectedFiles, slotRoots);
  }

  /** A worker's slot builders, one per protected manifest it has seen (each holds a zero-block root). */
  private abstract static class SlotFn<I, O> extends StoreFn<I, O> {
    private final int cellSize;
    private final String hasherName;
    private transient BlockHasher hasher;
    private transient Map<Cid, SlotBuilder> builders;
    protected transient DatasetSlots slots;

    SlotFn(String repo, int cellSize, String hasherName) {
      super(repo);
      this.cellSize = cellSize;
      this.hasherName = hasherName;
    }

    @Override
    protected void prepare() {
      hasher = hasherName == null ? BlockHashers.fastest() : BlockHashers.named(hasherName);
      builders = new HashMap<>();
      // Blocks are the unit of parallel work here, so each one is hashed on the worker's thread.
      slots = new DatasetSlots(store, Runnable::run, hasher);
    }

    SlotBuilder builder(Cid protectedManifest) throws IOException {
      SlotBuilder builder = builders.get(protectedManifest);
      if (builder == null) {
        Manifest manifest = StoredManifests.get(store, protectedManifest);
        builder = new SlotBuilder(DatasetSlots.geometry(manifest, cellSize), Runnable::run, hasher);
        builders.put(protectedManifest, builder);
      }
      return builder;
    }
  }

  /** A protected dataset to the blocks of each of its slots. */
  static final class ListSlotBlocksFn extends StoreFn<KV<SourceFile, Manifests>, KV<SlotOfFile, SlotBlock>> {
    ListSlotBlocksFn(String repo) {
      super(repo);
    }

    @ProcessElement
    public void list(@Element KV<SourceFile, Manifests> file, OutputReceiver<KV<SlotOfFile, SlotBlock>> out) {
      try {
        Cid manifestCid = file.getValue().protectedCid().orElseThrow();
        Manifest manifest = StoredManifests.get(store, manifestCid);
        List<List<BlockRef>> slots = new DatasetSlots(store, Runnable::run, BlockHasher.java()).slotBlocks(manifest);
        for (int s = 0; s < slots.size(); s++) {
          SlotOfFile slot = new SlotOfFile(file.getKey(), manifestCid, s);
          List<BlockRef> blocks = slots.get(s);
          for (int position = 0; position < blocks.size(); position++) {
            out.output(KV.of(slot, new SlotBlock(position, blocks.get(position))));
          }
        }
      } catch (Exception e) {
        throw failure("file " + file.getKey(), e);
      }
    }
  }

  /** Reads one block from the store and hashes it into its block root. */
  static final class HashBlockFn extends SlotFn<KV<SlotOfFile, SlotBlock>, KV<SlotOfFile, BlockRoot>> {
    private final Counter slotBlocks = EncodeMetrics.counter(EncodeMetrics.SLOT_BLOCKS);

    HashBlockFn(String repo, int cellSize, String hasher) {
      super(repo, cellSize, hasher);
    }

    @ProcessElement
    public void hash(@Element KV<SlotOfFile, SlotBlock> work, OutputReceiver<KV<SlotOfFile, BlockRoot>> out) {
      SlotOfFile slot = work.getKey();
      SlotBlock block = work.getValue();
      try {
        Fr root = builder(slot.manifest()).blockRoot(slots.blockBytes(block.block()));
        slotBlocks.inc();
        out.output(KV.of(slot, new BlockRoot(block.position(), root)));
      } catch (Exception e) {
        throw failure(
            "file " + slot.file() + ", slot " + slot.slot() + ", protected block " + block.block().index(), e);
      }
    }
  }

  /** One slot's block roots to its stored slot tree and root. */
  static final class StoreSlotTreeFn extends SlotFn<KV<SlotOfFile, Iterable<BlockRoot>>, KV<SourceFile, SlotRoot>> {
    private final Counter slotCount = EncodeMetrics.counter(EncodeMetrics.SLOTS);

    StoreSlotTreeFn(String repo, int cellSize, String hasher) {
      super(repo, cellSize, hasher);
    }

    @ProcessElement
    public void store(@Element KV<SlotOfFile, Iterable<BlockRoot>> work, OutputReceiver<KV<SourceFile, SlotRoot>> out) {
      SlotOfFile slot = work.getKey();
      try {
        List<Fr> roots = inPositionOrder(work.getValue());
        KeyedMerkleTree<Fr> tree = builder(slot.manifest()).tree(roots);
        SlotTrees.put(store, tree);
        slotCount.inc();
        out.output(KV.of(slot.file(), new SlotRoot(slot.slot(), tree.root())));
      } catch (Exception e) {
        throw failure("file " + slot.file() + ", slot " + slot.slot(), e);
      }
    }

    private static List<Fr> inPositionOrder(Iterable<BlockRoot> blockRoots) {
      List<BlockRoot> sorted = new ArrayList<>();
      blockRoots.forEach(sorted::add);
      sorted.sort((a, b) -> Long.compare(a.position(), b.position()));
      return sorted.stream().map(BlockRoot::root).toList();
    }
  }

  /** A file's protected manifest and all its slot roots to its stored verifiable manifest. */
  static final class StoreVerifiableFn extends JoinByFileFn<SlotRoot> {
    private final int cellSize;

    StoreVerifiableFn(String repo, int cellSize) {
      super(repo);
      this.cellSize = cellSize;
    }

    @Override
    Manifests next(Manifests manifests, Iterable<SlotRoot> roots) throws IOException {
      Manifest manifest = StoredManifests.get(store, manifests.protectedCid().orElseThrow());
      List<Fr> slotRoots = new ArrayList<>(Collections.nCopies(manifest.numSlots(), null));
      for (SlotRoot root : roots) {
        slotRoots.set(root.slot(), root.root());
      }
      if (slotRoots.contains(null)) {
        throw new IllegalStateException("slot " + slotRoots.indexOf(null) + " was not built");
      }
      // Storing the manifest hashes nothing: any hasher will do.
      DatasetSlots slots = new DatasetSlots(store, Runnable::run, BlockHasher.java());
      return manifests.withVerifiable(slots.storeVerifiable(manifest, slotRoots, cellSize).verifiable().manifestCid());
    }
  }
}
