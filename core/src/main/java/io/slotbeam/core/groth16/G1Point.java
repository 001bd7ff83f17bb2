package io.slotbeam.core.groth16;

import java.math.BigInteger;

/**
 * An affine point of BN254's G1 ({@code y² = x³ + 3} over {@code Fp}), or the point at infinity.
 *
 * <p>Infinity is {@link #INFINITY}, written {@code (0, 0)}: that pair is not on the curve (0 ≠ 3),
 * so it cannot stand for a finite point, and it is how both the chain layout (spec datapath §11.1,
 * "all-zero coordinates") and zkey files store infinity. Every other pair is checked against the
 * curve equation on construction; subgroup membership (trivial for G1 of BN254, whose cofactor is
 * 1) needs nothing more.
 */
public record G1Point(Fp x, Fp y) {
  public static final G1Point INFINITY = new G1Point(Fp.ZERO, Fp.ZERO);

  private static final BigInteger B = BigInteger.valueOf(3);

  public G1Point {
    if (x == null || y == null) {
      throw new InvalidGroth16Exception("G1 point has a null coordinate (x " + x + ", y " + y + ")");
    }
    boolean infinity = x.value().signum() == 0 && y.value().signum() == 0;
    if (!infinity && !onCurve(x.value(), y.value())) {
      throw new InvalidGroth16Exception(
          "G1 point (" + x + ", " + y + ") is not on the curve y² = x³ + 3 mod p");
    }
  }

  /**
   * The point {@code (x, y)}, or an exception naming {@code where} (e.g. {@code "pi_a"}) when a
   * coordinate is not below p or the point is off the curve.
   */
  public static G1Point of(BigInteger x, BigInteger y, String where) {
    Fp fx = Fp.of(x, where + "[0]");
    Fp fy = Fp.of(y, where + "[1]");
    try {
      return new G1Point(fx, fy);
    } catch (InvalidGroth16Exception e) {
      throw new InvalidGroth16Exception(where + ": " + e.getMessage(), e);
    }
  }

  public boolean isInfinity() {
    return equals(INFINITY);
  }

  private static boolean onCurve(BigInteger x, BigInteger y) {
    BigInteger p = Fp.MODULUS;
    return y.multiply(y).mod(p).equals(x.multiply(x).mod(p).multiply(x).add(B).mod(p));
  }
}
