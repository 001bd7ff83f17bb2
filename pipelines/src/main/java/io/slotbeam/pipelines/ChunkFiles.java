package io.slotbeam.pipelines;

import io.slotbeam.core.block.Block;
import io.slotbeam.core.block.BlockRef;
import io.slotbeam.core.block.Chunker;
import io.slotbeam.core.store.FileBlockStore;
import io.slotbeam.pipelines.Records.Range;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * Cuts every file into blocks as {@link Chunker} does, in ranges of a few blocks that workers read
 * and store in parallel, so one large file keeps every worker busy; each range's blocks reach the
 * disk as one {@link FileBlockStore.Batch}. Emits each data block's index and CID; the bytes go to
 * the block store only. A file that is unreadable, or shorter or longer than when it was matched,
 * fails the pipeline naming the file and the block. The path of plain datasets: erasure-coded ones
 * are chunked by {@link EncodeGroups}.
 */
final class ChunkFiles extends PTransform<PCollection<SourceFile>, PCollection<KV<SourceFile, BlockRef>>> {
  private final String repo;
  private final int blockSize;
  private final int rangeBlocks;

  ChunkFiles(String repo, int blockSize, int rangeBlocks) {
    this.repo = repo;
    this.blockSize = blockSize;
    this.rangeBlocks = rangeBlocks;
  }

  @Override
  public PCollection<KV<SourceFile, BlockRef>> expand(PCollection<SourceFile> files) {
    return files
        .apply("SplitIntoRanges", ParDo.of(new SplitIntoRangesFn(blockSize, 1, rangeBlocks)))
        .setCoder(KvCoder.of(SourceFile.CODER, Records.RANGE))
        .apply("SpreadRanges", Reshuffle.viaRandomKey())
        .apply("ChunkAndStore", ParDo.of(new ChunkRangeFn(repo, blockSize)))
        .setCoder(KvCoder.of(SourceFile.CODER, Records.BLOCK_REF));
  }

  /** Reads one range of a file, stores its blocks and emits their references. */
  static final class ChunkRangeFn extends StoreFn<KV<SourceFile, Range>, KV<SourceFile, BlockRef>> {
    private final int blockSize;
    private final Counter blocks = EncodeMetrics.counter(EncodeMetrics.BLOCKS);
    private final Counter bytes = EncodeMetrics.counter(EncodeMetrics.BYTES);

    ChunkRangeFn(String repo, int blockSize) {
      super(repo);
      this.blockSize = blockSize;
    }

    @ProcessElement
    public void chunk(@Element KV<SourceFile, Range> work, OutputReceiver<KV<SourceFile, BlockRef>> out) {
      SourceFile file = work.getKey();
      Range range = work.getValue();
      long index = range.first();
      List<BlockRef> refs = new ArrayList<>(range.count());
      try (SourceBlocks source = SourceBlocks.open(file, blockSize);
          FileBlockStore.Batch batch = store.batch()) {
        for (; index < range.first() + range.count(); index++) {
          Block block = source.read(index);
          batch.add(block);
          refs.add(new BlockRef(index, block.cid()));
        }
        batch.commit(disk);
      } catch (IOException | RuntimeException e) {
        throw failure("file " + file + ", block " + index, e);
      }
      for (BlockRef ref : refs) {
        blocks.inc();
        bytes.inc(Math.min(blockSize, file.size() - ref.index() * blockSize));
        out.output(KV.of(file, ref));
      }
    }
  }
}
