package io.slotbeam.node.market;

import java.util.Arrays;
import java.util.HexFormat;

/** 32 bytes with value equality, the shape of every marketplace identifier (spec node §5.2). */
abstract class Bytes32 {
  static final int LENGTH = 32;
  private final byte[] bytes;

  Bytes32(byte[] bytes, String what) {
    if (bytes == null || bytes.length != LENGTH) {
      throw new IllegalArgumentException(
          what + " has " + (bytes == null ? "no" : bytes.length) + " bytes, not " + LENGTH);
    }
    this.bytes = bytes.clone();
  }

  static byte[] parseHex(String hex, String what) {
    String digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
    if (digits.length() != 2 * LENGTH) {
      throw new IllegalArgumentException(
          what + " '" + hex + "' is not " + LENGTH + " bytes of hex (" + 2 * LENGTH + " digits)");
    }
    try {
      return HexFormat.of().parseHex(digits);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(what + " '" + hex + "' is not hex", e);
    }
  }

  public final byte[] bytes() {
    return bytes.clone();
  }

  /** {@code 0x}-prefixed lower-case hex, as nim-codex's REST API prints ids. */
  public final String hex() {
    return "0x" + HexFormat.of().formatHex(bytes);
  }

  @Override
  public final boolean equals(Object other) {
    return other != null && other.getClass() == getClass()
        && Arrays.equals(bytes, ((Bytes32) other).bytes);
  }

  @Override
  public final int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public final String toString() {
    return hex();
  }
}
