package io.slotbeam.core.cid;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * Unsigned varints as used by multiformats (spec datapath §0.2): unsigned LEB128, 7 bits per byte,
 * lowest group first, high bit set on every byte except the last.
 *
 * <p>Follows the multiformats unsigned-varint rules: at most {@value #MAX_BYTES} bytes, so values
 * are limited to 63 bits (every non-negative {@code long}), and the encoding must be minimal (no
 * trailing {@code 0x00} group). Example: {@code 0xCD02} encodes as {@code 82 9a 03}.
 */
public final class Varint {
  /** Longest allowed encoding: 9 bytes x 7 bits = 63 bits. */
  public static final int MAX_BYTES = 9;

  private Varint() {}

  /** Number of bytes {@link #encode} produces for {@code value}. */
  public static int encodedLength(long value) {
    requireNonNegative(value);
    int length = 1;
    while ((value >>>= 7) != 0) {
      length++;
    }
    return length;
  }

  /** The minimal encoding of {@code value}; rejects negative values. */
  public static byte[] encode(long value) {
    ByteBuffer out = ByteBuffer.allocate(encodedLength(value));
    write(value, out);
    return out.array();
  }

  /**
   * Writes the encoding of {@code value} at the buffer's position and advances it.
   *
   * @throws java.nio.BufferOverflowException if the buffer has too little room left
   */
  public static void write(long value, ByteBuffer out) {
    requireNonNegative(value);
    while ((value & ~0x7FL) != 0) {
      out.put((byte) ((value & 0x7F) | 0x80));
      value >>>= 7;
    }
    out.put((byte) value);
  }

  /** Appends the encoding of {@code value} to {@code out}. */
  public static void write(long value, ByteArrayOutputStream out) {
    out.writeBytes(encode(value));
  }

  /**
   * Reads one varint at the buffer's position and advances the position past it.
   *
   * @throws InvalidCidException if the input ends inside the varint, the varint is longer than
   *     {@value #MAX_BYTES} bytes, or it is not minimally encoded
   */
  public static long decode(ByteBuffer in) {
    int start = in.position();
    long value = 0;
    for (int i = 0; i < MAX_BYTES; i++) {
      if (!in.hasRemaining()) {
        throw new InvalidCidException(
            "varint at offset " + start + " is truncated: input ends after " + i
                + " byte(s) while the continuation bit was set");
      }
      int b = in.get() & 0xFF;
      value |= (long) (b & 0x7F) << (7 * i);
      if ((b & 0x80) == 0) {
        if (b == 0 && i > 0) {
          throw new InvalidCidException(
              "varint at offset " + start + " is not minimal: its last byte (offset "
                  + (start + i) + ") is 0x00; the minimal encoding is required");
        }
        return value;
      }
    }
    throw new InvalidCidException(
        "varint at offset " + start + " is longer than " + MAX_BYTES
            + " bytes: byte " + MAX_BYTES + " still has the continuation bit set (values are"
            + " limited to 63 bits)");
  }

  private static void requireNonNegative(long value) {
    if (value < 0) {
      throw new InvalidCidException(
          "cannot encode " + value + " as an unsigned varint: the value must be non-negative");
    }
  }
}
