package io.slotbeam.circuits;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test support (no tests): finding and corrupting sections of iden3 binary files. */
final class BinFiles {
  /** Something that reads a file and may throw. */
  interface Reader {
    void read(Path path) throws IOException;
  }

  private BinFiles() {}

  /** The section ids of {@code bytes} in file order. */
  static List<Integer> sectionIds(byte[] bytes) {
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    List<Integer> ids = new ArrayList<>();
    int pos = 12;
    for (int i = 0; i < b.getInt(8); i++) {
      ids.add(b.getInt(pos));
      pos += 12 + (int) b.getLong(pos + 4);
    }
    return ids;
  }

  /** The offset of the body of section {@code id} in {@code bytes}. */
  static int sectionBody(byte[] bytes, int id) {
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int n = b.getInt(8);
    int pos = 12;
    for (int i = 0; i < n; i++) {
      int type = b.getInt(pos);
      long size = b.getLong(pos + 4);
      if (type == id) {
        return pos + 12;
      }
      pos += 12 + (int) size;
    }
    return fail("no section " + id);
  }

  /** The offset of the header (id, size) of section {@code id}. */
  static int sectionHeader(byte[] bytes, int id) {
    return sectionBody(bytes, id) - 12;
  }

  static byte[] withInt(byte[] bytes, int offset, int value) {
    byte[] copy = bytes.clone();
    ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putInt(offset, value);
    return copy;
  }

  static byte[] withByteFlipped(byte[] bytes, int offset) {
    byte[] copy = bytes.clone();
    copy[offset] ^= 0x40;
    return copy;
  }

  /**
   * Asserts that every {@code step}-th truncation of {@code bytes}, and the one missing only the
   * last byte, is rejected with a message naming the file {@code kind}.
   */
  static void assertTruncationsRejected(Path dir, byte[] bytes, int step, Reader reader, String kind)
      throws IOException {
    for (int length = 0; length < bytes.length; length += step) {
      assertRejected(dir, Arrays.copyOf(bytes, length), reader, kind);
    }
    assertRejected(dir, Arrays.copyOf(bytes, bytes.length - 1), reader, "overruns the file");
  }

  /** Writes {@code bytes} to a file in {@code dir}, reads it and asserts the error's message. */
  static void assertRejected(Path dir, byte[] bytes, Reader reader, String... fragments)
      throws IOException {
    Path file = Files.createTempFile(dir, "corrupt", ".bin");
    Files.write(file, bytes);
    BinFileException e = assertThrows(BinFileException.class, () -> reader.read(file));
    for (String fragment : fragments) {
      assertTrue(
          e.getMessage().contains(fragment),
          () -> "expected '" + fragment + "' in: " + e.getMessage());
    }
    Files.delete(file);
  }
}
