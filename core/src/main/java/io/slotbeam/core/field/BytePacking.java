package io.slotbeam.core.field;

/**
 * Bytes to field elements with "10*" byte padding (spec datapath §4.3, {@code nim-poseidon2:
 * poseidon2/io.nim}).
 *
 * <p>Every full 31-byte chunk becomes one element (little-endian). The remaining 0..30 bytes,
 * then one {@code 0x01} byte, zero-padded to 31 bytes, become one final element, which always
 * exists. So {@code n} bytes give {@code floor(n/31) + 1} elements: empty input is {@code [1]}, and
 * a 2048-byte cell is 67 elements.
 */
public final class BytePacking {
  /** Bytes per element. */
  public static final int CHUNK = 31;

  private BytePacking() {}

  /** Number of elements that {@code length} bytes pack into. */
  public static int elementCount(int length) {
    return length / CHUNK + 1;
  }

  /** The elements of {@code data[offset, offset + length)}. */
  public static Fr[] elements(byte[] data, int offset, int length) {
    Fr[] out = new Fr[elementCount(length)];
    long[] limbs = new long[4];
    for (int i = 0; i < out.length; i++) {
      loadElement(data, offset, length, i, limbs, 0);
      out[i] = Fr.ofMontgomeryLimbs(limbs, 0);
    }
    return out;
  }

  /** The elements of all of {@code data}. */
  public static Fr[] elements(byte[] data) {
    return elements(data, 0, data.length);
  }

  /**
   * Writes the Montgomery limbs ({@link FrMontgomery}) of element {@code index} of {@code
   * data[offset, offset + length)} into {@code dest[destOffset, destOffset + 4)}.
   */
  public static void loadElement(
      byte[] data, int offset, int length, int index, long[] dest, int destOffset) {
    loadCanonicalLimbs(data, offset, length, index, dest, destOffset);
    FrMontgomery.toMontgomery(dest, destOffset);
  }

  /**
   * Writes the four little-endian 64-bit limbs of the integer of element {@code index} of {@code
   * data[offset, offset + length)} into {@code dest[destOffset, destOffset + 4)}.
   */
  public static void loadCanonicalLimbs(
      byte[] data, int offset, int length, int index, long[] dest, int destOffset) {
    int start = index * CHUNK;
    int available = Math.min(CHUNK, length - start);
    if (index < 0 || index >= elementCount(length)) {
      throw new IndexOutOfBoundsException(
          "element " + index + " not in [0, " + elementCount(length) + ")");
    }
    long l0 = 0, l1 = 0, l2 = 0, l3 = 0;
    int base = offset + start;
    int i = available;
    if (available < CHUNK) {
      // The final element: the tail bytes, then the 0x01 marker.
      long marker = 1L << (8 * (available % 8));
      switch (available / 8) {
        case 0: l0 = marker; break;
        case 1: l1 = marker; break;
        case 2: l2 = marker; break;
        default: l3 = marker; break;
      }
    }
    while (i-- > 0) {
      long b = data[base + i] & 0xFFL;
      int shift = 8 * (i % 8);
      switch (i / 8) {
        case 0: l0 |= b << shift; break;
        case 1: l1 |= b << shift; break;
        case 2: l2 |= b << shift; break;
        default: l3 |= b << shift; break;
      }
    }
    dest[destOffset] = l0;
    dest[destOffset + 1] = l1;
    dest[destOffset + 2] = l2;
    dest[destOffset + 3] = l3;
  }
}
