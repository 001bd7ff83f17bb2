package io.slotbeam.pipelines;

import io.slotbeam.core.block.Block;
import io.slotbeam.core.block.Chunker;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.util.Optional;
import org.apache.beam.sdk.io.FileSystems;

/**
 * The blocks of one input file, read at any index as {@link Chunker} cuts the whole file (the last
 * one zero-padded), so workers can read ranges or the scattered blocks of an erasure group. A
 * file that is shorter or longer than when it was matched is an {@link IOException} naming the
 * byte counts.
 */
final class SourceBlocks implements Closeable {
  private final SourceFile file;
  private final int blockSize;
  private final SeekableByteChannel channel;

  private SourceBlocks(SourceFile file, int blockSize, SeekableByteChannel channel) {
    this.file = file;
    this.blockSize = blockSize;
    this.channel = channel;
  }

  /** Opens {@code file} through Beam's {@code FileSystems}, so any of its schemes will do. */
  static SourceBlocks open(SourceFile file, int blockSize) throws IOException {
    return new SourceBlocks(
        file,
        blockSize,
        (SeekableByteChannel) FileSystems.open(FileSystems.matchNewResource(file.path(), false)));
  }

  /** Block {@code index} of the file, which must be below {@link SourceFile#blockCount}. */
  Block read(long index) throws IOException {
    long offset = index * blockSize;
    long expected = Math.min(blockSize, file.size() - offset);
    channel.position(offset);
    InputStream in = Channels.newInputStream(channel);
    Chunker chunker = new Chunker(in, blockSize);
    Optional<Block> block = chunker.next();
    if (block.isEmpty() || chunker.bytesRead() != expected) {
      throw new IOException(
          "read " + (offset + chunker.bytesRead()) + " bytes where " + (offset + expected)
              + " were expected: the file had " + file.size()
              + " bytes when the pipeline matched it and has changed since");
    }
    if (offset + expected == file.size() && in.read() >= 0) {
      throw new IOException(
          "the file has more than the " + file.size()
              + " bytes it had when the pipeline matched it: it has changed since");
    }
    return block.get();
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
