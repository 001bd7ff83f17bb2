package io.slotbeam.core.field;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast limb kernels against a plain {@link BigInteger} model of Fr. */
class FrMontgomeryTest {
  private static final BigInteger R = FrMontgomery.MODULUS;
  private static final BigInteger MONTGOMERY_R = BigInteger.ONE.shiftLeft(256).mod(R);

  /** Edge values plus random ones spread over all limb sizes. */
  private static List<BigInteger> samples() {
    List<BigInteger> values = new ArrayList<>();
    for (long v : new long[] {0, 1, 2, 3, -1L >>> 1}) {
      values.add(BigInteger.valueOf(v));
    }
    values.add(R.subtract(BigInteger.ONE));
    values.add(R.subtract(BigInteger.TWO));
    values.add(R.shiftRight(1));
    values.add(BigInteger.ONE.shiftLeft(253));
    values.add(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE));
    values.add(BigInteger.ONE.shiftLeft(192));
    Random random = new Random(20261126);
    for (int i = 0; i < 300; i++) {
      values.add(new BigInteger(254, random).mod(R));
      values.add(new BigInteger(64 * (1 + random.nextInt(4)), random).mod(R));
    }
    return values;
  }

  private static long[] montgomery(BigInteger value) {
    return FrMontgomery.limbsOf(value.multiply(MONTGOMERY_R).mod(R));
  }

  private static BigInteger plain(long[] limbs) {
    BigInteger value = BigInteger.ZERO;
    for (int i = 3; i >= 0; i--) {
      value = value.shiftLeft(64).or(new BigInteger(Long.toUnsignedString(limbs[i])));
    }
    return value.multiply(MONTGOMERY_R.modInverse(R)).mod(R);
  }

  @Test
  void multiplyMatchesBigIntegerModel() {
    List<BigInteger> values = samples();
    for (int i = 0; i < values.size(); i++) {
      BigInteger a = values.get(i);
      BigInteger b = values.get((i * 7 + 3) % values.size());
      long[] out = new long[4];
      FrMontgomery.mul(montgomery(a), 0, montgomery(b), 0, out, 0);
      assertEquals(a.multiply(b).mod(R), plain(out), () -> a + " * " + b);
      assertEquals(montgomery(a.multiply(b).mod(R))[3], out[3], "result is fully reduced");
    }
  }

  @Test
  void addAndSubtractMatchBigIntegerModel() {
    List<BigInteger> values = samples();
    for (int i = 0; i < values.size(); i++) {
      BigInteger a = values.get(i);
      BigInteger b = values.get((i * 13 + 5) % values.size());
      long[] sum = new long[4];
      long[] difference = new long[4];
      FrMontgomery.add(montgomery(a), 0, montgomery(b), 0, sum, 0);
      FrMontgomery.sub(montgomery(a), 0, montgomery(b), 0, difference, 0);
      assertEquals(a.add(b).mod(R), plain(sum), () -> a + " + " + b);
      assertEquals(a.subtract(b).mod(R), plain(difference), () -> a + " - " + b);
    }
  }

  @Test
  void kernelsAllowTheOutputToAliasAnInput() {
    BigInteger a = R.subtract(BigInteger.valueOf(12345));
    long[] x = montgomery(a);
    FrMontgomery.mul(x, 0, x, 0, x, 0);
    assertEquals(a.pow(2).mod(R), plain(x));
  }

  @Test
  void montgomeryConversionRoundTrips() {
    for (BigInteger value : samples()) {
      long[] limbs = FrMontgomery.limbsOf(value);
      FrMontgomery.toMontgomery(limbs, 0);
      assertEquals(value, plain(limbs));
      FrMontgomery.fromMontgomery(limbs, 0);
      assertEquals(value, new BigInteger(1, toBigEndian(limbs)));
    }
  }

  @Test
  void negatedInverseConstantMatchesModulus() {
    BigInteger twoTo64 = BigInteger.ONE.shiftLeft(64);
    BigInteger expected = R.modInverse(twoTo64).negate().mod(twoTo64);
    assertEquals(expected.longValue(), FrMontgomery.Q_INV_NEG);
    assertEquals(R, new BigInteger(1, toBigEndian(FrMontgomery.limbsOf(R))));
    assertEquals(FrMontgomery.limbsOf(R)[0], FrMontgomery.Q0);
    assertEquals(FrMontgomery.limbsOf(R)[1], FrMontgomery.Q1);
    assertEquals(FrMontgomery.limbsOf(R)[2], FrMontgomery.Q2);
    assertEquals(FrMontgomery.limbsOf(R)[3], FrMontgomery.Q3);
  }

  private static byte[] toBigEndian(long[] limbs) {
    byte[] out = new byte[32];
    for (int i = 0; i < 32; i++) {
      out[31 - i] = (byte) (limbs[i / 8] >>> (8 * (i % 8)));
    }
    return out;
  }
}
