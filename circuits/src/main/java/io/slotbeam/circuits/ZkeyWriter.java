package io.slotbeam.circuits;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes an iden3 binary file section by section, streaming, into a temporary file next to the
 * target that {@link #commit} renames over it (atomically where the file system allows); closing
 * without a commit deletes the temporary file. Layout as {@code @iden3/binfileutils} writes it
 * ({@code createBinFile}, {@code startWriteSection}/{@code endWriteSection}): magic, {@code u32
 * version}, {@code u32 nSections}, then per section {@code u32 id, u64 size, body}.
 *
 * <p>Used for {@code .zkey} files ({@link ZkeyFile#write}); a setup can write each section as it
 * computes it, without holding the file in memory.
 */
public final class ZkeyWriter implements Closeable {
  /** Writes the body of one section. */
  @FunctionalInterface
  public interface SectionBody {
    void write(Output out) throws IOException;
  }

  /** A buffered little-endian sink for a section body. */
  public static final class Output {
    private final FileChannel channel;
    private final ByteBuffer buffer =
        ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);

    private Output(FileChannel channel) {
      this.channel = channel;
    }

    public Output putInt(int value) throws IOException {
      room(4).putInt(value);
      return this;
    }

    public Output putLong(long value) throws IOException {
      room(8).putLong(value);
      return this;
    }

    public Output put(byte[] bytes) throws IOException {
      return put(ByteBuffer.wrap(bytes));
    }

    /** Writes the remaining bytes of {@code bytes} (its position is left unchanged). */
    public Output put(ByteBuffer bytes) throws IOException {
      ByteBuffer src = bytes.duplicate();
      while (src.hasRemaining()) {
        if (!buffer.hasRemaining()) {
          flush();
        }
        int n = Math.min(buffer.remaining(), src.remaining());
        ByteBuffer slice = src.slice();
        slice.limit(n);
        buffer.put(slice);
        src.position(src.position() + n);
      }
      return this;
    }

    private ByteBuffer room(int bytes) throws IOException {
      if (buffer.remaining() < bytes) {
        flush();
      }
      return buffer;
    }

    private void flush() throws IOException {
      buffer.flip();
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      buffer.clear();
    }
  }

  private final Path target;
  private final Path temp;
  private final FileChannel channel;
  private final Output output;
  private final int sections;
  private int written;
  private boolean committed;

  private ZkeyWriter(Path target, Path temp, FileChannel channel, int sections) {
    this.target = target;
    this.temp = temp;
    this.channel = channel;
    this.output = new Output(channel);
    this.sections = sections;
  }

  /**
   * Starts the file {@code target} with the 4-character {@code magic}, {@code version} and the
   * number of sections that will follow.
   */
  public static ZkeyWriter create(Path target, String magic, int version, int sections)
      throws IOException {
    byte[] magicBytes = magic.getBytes(StandardCharsets.US_ASCII);
    if (magicBytes.length != 4) {
      throw new IllegalArgumentException("magic \"" + magic + "\" is not 4 ASCII characters");
    }
    Path absolute = target.toAbsolutePath();
    Path temp = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".tmp");
    FileChannel channel =
        FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    ZkeyWriter writer = new ZkeyWriter(absolute, temp, channel, sections);
    writer.output.put(magicBytes).putInt(version).putInt(sections);
    return writer;
  }

  /** Appends section {@code id} with the body {@code body} writes. */
  public void section(int id, SectionBody body) throws IOException {
    if (written == sections) {
      throw new IllegalStateException("all " + sections + " sections are already written");
    }
    output.putInt(id).putLong(0);
    output.flush();
    long sizeAt = channel.position() - 8;
    body.write(output);
    output.flush();
    long size = channel.position() - sizeAt - 8;
    ByteBuffer sizeBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(size);
    sizeBytes.flip();
    while (sizeBytes.hasRemaining()) {
      channel.write(sizeBytes, sizeAt + sizeBytes.position());
    }
    written++;
  }

  /** Finishes the file and renames it over the target; every announced section must be written. */
  public void commit() throws IOException {
    if (written != sections) {
      throw new IllegalStateException(
          "the header announces " + sections + " sections but " + written + " were written");
    }
    output.flush();
    channel.force(true);
    channel.close();
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
    committed = true;
  }

  /** Abandons an uncommitted file (deletes the temporary file); after a commit, does nothing. */
  @Override
  public void close() throws IOException {
    if (!committed) {
      channel.close();
      Files.deleteIfExists(temp);
    }
  }
}
