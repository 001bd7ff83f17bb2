package io.slotbeam.prover.bn254;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotbeam.prover.bn254.Reference.Curve;
import io.slotbeam.prover.bn254.Reference.Point;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Native G1 and G2 against the BigInteger reference curve arithmetic. */
class CurveLawsTest {
  private static final int POINTS = 6;

  static Stream<Curve<?>> curves() {
    return Stream.of(Reference.G1, Reference.G2);
  }

  private static List<BigInteger> scalars(long seed, int n) {
    Random random = new Random(seed);
    List<BigInteger> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new BigInteger(254, random).mod(Reference.R));
    }
    return out;
  }

  private static byte[] scalarBytes(List<BigInteger> scalars) {
    byte[] out = new byte[32 * scalars.size()];
    for (int i = 0; i < scalars.size(); i++) {
      Le32.write(scalars.get(i), out, 32 * i);
    }
    return out;
  }

  /** {@code [k]G} for each k, natively (checked against the reference in its own test). */
  private static <T> List<Point<T>> multiplesOfGenerator(Curve<T> c, List<BigInteger> ks) {
    List<Point<T>> gs = new ArrayList<>();
    ks.forEach(k -> gs.add(c.generator()));
    return c.unpack(c.group().multiply(c.pack(gs), scalarBytes(ks)));
  }

  @ParameterizedTest
  @MethodSource("curves")
  void generatorAndCoefficientAreTheWasmcurvesOnes(Curve<?> c) {
    assertTrue(onCurve(c));
    // b' = 3 / (9 + u) on the twist; b = 3 on G1.
    Reference.Field<Fp2> f = Reference.FP2;
    assertEquals(f.of(3), f.mul(Reference.G2.b(), new Fp2(BigInteger.valueOf(9), BigInteger.ONE)));
  }

  private static <T> boolean onCurve(Curve<T> c) {
    return c.onCurve(c.generator());
  }

  @ParameterizedTest
  @MethodSource("curves")
  <T> void scalarMultiplicationMatchesTheReference(Curve<T> c) {
    List<BigInteger> ks = scalars(21, 3);
    ks.add(BigInteger.ZERO);
    ks.add(BigInteger.ONE);
    List<Point<T>> expected = ks.stream().map(k -> c.multiply(c.generator(), k)).toList();
    assertEquals(expected, multiplesOfGenerator(c, ks));
  }

  @ParameterizedTest
  @MethodSource("curves")
  <T> void additionsAgreeWithTheReferenceIncludingSpecialCases(Curve<T> c) {
    List<Point<T>> p = multiplesOfGenerator(c, scalars(22, POINTS));
    List<Point<T>> q = new ArrayList<>(multiplesOfGenerator(c, scalars(23, POINTS)));
    List<Point<T>> a = new ArrayList<>(p);
    // special pairs: P + P, P + (-P), infinity + P, P + infinity, infinity + infinity
    a.addAll(List.of(p.get(0), p.get(1), c.infinity(), p.get(2), c.infinity()));
    q.addAll(List.of(p.get(0), c.negate(p.get(1)), p.get(3), c.infinity(), c.infinity()));
    List<Point<T>> expected = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      expected.add(c.add(a.get(i), q.get(i)));
    }
    byte[] pa = c.pack(a);
    byte[] pq = c.pack(q);
    assertEquals(expected, c.unpack(c.group().add(pa, pq)), "Jacobian add");
    assertEquals(expected, c.unpack(c.group().addMixed(pa, pq)), "mixed add");
    assertEquals(expected, c.unpack(c.group().batchAdd(pa, pq)), "batch-affine add");
  }

  @ParameterizedTest
  @MethodSource("curves")
  <T> void doublingEqualsAddingAPointToItself(Curve<T> c) {
    List<Point<T>> p = new ArrayList<>(multiplesOfGenerator(c, scalars(24, POINTS)));
    p.add(c.infinity());
    byte[] packed = c.pack(p);
    byte[] doubled = c.group().doubled(packed);
    assertArrayEquals(c.group().add(packed, packed), doubled);
    assertEquals(p.stream().map(x -> c.add(x, x)).toList(), c.unpack(doubled));
  }

  @ParameterizedTest
  @MethodSource("curves")
  <T> void scalarMultiplicationIsLinearAndTheGroupOrderGivesInfinity(Curve<T> c) {
    List<BigInteger> a = scalars(25, POINTS);
    List<BigInteger> b = scalars(26, POINTS);
    List<BigInteger> sum = new ArrayList<>();
    for (int i = 0; i < POINTS; i++) {
      sum.add(a.get(i).add(b.get(i)).mod(Reference.R));
    }
    byte[] left = c.group().add(c.pack(multiplesOfGenerator(c, a)), c.pack(multiplesOfGenerator(c, b)));
    assertArrayEquals(c.pack(multiplesOfGenerator(c, sum)), left, "[a]G + [b]G = [a + b]G");

    List<Point<T>> points = multiplesOfGenerator(c, a);
    byte[] order = scalarBytes(points.stream().map(x -> Reference.R).toList());
    assertArrayEquals(new byte[points.size() * c.group().pointBytes()],
        c.group().multiply(c.pack(points), order), "[r]P = infinity");
  }

  @ParameterizedTest
  @MethodSource("curves")
  <T> void snarkjsLayoutIsMontgomeryFormAndRoundTrips(Curve<T> c) {
    List<Point<T>> p = new ArrayList<>(multiplesOfGenerator(c, scalars(27, POINTS)));
    p.add(c.infinity());
    byte[] canonical = c.pack(p);
    byte[] snarkjs = c.group().toSnarkjs(canonical);
    List<BigInteger> expected = c.group().unpack(canonical).stream()
        .map(x -> x.shiftLeft(256).mod(Reference.P)).toList();
    assertEquals(expected, c.group().unpack(snarkjs), "x·2^256 mod p per coordinate, zeros stay");
    assertArrayEquals(canonical, c.group().fromSnarkjs(snarkjs));
  }

  @ParameterizedTest
  @MethodSource("curves")
  <T> void pointsOffTheCurveAreRejected(Curve<T> c) {
    Point<T> g = c.generator();
    Point<T> bad = new Point<>(g.x(), c.field().add(g.y(), c.field().of(1)));
    byte[] packed = c.pack(List.of(bad));
    byte[] good = c.pack(List.of(g));
    PointNotOnCurveException e =
        assertThrows(PointNotOnCurveException.class, () -> c.group().add(good, packed));
    assertEquals(
        "sb_" + c.group().name().toLowerCase() + "_op(add): an input point is not on the curve"
            + " y^2 = x^3 + b (SB_ERR_NOT_ON_CURVE)",
        e.getMessage());
    assertThrows(PointNotOnCurveException.class, () -> c.group().multiply(packed, new byte[32]));
    assertThrows(PointNotOnCurveException.class, () -> c.group().toSnarkjs(packed));
    assertThrows(PointNotOnCurveException.class, () -> c.group().fromSnarkjs(packed));
  }

  @Test
  void wrongPointLengthsAreRejectedInJava() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CurveGroup.G2.doubled(new byte[64]));
    assertEquals("G2 first operand of 64 bytes are not whole points of 128 bytes", e.getMessage());
  }
}
