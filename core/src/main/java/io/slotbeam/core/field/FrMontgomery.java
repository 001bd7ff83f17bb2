package io.slotbeam.core.field;

import java.math.BigInteger;

/**
 * The hot kernels of BN254 Fr arithmetic, on four 64-bit little-endian limbs in Montgomery form
 * ({@code aR mod r}, {@code R = 2^256}), stored at an offset in a {@code long[]}.
 *
 * <p>Callers keep elements fully reduced (limbs encode a value in {@code [0, r)}); every kernel
 * keeps that invariant. Output may alias an input. The multiply is CIOS without the final carry
 * word, which is sound because the top limb of r is below {@code 2^62} (the "no-carry" condition of
 * gnark-crypto's {@code ecc/bn254/fr/element.go}). Java 17 lacks {@code unsignedMultiplyHigh}, so
 * the unsigned high word is the signed one plus two sign corrections (TOOLCHAIN.md).
 *
 * <p>Tried and kept out: 32-bit limbs with lazy carries (more multiplies, no faster here).
 */
public final class FrMontgomery {
  /** The modulus r (spec datapath §4.1). */
  public static final BigInteger MODULUS =
      new BigInteger(
          "21888242871839275222246405745257275088548364400416034343698204186575808495617");

  /** Number of limbs per element. */
  public static final int LIMBS = 4;

  static final long Q0 = 0x43e1f593f0000001L;
  static final long Q1 = 0x2833e84879b97091L;
  static final long Q2 = 0xb85045b68181585dL;
  static final long Q3 = 0x30644e72e131a029L;
  /** {@code -r^-1 mod 2^64}. */
  static final long Q_INV_NEG = 0xc2e1f593efffffffL;

  /** {@code R^2 mod r}, to enter Montgomery form with one multiply. */
  private static final long[] R_SQUARED = limbsOf(BigInteger.ONE.shiftLeft(512).mod(MODULUS));

  private static final long[] ONE_PLAIN = {1, 0, 0, 0};

  /** These kernels as a {@link LimbArithmetic} of one element. */
  public static final LimbArithmetic ARITHMETIC =
      new LimbArithmetic() {
        @Override
        public int elementLongs() {
          return LIMBS;
        }

        @Override
        public void mul(long[] x, int xo, long[] y, int yo, long[] z, int zo) {
          FrMontgomery.mul(x, xo, y, yo, z, zo);
        }

        @Override
        public void add(long[] x, int xo, long[] y, int yo, long[] z, int zo) {
          FrMontgomery.add(x, xo, y, yo, z, zo);
        }

        @Override
        public long[] constant(BigInteger value) {
          return Fr.of(value).montgomeryLimbs();
        }
      };

  private FrMontgomery() {}

  /** {@code z = x * y} (Montgomery product). */
  public static void mul(long[] x, int xo, long[] y, int yo, long[] z, int zo) {
    long a0 = x[xo], a1 = x[xo + 1], a2 = x[xo + 2], a3 = x[xo + 3];
    long t0 = 0, t1 = 0, t2 = 0, t3 = 0;
    for (int i = 0; i < 4; i++) {
      // t = (t + a * b_i + m * r) / 2^64, with m chosen to clear the low word. Carries are
      // branch-free: a data-dependent branch mispredicts half the time on field elements. The
      // three limb steps below stay written out: Java cannot return a (high, low) pair, and
      // arrays in their place cost more than the multiply.
      long b = y[yo + i];
      long lo = a0 * b;
      long s = lo + t0;
      long carryA = mulHigh(a0, b) + carryOut(lo, t0, s);
      long m = s * Q_INV_NEG;
      // m * Q0 + s == 0 mod 2^64, so it carries exactly when s != 0.
      long carryC = mulHighQ0(m) + ((s | -s) >>> 63);

      lo = a1 * b;
      s = lo + t1;
      long hi = mulHigh(a1, b) + carryOut(lo, t1, s);
      long u = s + carryA;
      carryA = hi + carryOut(s, carryA, u);
      lo = m * Q1;
      s = lo + u;
      hi = mulHighQ1(m) + carryOut(lo, u, s);
      t0 = s + carryC;
      carryC = hi + carryOut(s, carryC, t0);

      lo = a2 * b;
      s = lo + t2;
      hi = mulHigh(a2, b) + carryOut(lo, t2, s);
      u = s + carryA;
      carryA = hi + carryOut(s, carryA, u);
      lo = m * Q2;
      s = lo + u;
      hi = mulHighQ2(m) + carryOut(lo, u, s);
      t1 = s + carryC;
      carryC = hi + carryOut(s, carryC, t1);

      lo = a3 * b;
      s = lo + t3;
      hi = mulHigh(a3, b) + carryOut(lo, t3, s);
      u = s + carryA;
      carryA = hi + carryOut(s, carryA, u);
      lo = m * Q3;
      s = lo + u;
      hi = mulHighQ3(m) + carryOut(lo, u, s);
      t2 = s + carryC;
      carryC = hi + carryOut(s, carryC, t2);

      t3 = carryC + carryA;
    }
    reduceOnce(t0, t1, t2, t3, z, zo);
  }

  /** {@code z = x^2}. */
  public static void square(long[] x, int xo, long[] z, int zo) {
    mul(x, xo, x, xo, z, zo);
  }

  /** {@code z = x + y mod r}. */
  public static void add(long[] x, int xo, long[] y, int yo, long[] z, int zo) {
    long a0 = x[xo], a1 = x[xo + 1], a2 = x[xo + 2], a3 = x[xo + 3];
    long b0 = y[yo], b1 = y[yo + 1], b2 = y[yo + 2], b3 = y[yo + 3];
    long s0 = a0 + b0;
    long c = carryOut(a0, b0, s0);
    long s1 = a1 + b1 + c;
    c = carryOut(a1, b1, s1);
    long s2 = a2 + b2 + c;
    c = carryOut(a2, b2, s2);
    long s3 = a3 + b3 + c; // both < r < 2^254: no carry out of the top limb
    reduceOnce(s0, s1, s2, s3, z, zo);
  }

  /** {@code z = 2x mod r}. */
  public static void twice(long[] x, int xo, long[] z, int zo) {
    add(x, xo, x, xo, z, zo);
  }

  /** {@code z = x - y mod r}. */
  public static void sub(long[] x, int xo, long[] y, int yo, long[] z, int zo) {
    long a0 = x[xo], a1 = x[xo + 1], a2 = x[xo + 2], a3 = x[xo + 3];
    long b0 = y[yo], b1 = y[yo + 1], b2 = y[yo + 2], b3 = y[yo + 3];
    long d0 = a0 - b0;
    long b = borrowOut(a0, b0, d0);
    long d1 = a1 - b1 - b;
    b = borrowOut(a1, b1, d1);
    long d2 = a2 - b2 - b;
    b = borrowOut(a2, b2, d2);
    long d3 = a3 - b3 - b;
    b = borrowOut(a3, b3, d3);
    // On borrow, add r back: mask is all ones when b == 1.
    long mask = -b;
    long e0 = d0 + (Q0 & mask);
    long c = carryOut(d0, Q0 & mask, e0);
    long e1 = d1 + (Q1 & mask) + c;
    c = carryOut(d1, Q1 & mask, e1);
    long e2 = d2 + (Q2 & mask) + c;
    c = carryOut(d2, Q2 & mask, e2);
    long e3 = d3 + (Q3 & mask) + c;
    z[zo] = e0;
    z[zo + 1] = e1;
    z[zo + 2] = e2;
    z[zo + 3] = e3;
  }

  /** Converts canonical limbs of {@code a} (plain, {@code < r}) to Montgomery form in place. */
  public static void toMontgomery(long[] x, int xo) {
    mul(x, xo, R_SQUARED, 0, x, xo);
  }

  /** Converts Montgomery limbs to the canonical limbs of the value, in place. */
  public static void fromMontgomery(long[] x, int xo) {
    mul(x, xo, ONE_PLAIN, 0, x, xo);
  }

  /** Whether four canonical limbs encode a value below r. */
  public static boolean isCanonical(long l0, long l1, long l2, long l3) {
    long d0 = l0 - Q0;
    long b = borrowOut(l0, Q0, d0);
    long d1 = l1 - Q1 - b;
    b = borrowOut(l1, Q1, d1);
    long d2 = l2 - Q2 - b;
    b = borrowOut(l2, Q2, d2);
    long d3 = l3 - Q3 - b;
    return borrowOut(l3, Q3, d3) == 1;
  }

  /** The four little-endian limbs of a non-negative integer below {@code 2^256}. */
  static long[] limbsOf(BigInteger value) {
    long[] limbs = new long[LIMBS];
    for (int i = 0; i < LIMBS; i++) {
      limbs[i] = value.shiftRight(64 * i).longValue();
    }
    return limbs;
  }

  /** Writes {@code t - r} if {@code t >= r}, else {@code t}; valid for {@code t < 2r}. */
  private static void reduceOnce(long t0, long t1, long t2, long t3, long[] z, int zo) {
    long d0 = t0 - Q0;
    long b = borrowOut(t0, Q0, d0);
    long d1 = t1 - Q1 - b;
    b = borrowOut(t1, Q1, d1);
    long d2 = t2 - Q2 - b;
    b = borrowOut(t2, Q2, d2);
    long d3 = t3 - Q3 - b;
    b = borrowOut(t3, Q3, d3);
    long keep = -b; // all ones when t < r
    z[zo] = (t0 & keep) | (d0 & ~keep);
    z[zo + 1] = (t1 & keep) | (d1 & ~keep);
    z[zo + 2] = (t2 & keep) | (d2 & ~keep);
    z[zo + 3] = (t3 & keep) | (d3 & ~keep);
  }

  /** Carry out of {@code sum = a + b (+ carry in)} (Hacker's Delight §2-16). */
  private static long carryOut(long a, long b, long sum) {
    return ((a & b) | ((a | b) & ~sum)) >>> 63;
  }

  /** Borrow out of {@code diff = a - b (- borrow in)} (Hacker's Delight §2-16). */
  private static long borrowOut(long a, long b, long diff) {
    return ((~a & b) | (~(a ^ b) & diff)) >>> 63;
  }

  /** Unsigned high word of {@code a * b}. */
  private static long mulHigh(long a, long b) {
    return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
  }

  // Unsigned high words of m * Q_i, specialised on the known sign bit of each limb of r.
  private static long mulHighQ0(long m) {
    return Math.multiplyHigh(m, Q0) + ((m >> 63) & Q0);
  }

  private static long mulHighQ1(long m) {
    return Math.multiplyHigh(m, Q1) + ((m >> 63) & Q1);
  }

  private static long mulHighQ2(long m) {
    return Math.multiplyHigh(m, Q2) + ((m >> 63) & Q2) + m;
  }

  private static long mulHighQ3(long m) {
    return Math.multiplyHigh(m, Q3) + ((m >> 63) & Q3);
  }
}
