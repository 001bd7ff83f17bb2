package io.slotbeam.circuits;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The section table of an iden3 binary file ({@code @iden3/binfileutils: src/binfileutils.js},
 * {@code readBinFile}): a 4-byte ASCII magic, {@code u32 version}, {@code u32 nSections}, then
 * {@code nSections} times {@code u32 id, u64 size, size bytes}; integers little-endian.
 *
 * <p>The table is checked before anything in it is trusted: the header fits, each section header
 * and body fit in the file, and the sections cover the file exactly (binfileutils tolerates
 * trailing bytes; a truncated or padded file is more likely damage than intent, so it is refused).
 */
final class BinFileSections {
  /** {@code u32 id, u64 size}. */
  static final int SECTION_HEADER = 12;

  private static final int FILE_HEADER = 12;

  /** One section: its id, the offset of its body in the file and the body's size. */
  record Section(int id, long offset, long size) {}

  private final String kind;
  private final int version;
  private final List<Section> sections;

  private BinFileSections(String kind, int version, List<Section> sections) {
    this.kind = kind;
    this.version = version;
    this.sections = List.copyOf(sections);
  }

  /**
   * Reads the table of {@code channel}, a file of kind {@code magic} (e.g. {@code "zkey"}) with a
   * version in {@code [1, maxVersion]}.
   */
  static BinFileSections read(FileChannel channel, String magic, int maxVersion)
      throws IOException {
    long fileSize = channel.size();
    if (fileSize < FILE_HEADER) {
      throw new BinFileException(
          magic + " file of " + fileSize + " bytes is shorter than its 12-byte header");
    }
    ByteBuffer header = readAt(channel, 0, FILE_HEADER);
    byte[] found = new byte[4];
    header.get(found);
    if (!magic.equals(new String(found, StandardCharsets.ISO_8859_1))) {
      throw new BinFileException(
          "not a " + magic + " file: magic at offset 0 is \""
              + new String(found, StandardCharsets.ISO_8859_1) + "\"");
    }
    long version = Integer.toUnsignedLong(header.getInt());
    if (version < 1 || version > maxVersion) {
      throw new BinFileException(
          magic + " header at offset 4: version " + version + " is not in [1, " + maxVersion + "]");
    }
    long count = Integer.toUnsignedLong(header.getInt());
    List<Section> sections = new ArrayList<>();
    long pos = FILE_HEADER;
    for (long i = 0; i < count; i++) {
      if (fileSize - pos < SECTION_HEADER) {
        throw new BinFileException(
            magic + " section table: header of section " + i + " of " + count + " at offset "
                + pos + " overruns the file of " + fileSize + " bytes (truncated?)");
      }
      ByteBuffer sh = readAt(channel, pos, SECTION_HEADER);
      int id = sh.getInt();
      long size = sh.getLong();
      long body = pos + SECTION_HEADER;
      if (size < 0 || size > fileSize - body) {
        throw new BinFileException(
            magic + " section " + Integer.toUnsignedString(id) + " at offset " + body + ": size "
                + Long.toUnsignedString(size) + " overruns the file of " + fileSize
                + " bytes (truncated?)");
      }
      sections.add(new Section(id, body, size));
      pos = body + size;
    }
    if (pos != fileSize) {
      throw new BinFileException(
          magic + " file has " + (fileSize - pos) + " bytes after its " + count
              + " sections (offset " + pos + ")");
    }
    return new BinFileSections(magic, (int) version, sections);
  }

  int version() {
    return version;
  }

  /** The sections in file order. */
  List<Section> all() {
    return sections;
  }

  /** The one section {@code id}, named {@code name} in errors; missing or repeated is an error. */
  Section unique(int id, String name) {
    Section found = null;
    for (Section s : sections) {
      if (s.id() == id) {
        if (found != null) {
          throw new BinFileException(
              kind + " section " + id + " (" + name + ") is repeated (offsets " + found.offset()
                  + " and " + s.offset() + ")");
        }
        found = s;
      }
    }
    if (found == null) {
      throw new BinFileException(kind + " section " + id + " (" + name + ") is missing");
    }
    return found;
  }

  /** Whether a section {@code id} is present. */
  boolean has(int id) {
    return sections.stream().anyMatch(s -> s.id() == id);
  }

  /** The body of {@code section} mapped read-only, little-endian. */
  static ByteBuffer map(FileChannel channel, Section section, String kind) throws IOException {
    if (section.size() > Integer.MAX_VALUE) {
      throw new BinFileException(
          kind + " section " + section.id() + " at offset " + section.offset() + " has "
              + section.size() + " bytes, more than one mapping holds (2 GiB)");
    }
    MappedByteBuffer mapped =
        channel.map(FileChannel.MapMode.READ_ONLY, section.offset(), section.size());
    return mapped.order(ByteOrder.LITTLE_ENDIAN);
  }

  private static ByteBuffer readAt(FileChannel channel, long pos, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    readFully(channel, buffer, pos);
    return buffer.flip();
  }

  /** Fills {@code buffer}'s remaining bytes from the file at {@code pos} onwards. */
  static void readFully(FileChannel channel, ByteBuffer buffer, long pos) throws IOException {
    int start = buffer.position();
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, pos + buffer.position() - start) < 0) {
        throw new BinFileException("file ended at offset " + (pos + buffer.position() - start));
      }
    }
  }
}
