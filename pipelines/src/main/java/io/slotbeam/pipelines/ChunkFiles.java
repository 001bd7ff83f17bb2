package io.slotbeam.pipelines;

import io.slotbeam.core.block.Block;
import io.slotbeam.core.block.BlockRef;
import io.slotbeam.core.block.Chunker;
import io.slotbeam.core.block.EmptyDatasetException;
import io.slotbeam.pipelines.Records.BlockRange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.util.Optional;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * Cuts every file into blocks as {@link Chunker} does, in ranges of a few blocks that workers read
 * and store in parallel, so one large file keeps every worker busy. Emits each data block's index
 * and CID; the bytes go to the block store only. A file that is unreadable, or shorter or longer
 * than when it was matched, fails the pipeline naming the file and the block.
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
        .apply("SplitIntoRanges", ParDo.of(new SplitIntoRangesFn(blockSize, rangeBlocks)))
        .setCoder(KvCoder.of(SourceFile.CODER, Records.RANGE))
        .apply("SpreadRanges", Reshuffle.viaRandomKey())
        .apply("ChunkAndStore", ParDo.of(new ChunkRangeFn(repo, blockSize)))
        .setCoder(KvCoder.of(SourceFile.CODER, Records.BLOCK_REF));
  }

  /** One file to its block ranges; an empty file is refused, as Codex refuses it. */
  static final class SplitIntoRangesFn extends DoFn<SourceFile, KV<SourceFile, BlockRange>> {
    private final int blockSize;
    private final int rangeBlocks;

    SplitIntoRangesFn(int blockSize, int rangeBlocks) {
      this.blockSize = blockSize;
      this.rangeBlocks = rangeBlocks;
    }

    @ProcessElement
    public void split(@Element SourceFile file, OutputReceiver<KV<SourceFile, BlockRange>> out) {
      if (file.size() == 0) {
        throw new EncodeFailedException(
            "file " + file,
            new EmptyDatasetException("the file is empty: Codex refuses a dataset of 0 bytes"));
      }
      long blocks = file.blockCount(blockSize);
      for (long first = 0; first < blocks; first += rangeBlocks) {
        out.output(KV.of(file, new BlockRange(first, (int) Math.min(rangeBlocks, blocks - first))));
      }
    }
  }

  /** Reads one range of a file, stores its blocks and emits their references. */
  static final class ChunkRangeFn extends StoreFn<KV<SourceFile, BlockRange>, KV<SourceFile, BlockRef>> {
    private final int blockSize;
    private final Counter blocks = EncodeMetrics.counter(EncodeMetrics.BLOCKS);
    private final Counter bytes = EncodeMetrics.counter(EncodeMetrics.BYTES);

    ChunkRangeFn(String repo, int blockSize) {
      super(repo);
      this.blockSize = blockSize;
    }

    @ProcessElement
    public void chunk(@Element KV<SourceFile, BlockRange> work, OutputReceiver<KV<SourceFile, BlockRef>> out) {
      SourceFile file = work.getKey();
      BlockRange range = work.getValue();
      long index = range.first();
      long offset = range.first() * blockSize;
      long expected = Math.min((long) range.count() * blockSize, file.size() - offset);
      try (SeekableByteChannel channel =
          (SeekableByteChannel) FileSystems.open(FileSystems.matchNewResource(file.path(), false))) {
        channel.position(offset);
        InputStream in = Channels.newInputStream(channel);
        Chunker chunker = new Chunker(in, blockSize);
        for (int i = 0; i < range.count(); i++, index++) {
          Optional<Block> block = chunker.next();
          long read = chunker.bytesRead();
          long want = Math.min((long) (i + 1) * blockSize, expected);
          if (block.isEmpty() || read != want) {
            throw new IOException(
                "read " + (offset + read) + " bytes where " + (offset + want) + " were expected: the file had "
                    + file.size() + " bytes when the pipeline matched it and has changed since");
          }
          store.put(block.get());
          blocks.inc();
          bytes.inc(read - (long) i * blockSize);
          out.output(KV.of(file, new BlockRef(index, block.get().cid())));
        }
        if (offset + expected == file.size() && in.read() >= 0) {
          throw new IOException(
              "the file has more than the " + file.size()
                  + " bytes it had when the pipeline matched it: it has changed since");
        }
      } catch (IOException | RuntimeException e) {
        throw failure("file " + file + ", block " + index, e);
      }
    }
  }
}
