package io.slotbeam.pipelines;

import io.slotbeam.core.block.Block;
import io.slotbeam.core.block.BlockRef;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.dataset.Upload;
import io.slotbeam.core.erasure.DatasetEncoder;
import io.slotbeam.core.erasure.ErasureParams;
import io.slotbeam.core.erasure.LeopardEncoder;
import io.slotbeam.core.erasure.SteppedLayout;
import io.slotbeam.core.field.Fr;
import io.slotbeam.core.hash.BlockHasher;
import io.slotbeam.core.manifest.Manifest;
import io.slotbeam.core.merkle.KeyedMerkleTree;
import io.slotbeam.core.slots.DatasetSlots;
import io.slotbeam.core.slots.SlotBuilder;
import io.slotbeam.core.slots.SlotTrees;
import io.slotbeam.core.store.FileBlockStore;
import io.slotbeam.pipelines.Records.EncodedGroup;
import io.slotbeam.pipelines.Records.Manifests;
import io.slotbeam.pipelines.Records.Range;
import io.slotbeam.prover.hash.BlockHashers;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * Makes every file a stored, erasure-coded, verifiable dataset, with the same blocks, trees and
 * manifests as {@link Upload#store}, {@link DatasetEncoder#protect} and {@link DatasetSlots#build}
 * one after another, in one pass over the bytes: the work item is a range of erasure groups, and
 * a worker reads each group's K data blocks straight from the file (stepped layout, spec datapath
 * §6.2), stores them with the M parity blocks Leopard computes, and hashes all K + M into their
 * slot-tree block roots while they are in memory. A group is one column of the layout, so its
 * blocks are one position of every slot. Per file, the block CIDs and roots are then assembled
 * into the plain, protected and verifiable manifests and the slot trees.
 *
 * <p>Done as separate steps (chunk, then erasure, then slots, each reading back what the one
 * before stored), the pipeline ran at a third of the slot builder's rate: each step read every
 * block back with a CID check, and each step's thousands of elements paid the runner's costs.
 * A worker holds K + M blocks; a range's files reach the disk as one {@link
 * FileBlockStore.Batch}, committed in the background while the next range is coded ({@link
 * BackgroundCommits}). Blocks are hashed by the hasher named in the options ({@link
 * BlockHashers#named}), or the fastest one that loads on the worker.
 */
final class EncodeGroups extends PTransform<PCollection<SourceFile>, PCollection<KV<SourceFile, Manifests>>> {
  private final String repo;
  private final Coding coding;
  private final int rangeGroups;
  private final String filename;
  private final String mimetype;

  /**
   * {@code rangeGroups} erasure groups per work item; {@code hasher}: a name of {@link
   * BlockHashers#NAMES}, or null for the fastest; {@code filename} and {@code mimetype}, if
   * present, go into every plain manifest.
   */
  EncodeGroups(
      String repo,
      ErasureParams params,
      int cellSize,
      String hasher,
      int rangeGroups,
      Optional<String> filename,
      Optional<String> mimetype) {
    this.repo = repo;
    this.coding = new Coding(params.k(), params.m(), params.blockSize(), cellSize, hasher);
    this.rangeGroups = rangeGroups;
    this.filename = filename.orElse(null);
    this.mimetype = mimetype.orElse(null);
  }

  @Override
  public PCollection<KV<SourceFile, Manifests>> expand(PCollection<SourceFile> files) {
    return files
        .apply("SplitIntoGroupRanges", ParDo.of(new SplitIntoRangesFn(coding.blockSize(), coding.k(), rangeGroups)))
        .setCoder(KvCoder.of(SourceFile.CODER, Records.RANGE))
        .apply("SpreadRanges", Reshuffle.viaRandomKey())
        .apply("EncodeGroups", ParDo.of(new EncodeRangeFn(repo, coding)))
        .setCoder(KvCoder.of(SourceFile.CODER, Records.ENCODED_GROUP))
        .apply("GroupByFile", GroupByKey.create())
        .apply("StoreManifests", ParDo.of(new StoreManifestsFn(repo, coding, filename, mimetype)))
        .setCoder(KvCoder.of(SourceFile.CODER, Records.MANIFESTS));
  }

  /**
   * The code's and the slots' parameters, kept as plain values because ErasureParams is not
   * Serializable; {@code hasher} is a hasher's name, or null for the fastest.
   */
  private record Coding(int k, int m, int blockSize, int cellSize, String hasher)
      implements Serializable {
    ErasureParams params() {
      return new ErasureParams(k, m, blockSize);
    }

    SteppedLayout layout(SourceFile file) {
      return new SteppedLayout(file.blockCount(blockSize), k, m);
    }

    BlockHasher blockHasher() {
      return hasher == null ? BlockHashers.fastest() : BlockHashers.named(hasher);
    }
  }

  /** Reads, codes, stores and hashes a range of a file's erasure groups. */
  static final class EncodeRangeFn extends StoreFn<KV<SourceFile, Range>, KV<SourceFile, EncodedGroup>> {
    private final Coding coding;
    private final Counter dataBlocks = EncodeMetrics.counter(EncodeMetrics.BLOCKS);
    private final Counter bytes = EncodeMetrics.counter(EncodeMetrics.BYTES);
    private final Counter parityBlocks = EncodeMetrics.counter(EncodeMetrics.PARITY_BLOCKS);
    private final Counter slotBlocks = EncodeMetrics.counter(EncodeMetrics.SLOT_BLOCKS);
    private transient BlockHasher hasher;
    private transient LeopardEncoder leopard;
    private transient BackgroundCommits commits;

    EncodeRangeFn(String repo, Coding coding) {
      super(repo);
      this.coding = coding;
    }

    @Override
    protected void prepare() {
      hasher = coding.blockHasher();
      leopard = LeopardEncoder.fastest();
      commits = new BackgroundCommits(disk);
    }

    @Override
    protected void release() {
      commits.close();
    }

    /** The bundle's outputs go on only once all its blocks are on disk. */
    @FinishBundle
    public void awaitBlocksOnDisk() {
      try {
        commits.awaitAll();
      } catch (IOException e) {
        throw failure("the end of a bundle", e);
      }
    }

    @ProcessElement
    public void encode(@Element KV<SourceFile, Range> work, OutputReceiver<KV<SourceFile, EncodedGroup>> out) {
      SourceFile file = work.getKey();
      Range range = work.getValue();
      int group = Math.toIntExact(range.first());
      List<EncodedGroup> encoded = new ArrayList<>(range.count());
      FileBlockStore.Batch batch = store.batch();
      try (SourceBlocks source = SourceBlocks.open(file, coding.blockSize())) {
        SteppedLayout layout = coding.layout(file);
        for (; group < range.first() + range.count(); group++) {
          encoded.add(encodeGroup(file, layout, group, source, batch));
        }
        commits.commit(batch, "file " + file + ", erasure groups " + range.first() + ".." + (group - 1));
      } catch (IOException | RuntimeException e) {
        discard(batch, e);
        commits.awaitAllAfter(e);
        throw failure("file " + file + ", erasure group " + group, e);
      }
      for (EncodedGroup done : encoded) {
        slotBlocks.inc(coding.k() + coding.m());
        out.output(KV.of(file, done));
      }
    }

    /** Deletes what a failed range wrote; a failure to delete is added to {@code failure}. */
    private static void discard(FileBlockStore.Batch batch, Exception failure) {
      try {
        batch.close();
      } catch (IOException e) {
        failure.addSuppressed(e);
      }
    }

    /** One group: its data blocks read and added to {@code batch}, its parity computed and added. */
    private EncodedGroup encodeGroup(
        SourceFile file, SteppedLayout layout, int group, SourceBlocks source, FileBlockStore.Batch batch)
        throws IOException {
      int k = coding.k();
      long[] indices = layout.dataIndices(group);
      byte[][] shards = new byte[k][];
      List<BlockRef> blocks = new ArrayList<>(k + coding.m());
      List<Fr> roots = new ArrayList<>(k + coding.m());
      for (int i = 0; i < k; i++) {
        if (layout.isPadding(indices[i])) {
          shards[i] = new byte[coding.blockSize()];
          continue;
        }
        Block block = source.read(indices[i]);
        shards[i] = block.data();
        add(block, indices[i], shards[i], batch, blocks, roots);
        dataBlocks.inc();
        bytes.inc(Math.min(coding.blockSize(), file.size() - indices[i] * coding.blockSize()));
      }
      byte[][] parity = leopard.encode(shards, coding.m());
      for (int j = 0; j < parity.length; j++) {
        add(Block.of(parity[j]), layout.parityIndex(group, j), parity[j], batch, blocks, roots);
      }
      parityBlocks.inc(parity.length);
      return new EncodedGroup(group, blocks, roots);
    }

    private void add(
        Block block, long index, byte[] bytes, FileBlockStore.Batch batch, List<BlockRef> blocks, List<Fr> roots)
        throws IOException {
      batch.add(block);
      blocks.add(new BlockRef(index, block.cid()));
      roots.add(hasher.root(bytes, 0, bytes.length, coding.cellSize()));
    }
  }

  /**
   * One file's encoded groups, in any order, to its stored manifests: the plain dataset's tree and
   * manifest, the protected ones, every slot tree and the verifiable manifest. Holds the file's
   * block CIDs and roots (about 100 bytes per block).
   */
  static final class StoreManifestsFn extends StoreFn<KV<SourceFile, Iterable<EncodedGroup>>, KV<SourceFile, Manifests>> {
    private final Coding coding;
    private final String filename;
    private final String mimetype;
    private final Counter files = EncodeMetrics.counter(EncodeMetrics.FILES);
    private final Counter slots = EncodeMetrics.counter(EncodeMetrics.SLOTS);
    private transient BlockHasher hasher;

    StoreManifestsFn(String repo, Coding coding, String filename, String mimetype) {
      super(repo);
      this.coding = coding;
      this.filename = filename;
      this.mimetype = mimetype;
    }

    @Override
    protected void prepare() {
      hasher = coding.blockHasher();
    }

    @ProcessElement
    public void assemble(
        @Element KV<SourceFile, Iterable<EncodedGroup>> groups, OutputReceiver<KV<SourceFile, Manifests>> out) {
      SourceFile file = groups.getKey();
      try {
        SteppedLayout layout = coding.layout(file);
        int total = Math.toIntExact(layout.total());
        Cid[] cids = new Cid[total];
        Fr[] roots = new Fr[total];
        for (EncodedGroup group : groups.getValue()) {
          for (int i = 0; i < group.blocks().size(); i++) {
            int index = Math.toIntExact(group.blocks().get(i).index());
            cids[index] = group.blocks().get(i).cid();
            roots[index] = group.roots().get(i);
          }
        }
        List<Cid> dataCids = new ArrayList<>(Math.toIntExact(layout.originalBlocks()));
        for (int i = 0; i < layout.originalBlocks(); i++) {
          dataCids.add(encoded(cids, i));
        }
        List<List<Cid>> parity = new ArrayList<>(layout.steps());
        for (int group = 0; group < layout.steps(); group++) {
          List<Cid> groupParity = new ArrayList<>(coding.m());
          for (int j = 0; j < coding.m(); j++) {
            groupParity.add(encoded(cids, layout.parityIndex(group, j)));
          }
          parity.add(groupParity);
        }
        Upload.Stored plain =
            Upload.finish(
                dataCids, file.size(), coding.blockSize(), Optional.ofNullable(filename),
                Optional.ofNullable(mimetype), store);
        Upload.Stored protectedStored =
            new DatasetEncoder(store, Runnable::run, LeopardEncoder.fastest())
                .storeProtected(plain.manifest(), coding.params(), dataCids, parity);
        Manifest protectedManifest = protectedStored.manifest();
        DatasetSlots datasetSlots = new DatasetSlots(store, Runnable::run, hasher);
        SlotBuilder builder =
            new SlotBuilder(DatasetSlots.geometry(protectedManifest, coding.cellSize()), Runnable::run, hasher);
        List<Fr> slotRoots = new ArrayList<>(protectedManifest.numSlots());
        for (List<BlockRef> slot : datasetSlots.slotBlocks(protectedManifest)) {
          List<Fr> blockRoots =
              slot.stream()
                  .map(block -> block.isPadding() ? builder.zeroBlockRoot() : roots[Math.toIntExact(block.index())])
                  .toList();
          KeyedMerkleTree<Fr> tree = builder.tree(blockRoots);
          SlotTrees.put(store, tree);
          slots.inc();
          slotRoots.add(tree.root());
        }
        DatasetSlots.Built verifiable = datasetSlots.storeVerifiable(protectedManifest, slotRoots, coding.cellSize());
        files.inc();
        out.output(
            KV.of(
                file,
                Manifests.plainOnly(plain.manifestCid())
                    .withProtected(protectedStored.manifestCid())
                    .withVerifiable(verifiable.verifiable().manifestCid())));
      } catch (IOException | RuntimeException e) {
        throw failure("file " + file, e);
      }
    }

    /** The CID of block {@code index}, which some group must have encoded. */
    private static Cid encoded(Cid[] cids, long index) {
      Cid cid = cids[Math.toIntExact(index)];
      if (cid == null) {
        throw new IllegalStateException("protected block " + index + " was not encoded");
      }
      return cid;
    }
  }
}
