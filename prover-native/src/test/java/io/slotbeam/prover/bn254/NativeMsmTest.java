package io.slotbeam.prover.bn254;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.slotbeam.core.field.NonCanonicalFieldElementException;
import io.slotbeam.prover.bn254.Reference.Curve;
import io.slotbeam.prover.bn254.Reference.Point;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Pippenger MSM against the naive sum of scalar multiplications: each [k_i] p_i natively
 * (sb_g1_mul/sb_g2_mul, tested against BigInteger in CurveLawsTest), summed with the BigInteger
 * reference. Sizes from 0 to a few thousand give windows from 2 to 9 bits; the scalars mix the
 * zeros and ones of circom witnesses, small values, r - 1 (every signed digit negative-carry
 * case) and uniform values; points include infinity and repeats (doubling inside a bucket).
 * 20000 terms reach 11-bit windows, whose buckets are filled by batched affine additions.
 */
class NativeMsmTest {
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(Reference.G1, 0),
        Arguments.of(Reference.G1, 1),
        Arguments.of(Reference.G1, 7),
        Arguments.of(Reference.G1, 300),
        Arguments.of(Reference.G1, 3000),
        Arguments.of(Reference.G1, 20000),
        Arguments.of(Reference.G2, 1),
        Arguments.of(Reference.G2, 40),
        Arguments.of(Reference.G2, 400));
  }

  private static BigInteger scalar(Random random, int i) {
    return switch (i % 6) {
      case 0 -> BigInteger.ZERO;
      case 1 -> BigInteger.ONE;
      case 2 -> BigInteger.valueOf(random.nextInt(1 << 20));
      case 3 -> Reference.R.subtract(BigInteger.ONE);
      default -> new BigInteger(254, random).mod(Reference.R);
    };
  }

  @ParameterizedTest(name = "{0} n = {1}")
  @MethodSource("cases")
  <T> void equalsTheSumOfScalarMultiplications(Curve<T> curve, int n) {
    Random random = new Random(n);
    List<BigInteger> ks = new ArrayList<>();
    List<BigInteger> multipliers = new ArrayList<>();
    List<Point<T>> generators = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ks.add(scalar(random, i));
      // every 5th point infinity, every 7th a repeat of a few points
      multipliers.add(
          i % 5 == 4 ? BigInteger.ZERO : BigInteger.valueOf(i % 7 == 3 ? 11 : 1000 + i));
      generators.add(curve.generator());
    }
    CurveGroup group = curve.group();
    byte[] points = group.multiply(curve.pack(generators), Le32.pack(multipliers, Reference.R, "k"));
    byte[] scalars = Le32.pack(ks, Reference.R, "scalar");
    Point<T> expected = curve.infinity();
    for (Point<T> term : curve.unpack(group.multiply(points, scalars))) {
      expected = curve.add(expected, term);
    }
    assertArrayEquals(curve.pack(List.of(expected)), NativeMsm.sum(group, points, scalars));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.slotbeam.prover.bn254.CurveLawsTest#curves")
  <T> void badInputIsRefused(Curve<T> curve) {
    CurveGroup group = curve.group();
    byte[] point = curve.pack(List.of(curve.generator()));
    byte[] tooBig = Le32.pack(List.of(Reference.R.subtract(BigInteger.ONE)), Reference.R, "k");
    tooBig[0]++; // r itself
    assertThrows(NonCanonicalFieldElementException.class, () -> NativeMsm.sum(group, point, tooBig));
    byte[] offCurve = point.clone();
    offCurve[0] ^= 1;
    assertThrows(PointNotOnCurveException.class, () -> NativeMsm.sum(group, offCurve, new byte[32]));
    assertThrows(IllegalArgumentException.class, () -> NativeMsm.sum(group, point, new byte[64]));
  }
}
