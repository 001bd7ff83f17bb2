package io.slotbeam.core.field;

import java.math.BigInteger;
import java.util.Arrays;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Fr arithmetic on {@link #LANES} elements at once, in SIMD lanes (the JDK's incubating Vector
 * API): the fast path for hashing many cells side by side.
 *
 * <p>An element block is {@link #ELEMENT_LONGS} longs, limb-major: limb {@code j} of lane {@code
 * k} sits at {@code j * LANES + k}. Each element is 9 limbs of 29 bits (radix {@code 2^29}, so a
 * limb product fits a 64-bit lane and columns add up without carries until the end), in
 * Montgomery form with {@code R = 2^261}; that form is private to this class and its callers in
 * {@code core}, which convert with {@link #setLane} and {@link #getLane}.
 *
 * <p>Only fast where the CPU multiplies 64-bit lanes natively (AVX-512DQ); elsewhere the Vector
 * API emulates the lanes and {@link FrMontgomery} is faster. {@code VectorSupport} decides.
 */
public final class FrLanes {
  static final VectorSpecies<Long> S = LongVector.SPECIES_512;

  /** Elements processed together. */
  public static final int LANES = S.length();

  /** Limbs per element. */
  public static final int LIMBS = 9;

  /** Longs per element block. */
  public static final int ELEMENT_LONGS = LIMBS * LANES;

  private static final int L = LANES;
  private static final int BITS = 29;
  private static final long MASK = (1L << BITS) - 1;
  private static final BigInteger MODULUS = FrMontgomery.MODULUS;
  private static final long[] Q = split(MODULUS);
  private static final long Q_INV_NEG =
      MODULUS.modInverse(BigInteger.ONE.shiftLeft(BITS)).negate().mod(BigInteger.ONE.shiftLeft(BITS)).longValue();
  /** {@code R^2 mod r} in every lane, to enter Montgomery form with one multiply. */
  private static final long[] R_SQUARED = broadcast(BigInteger.ONE.shiftLeft(2 * LIMBS * BITS).mod(MODULUS));
  /** The plain integer 1 in every lane, to leave Montgomery form with one multiply. */
  private static final long[] ONE_PLAIN = broadcast(BigInteger.ONE);

  /** These kernels as a {@link LimbArithmetic} of {@link #LANES} elements. */
  public static final LimbArithmetic ARITHMETIC =
      new LimbArithmetic() {
        @Override
        public int elementLongs() {
          return ELEMENT_LONGS;
        }

        @Override
        public void mul(long[] x, int xo, long[] y, int yo, long[] z, int zo) {
          FrLanes.mul(x, xo, y, yo, z, zo);
        }

        @Override
        public void add(long[] x, int xo, long[] y, int yo, long[] z, int zo) {
          FrLanes.add(x, xo, y, yo, z, zo);
        }

        @Override
        public long[] constant(BigInteger value) {
          return broadcastMontgomery(value);
        }
      };

  private FrLanes() {}

  /** {@code z = x * y} in every lane (Montgomery product); output may alias an input. */
  public static void mul(long[] x, int xo, long[] y, int yo, long[] z, int zo) {
    LongVector a0 = LongVector.fromArray(S, x, xo + 0 * L);
    LongVector a1 = LongVector.fromArray(S, x, xo + 1 * L);
    LongVector a2 = LongVector.fromArray(S, x, xo + 2 * L);
    LongVector a3 = LongVector.fromArray(S, x, xo + 3 * L);
    LongVector a4 = LongVector.fromArray(S, x, xo + 4 * L);
    LongVector a5 = LongVector.fromArray(S, x, xo + 5 * L);
    LongVector a6 = LongVector.fromArray(S, x, xo + 6 * L);
    LongVector a7 = LongVector.fromArray(S, x, xo + 7 * L);
    LongVector a8 = LongVector.fromArray(S, x, xo + 8 * L);
    // A local zero: a static final vector constant made this multiply four times slower (C2
    // reloads it as an object on every use instead of keeping it in a register).
    LongVector zero = LongVector.zero(S);
    LongVector t0 = zero, t1 = zero, t2 = zero, t3 = zero, t4 = zero, t5 = zero, t6 = zero, t7 = zero, t8 = zero;
    for (int i = 0; i < LIMBS; i++) {
      LongVector b = LongVector.fromArray(S, y, yo + i * L);
      t0 = t0.add(a0.mul(b));
      t1 = t1.add(a1.mul(b));
      t2 = t2.add(a2.mul(b));
      t3 = t3.add(a3.mul(b));
      t4 = t4.add(a4.mul(b));
      t5 = t5.add(a5.mul(b));
      t6 = t6.add(a6.mul(b));
      t7 = t7.add(a7.mul(b));
      t8 = t8.add(a8.mul(b));
      // m makes t divisible by 2^29; adding m * r keeps t congruent mod r.
      LongVector m = t0.mul(Q_INV_NEG).and(MASK);
      t0 = t0.add(m.mul(Q[0]));
      t1 = t1.add(m.mul(Q[1]));
      t2 = t2.add(m.mul(Q[2]));
      t3 = t3.add(m.mul(Q[3]));
      t4 = t4.add(m.mul(Q[4]));
      t5 = t5.add(m.mul(Q[5]));
      t6 = t6.add(m.mul(Q[6]));
      t7 = t7.add(m.mul(Q[7]));
      t8 = t8.add(m.mul(Q[8]));
      // Divide by 2^29: drop limb 0, whose low bits are now zero, carrying its high bits.
      t0 = t1.add(t0.lanewise(VectorOperators.LSHR, BITS));
      t1 = t2;
      t2 = t3;
      t3 = t4;
      t4 = t5;
      t5 = t6;
      t6 = t7;
      t7 = t8;
      t8 = zero;
    }
    t0.intoArray(z, zo + 0 * L);
    t1.intoArray(z, zo + 1 * L);
    t2.intoArray(z, zo + 2 * L);
    t3.intoArray(z, zo + 3 * L);
    t4.intoArray(z, zo + 4 * L);
    t5.intoArray(z, zo + 5 * L);
    t6.intoArray(z, zo + 6 * L);
    t7.intoArray(z, zo + 7 * L);
    t8.intoArray(z, zo + 8 * L);
    reduceOnce(z, zo);
  }

  /** {@code z = x + y mod r} in every lane; output may alias an input. */
  public static void add(long[] x, int xo, long[] y, int yo, long[] z, int zo) {
    for (int j = 0; j < LIMBS; j++) {
      LongVector.fromArray(S, x, xo + j * L)
          .add(LongVector.fromArray(S, y, yo + j * L))
          .intoArray(z, zo + j * L);
    }
    reduceOnce(z, zo);
  }

  /**
   * Normalises the limbs at {@code z[zo]} (which may exceed 29 bits and hold a value below 2r),
   * then subtracts r where the value is at least r.
   */
  private static void reduceOnce(long[] z, int zo) {
    LongVector carry = LongVector.zero(S);
    for (int j = 0; j < LIMBS; j++) {
      LongVector t = LongVector.fromArray(S, z, zo + j * L).add(carry);
      carry = t.lanewise(VectorOperators.LSHR, BITS);
      t.and(MASK).intoArray(z, zo + j * L);
    }
    // t - r, its borrow carried by arithmetic shifts, is negative exactly when t < r: one pass
    // finds the sign, a second writes the difference where it is not negative.
    LongVector borrow = LongVector.zero(S);
    for (int j = 0; j < LIMBS; j++) {
      borrow = LongVector.fromArray(S, z, zo + j * L).sub(Q[j]).add(borrow).lanewise(VectorOperators.ASHR, BITS);
    }
    VectorMask<Long> atLeastR = borrow.compare(VectorOperators.EQ, 0);
    borrow = LongVector.zero(S);
    for (int j = 0; j < LIMBS; j++) {
      LongVector t = LongVector.fromArray(S, z, zo + j * L);
      LongVector d = t.sub(Q[j]).add(borrow);
      borrow = d.lanewise(VectorOperators.ASHR, BITS);
      t.blend(d.and(MASK), atLeastR).intoArray(z, zo + j * L);
    }
  }

  /** Converts every lane from plain limbs to Montgomery form, in place. */
  public static void toMontgomery(long[] x, int xo) {
    mul(x, xo, R_SQUARED, 0, x, xo);
  }

  /** Converts every lane from Montgomery form to plain limbs, in place. */
  public static void fromMontgomery(long[] x, int xo) {
    mul(x, xo, ONE_PLAIN, 0, x, xo);
  }

  /**
   * Writes the canonical 64-bit limbs {@code plain[po, po + 4)} (a value below r) into lane
   * {@code lane} of the element block at {@code x[xo]} as plain 29-bit limbs.
   */
  public static void setLane(long[] x, int xo, int lane, long[] plain, int po) {
    for (int j = 0; j < LIMBS; j++) {
      int bit = j * BITS;
      int word = bit >>> 6;
      int shift = bit & 63;
      long value = plain[po + word] >>> shift;
      if (shift + BITS > 64 && word + 1 < 4) {
        value |= plain[po + word + 1] << (64 - shift);
      }
      x[xo + j * L + lane] = value & MASK;
    }
  }

  /** Reads lane {@code lane} of a block of plain, normalised limbs as canonical 64-bit limbs. */
  private static void getLane(long[] x, int xo, int lane, long[] plain, int po) {
    Arrays.fill(plain, po, po + 4, 0L);
    for (int j = 0; j < LIMBS; j++) {
      long limb = x[xo + j * L + lane];
      int bit = j * BITS;
      int word = bit >>> 6;
      int shift = bit & 63;
      plain[po + word] |= limb << shift;
      if (shift + BITS > 64 && word + 1 < 4) {
        plain[po + word + 1] |= limb >>> (64 - shift);
      }
    }
  }

  /**
   * Writes {@code values[from, from + count)} into lanes {@code 0..count-1} of the block at {@code
   * x[xo]}, in Montgomery form; the other lanes get zero.
   */
  public static void load(long[] x, int xo, Fr[] values, int from, int count) {
    long[] limbs = new long[4];
    for (int lane = 0; lane < L; lane++) {
      if (lane < count) {
        values[from + lane].copyCanonicalLimbs(limbs, 0);
      } else {
        Arrays.fill(limbs, 0L);
      }
      setLane(x, xo, lane, limbs, 0);
    }
    toMontgomery(x, xo);
  }

  /** Reads lanes {@code 0..count-1} of the block at {@code x[xo]} into {@code out[to, to + count)}. */
  public static void store(long[] x, int xo, Fr[] out, int to, int count) {
    long[] plain = Arrays.copyOfRange(x, xo, xo + ELEMENT_LONGS);
    fromMontgomery(plain, 0);
    long[] limbs = new long[4];
    for (int lane = 0; lane < count; lane++) {
      getLane(plain, 0, lane, limbs, 0);
      out[to + lane] = Fr.fromCanonicalLimbs(limbs, 0);
    }
  }

  /** A block holding {@code value} (below r) in Montgomery form in every lane. */
  public static long[] broadcastMontgomery(BigInteger value) {
    long[] block = broadcast(value);
    toMontgomery(block, 0);
    return block;
  }

  private static long[] broadcast(BigInteger value) {
    long[] limbs = split(value);
    long[] block = new long[ELEMENT_LONGS];
    for (int j = 0; j < LIMBS; j++) {
      Arrays.fill(block, j * L, (j + 1) * L, limbs[j]);
    }
    return block;
  }

  private static long[] split(BigInteger value) {
    long[] limbs = new long[LIMBS];
    for (int j = 0; j < LIMBS; j++) {
      limbs[j] = value.shiftRight(j * BITS).longValue() & MASK;
    }
    return limbs;
  }
}
