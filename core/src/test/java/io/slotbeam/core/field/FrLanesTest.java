package io.slotbeam.core.field;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The SIMD lanes against a plain {@link BigInteger} model, lane by lane. */
class FrLanesTest {
  private static final BigInteger R = FrMontgomery.MODULUS;
  private static final int LANES = FrLanes.LANES;

  private final Random random = new Random(29);

  private BigInteger[] randomValues() {
    BigInteger[] values = new BigInteger[LANES];
    for (int lane = 0; lane < LANES; lane++) {
      values[lane] = new BigInteger(254, random).mod(R);
    }
    values[0] = R.subtract(BigInteger.ONE); // the largest value in every block
    return values;
  }

  private static long[] block(BigInteger[] values) {
    long[] block = new long[FrLanes.ELEMENT_LONGS];
    Fr[] elements = new Fr[LANES];
    for (int lane = 0; lane < LANES; lane++) {
      elements[lane] = Fr.of(values[lane]);
    }
    FrLanes.load(block, 0, elements, 0, LANES);
    return block;
  }

  private static BigInteger lane(long[] block, int lane) {
    Fr[] elements = new Fr[LANES];
    FrLanes.store(block, 0, elements, 0, LANES);
    return elements[lane].toBigInteger();
  }

  @Test
  void multiplyMatchesBigIntegerInEveryLane() {
    for (int round = 0; round < 50; round++) {
      BigInteger[] a = randomValues();
      BigInteger[] b = randomValues();
      long[] product = new long[FrLanes.ELEMENT_LONGS];
      FrLanes.mul(block(a), 0, block(b), 0, product, 0);
      for (int lane = 0; lane < LANES; lane++) {
        assertEquals(a[lane].multiply(b[lane]).mod(R), lane(product, lane), "lane " + lane);
      }
    }
  }

  @Test
  void addMatchesBigIntegerInEveryLane() {
    for (int round = 0; round < 50; round++) {
      BigInteger[] a = randomValues();
      BigInteger[] b = randomValues();
      long[] x = block(a);
      FrLanes.add(x, 0, block(b), 0, x, 0);
      for (int lane = 0; lane < LANES; lane++) {
        assertEquals(a[lane].add(b[lane]).mod(R), lane(x, lane), "lane " + lane);
      }
    }
  }

  @Test
  void lanesRoundTripThroughMontgomeryForm() {
    BigInteger[] values = randomValues();
    long[] x = block(values);
    for (int lane = 0; lane < LANES; lane++) {
      assertEquals(values[lane], lane(x, lane));
    }
  }

  @Test
  void constantsAreTheSameValueInEveryLane() {
    long[] seven = FrLanes.ARITHMETIC.constant(BigInteger.valueOf(7));
    for (int lane = 0; lane < LANES; lane++) {
      assertEquals(BigInteger.valueOf(7), lane(seven, lane));
    }
  }
}
