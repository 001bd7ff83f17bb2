package io.slotbeam.core.block;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Cuts a stream into fixed-size blocks (spec datapath §2.2, {@code nim-codex: codex/chunker.nim}):
 * each block is filled from the stream until full or the stream ends, so block boundaries never
 * depend on how the stream delivers bytes; the last block is zero-padded to the full block size.
 * {@link #bytesRead()} counts the unpadded bytes, the dataset size. Holds one block at a time.
 */
public final class Chunker {
  /** Codex's block size, 64 KiB ({@code DefaultBlockSize}, spec §2.1). */
  public static final int DEFAULT_BLOCK_SIZE = 65536;

  private final InputStream in;
  private final int blockSize;
  private long bytesRead;
  private boolean exhausted;

  public Chunker(InputStream in, int blockSize) {
    if (blockSize <= 0) {
      throw new IllegalArgumentException("block size " + blockSize + " must be positive");
    }
    this.in = in;
    this.blockSize = blockSize;
  }

  /** The next block, or empty when the stream has no more bytes. */
  public Optional<Block> next() throws IOException {
    if (exhausted) {
      return Optional.empty();
    }
    byte[] buffer = new byte[blockSize];
    int filled = in.readNBytes(buffer, 0, blockSize);
    if (filled < blockSize) {
      exhausted = true;
    }
    if (filled == 0) {
      return Optional.empty();
    }
    bytesRead += filled;
    return Optional.of(Block.wrap(buffer));
  }

  /** Bytes read so far, without padding. */
  public long bytesRead() {
    return bytesRead;
  }

  public int blockSize() {
    return blockSize;
  }
}
