package io.slotbeam.core.groth16;

import java.math.BigInteger;

/**
 * An element of the BN254 base field {@code Fp}, kept as its canonical integer in {@code [0, p)}.
 * Only a value type: coordinates are carried here and computed on by the native library.
 */
public record Fp(BigInteger value) {
  /**
   * The base-field prime p of BN254 ("bn128" in snarkjs), from {@code ffjavascript:
   * src/bn128.js} ({@code q}).
   */
  public static final BigInteger MODULUS =
      new BigInteger(
          "21888242871839275222246405745257275088696311157297823662689037894645226208583");

  public static final Fp ZERO = new Fp(BigInteger.ZERO);
  public static final Fp ONE = new Fp(BigInteger.ONE);

  /** Bytes of a coordinate in the 32-byte encodings (chain words, zkey files). */
  public static final int BYTES = 32;

  public Fp {
    if (value == null) {
      throw new InvalidGroth16Exception("base-field element is null");
    }
    if (value.signum() < 0 || value.compareTo(MODULUS) >= 0) {
      throw new InvalidGroth16Exception(
          "base-field element " + value + " is not in [0, p) (BN254 p = " + MODULUS + ")");
    }
  }

  /**
   * The element {@code value}, or an exception naming {@code where} (e.g. {@code "pi_a[0]"}) when
   * it is not in {@code [0, p)}.
   */
  public static Fp of(BigInteger value, String where) {
    try {
      return new Fp(value);
    } catch (InvalidGroth16Exception e) {
      throw new InvalidGroth16Exception(where + ": " + e.getMessage(), e);
    }
  }

  public static Fp of(long value) {
    return new Fp(BigInteger.valueOf(value));
  }

  public String toDecimal() {
    return value.toString();
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
