package io.slotbeam.circuits;

import java.math.BigInteger;
import java.nio.ByteBuffer;

/** Little-endian integers of the iden3 binary files (n8 = 32 bytes per field element). */
final class FieldBytes {
  static final int N8 = 32;

  private FieldBytes() {}

  /** {@code value} (below 2^256) as 32 little-endian bytes. */
  static byte[] le32(BigInteger value) {
    byte[] big = value.toByteArray(); // big-endian, maybe with a sign byte
    byte[] out = new byte[N8];
    for (int i = 0; i < N8 && i < big.length; i++) {
      out[i] = big[big.length - 1 - i];
    }
    return out;
  }

  /** The unsigned integer of {@code length} little-endian bytes at {@code offset}. */
  static BigInteger fromLe(byte[] bytes, int offset, int length) {
    byte[] big = new byte[length];
    for (int i = 0; i < length; i++) {
      big[i] = bytes[offset + length - 1 - i];
    }
    return new BigInteger(1, big);
  }

  static BigInteger fromLe(byte[] bytes) {
    return fromLe(bytes, 0, bytes.length);
  }

  /**
   * Whether the 32 little-endian bytes at absolute {@code offset} of {@code bytes} are below the
   * modulus {@code modulusLe} (also 32 little-endian bytes). Compares byte by byte from the top
   * without allocating: a zkey's coefficient section holds millions of values, and one BigInteger
   * each made the JVM's heap grow by hundreds of MB while a key was read.
   */
  static boolean below(ByteBuffer bytes, int offset, byte[] modulusLe) {
    for (int i = N8 - 1; i >= 0; i--) {
      int v = bytes.get(offset + i) & 0xff;
      int m = modulusLe[i] & 0xff;
      if (v != m) {
        return v < m;
      }
    }
    return false;
  }
}
