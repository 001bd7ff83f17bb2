package io.slotbeam.prover.bn254;

import io.slotbeam.core.field.NonCanonicalFieldElementException;
import java.math.BigInteger;
import java.util.List;

/** Integers below a modulus as the 32-byte little-endian words libslotbeam takes. */
final class Le32 {
  static final int BYTES = 32;

  private Le32() {}

  /** Packs {@code values}, each checked to be in {@code [0, modulus)}; {@code what} names them. */
  static byte[] pack(List<BigInteger> values, BigInteger modulus, String what) {
    byte[] out = new byte[BYTES * values.size()];
    for (int i = 0; i < values.size(); i++) {
      BigInteger v = values.get(i);
      if (v.signum() < 0 || v.compareTo(modulus) >= 0) {
        throw new NonCanonicalFieldElementException(
            what + " " + i + " = " + v + " is not in [0, " + modulus + ")");
      }
      write(v, out, BYTES * i);
    }
    return out;
  }

  static void write(BigInteger value, byte[] out, int offset) {
    byte[] be = value.toByteArray();
    for (int i = 0; i < BYTES && i < be.length; i++) {
      out[offset + i] = be[be.length - 1 - i];
    }
  }

  static BigInteger read(byte[] bytes, int offset) {
    byte[] be = new byte[BYTES + 1];
    for (int i = 0; i < BYTES; i++) {
      be[BYTES - i] = bytes[offset + i];
    }
    return new BigInteger(be);
  }

  static List<BigInteger> unpack(byte[] bytes) {
    return java.util.stream.IntStream.range(0, bytes.length / BYTES)
        .mapToObj(i -> read(bytes, BYTES * i))
        .toList();
  }
}
