package io.slotbeam.core.field;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * An element of the BN254 scalar field {@code Fr} (r as in spec datapath §4.1), immutable.
 *
 * <p>Montgomery form inside ({@link FrMontgomery}). Bytes are {@code LE32}: 32 bytes,
 * little-endian, canonical; an encoding of an integer {@code >= r} is rejected with {@link
 * NonCanonicalFieldElementException}, never silently reduced (spec §4.2). Decimal strings follow
 * the same rule.
 */
public final class Fr implements Comparable<Fr> {
  /** Bytes in the {@code LE32} encoding. */
  public static final int BYTES = 32;

  public static final Fr ZERO = ofCanonicalLimbs(new long[4]);
  public static final Fr ONE = of(1);

  private final long[] mont; // 4 limbs, Montgomery form; never exposed or mutated

  private Fr(long[] mont) {
    this.mont = mont;
  }

  /** The field element with the given small non-negative value. */
  public static Fr of(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("field element " + value + " must be non-negative");
    }
    return ofCanonicalLimbs(new long[] {value, 0, 0, 0});
  }

  /** The element whose integer is {@code value}; rejects values outside {@code [0, r)}. */
  public static Fr of(BigInteger value) {
    if (value.signum() < 0 || value.compareTo(FrMontgomery.MODULUS) >= 0) {
      throw new NonCanonicalFieldElementException(
          "field element " + value + " is not in [0, r) (spec datapath §4.2)");
    }
    return ofCanonicalLimbs(FrMontgomery.limbsOf(value));
  }

  /** Parses a decimal integer in {@code [0, r)}. */
  public static Fr parseDecimal(String decimal) {
    BigInteger value;
    try {
      value = new BigInteger(decimal);
    } catch (NumberFormatException e) {
      throw new NonCanonicalFieldElementException(
          "'" + decimal + "' is not a decimal field element", e);
    }
    return of(value);
  }

  /** Decodes {@code LE32}; rejects a wrong length or an integer {@code >= r}. */
  public static Fr fromBytes(byte[] bytes) {
    if (bytes.length != BYTES) {
      throw new NonCanonicalFieldElementException(
          "field element has " + bytes.length + " bytes but LE32 needs " + BYTES);
    }
    long[] limbs = new long[4];
    for (int i = 0; i < 4; i++) {
      limbs[i] = littleEndianLong(bytes, 8 * i, 8);
    }
    if (!FrMontgomery.isCanonical(limbs[0], limbs[1], limbs[2], limbs[3])) {
      throw new NonCanonicalFieldElementException(
          "LE32 value " + new BigInteger(1, reversed(bytes)) + " is not below r (spec §4.2)");
    }
    return ofCanonicalLimbs(limbs);
  }

  /**
   * The element of up to 31 little-endian bytes at {@code offset} (always below {@code 2^248 <
   * r}, so always valid; spec §4.2).
   */
  public static Fr fromBytes31(byte[] bytes, int offset, int length) {
    if (length < 0 || length > 31) {
      throw new IllegalArgumentException("chunk of " + length + " bytes is not in [0, 31]");
    }
    long[] limbs = new long[4];
    for (int i = 0; i < 4 && 8 * i < length; i++) {
      limbs[i] = littleEndianLong(bytes, offset + 8 * i, Math.min(8, length - 8 * i));
    }
    return ofCanonicalLimbs(limbs);
  }

  /**
   * The element whose canonical integer has the little-endian limbs {@code limbs[offset, offset +
   * 4)}; rejects an integer {@code >= r}.
   */
  public static Fr fromCanonicalLimbs(long[] limbs, int offset) {
    long[] copy = Arrays.copyOfRange(limbs, offset, offset + 4);
    if (!FrMontgomery.isCanonical(copy[0], copy[1], copy[2], copy[3])) {
      throw new NonCanonicalFieldElementException(
          "limbs " + Arrays.toString(copy) + " encode an integer not below r");
    }
    return ofCanonicalLimbs(copy);
  }

  /** Wraps limbs that are already in Montgomery form (length 4, value below r); takes a copy. */
  public static Fr ofMontgomeryLimbs(long[] limbs, int offset) {
    return new Fr(Arrays.copyOfRange(limbs, offset, offset + 4));
  }

  private static Fr ofCanonicalLimbs(long[] limbs) {
    FrMontgomery.toMontgomery(limbs, 0);
    return new Fr(limbs);
  }

  public Fr add(Fr other) {
    long[] out = new long[4];
    FrMontgomery.add(mont, 0, other.mont, 0, out, 0);
    return new Fr(out);
  }

  public Fr subtract(Fr other) {
    long[] out = new long[4];
    FrMontgomery.sub(mont, 0, other.mont, 0, out, 0);
    return new Fr(out);
  }

  public Fr multiply(Fr other) {
    long[] out = new long[4];
    FrMontgomery.mul(mont, 0, other.mont, 0, out, 0);
    return new Fr(out);
  }

  public Fr square() {
    return multiply(this);
  }

  public Fr negate() {
    return ZERO.subtract(this);
  }

  public boolean isZero() {
    return (mont[0] | mont[1] | mont[2] | mont[3]) == 0;
  }

  /** A copy of the four Montgomery limbs. */
  long[] montgomeryLimbs() {
    return mont.clone();
  }

  /** Copies the Montgomery limbs into {@code dest} at {@code offset}. */
  public void copyMontgomeryLimbs(long[] dest, int offset) {
    System.arraycopy(mont, 0, dest, offset, 4);
  }

  /** Copies the little-endian limbs of the canonical integer into {@code dest} at {@code offset}. */
  public void copyCanonicalLimbs(long[] dest, int offset) {
    System.arraycopy(canonicalLimbs(), 0, dest, offset, 4);
  }

  /** The canonical integer, in {@code [0, r)}. */
  public BigInteger toBigInteger() {
    long[] plain = canonicalLimbs();
    byte[] bigEndian = new byte[BYTES];
    for (int i = 0; i < BYTES; i++) {
      bigEndian[BYTES - 1 - i] = (byte) (plain[i / 8] >>> (8 * (i % 8)));
    }
    return new BigInteger(1, bigEndian);
  }

  /** {@code LE32} of the canonical integer. */
  public byte[] toBytes() {
    long[] plain = canonicalLimbs();
    byte[] out = new byte[BYTES];
    for (int i = 0; i < BYTES; i++) {
      out[i] = (byte) (plain[i / 8] >>> (8 * (i % 8)));
    }
    return out;
  }

  /** The canonical integer in decimal. */
  public String toDecimal() {
    return toBigInteger().toString();
  }

  /** The canonical integer's low 64 bits (for index derivation: spec §9.2 takes low bits). */
  public long lowBits() {
    return canonicalLimbs()[0];
  }

  private long[] canonicalLimbs() {
    long[] plain = mont.clone();
    FrMontgomery.fromMontgomery(plain, 0);
    return plain;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fr && Arrays.equals(mont, ((Fr) o).mont);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(mont);
  }

  @Override
  public int compareTo(Fr other) {
    return toBigInteger().compareTo(other.toBigInteger());
  }

  /** The decimal integer, as circuits and snarkjs write field elements. */
  @Override
  public String toString() {
    return toDecimal();
  }

  private static long littleEndianLong(byte[] bytes, int offset, int length) {
    long value = 0;
    for (int i = length - 1; i >= 0; i--) {
      value = (value << 8) | (bytes[offset + i] & 0xFFL);
    }
    return value;
  }

  private static byte[] reversed(byte[] bytes) {
    byte[] out = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      out[i] = bytes[bytes.length - 1 - i];
    }
    return out;
  }
}
