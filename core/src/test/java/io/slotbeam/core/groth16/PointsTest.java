package io.slotbeam.core.groth16;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class PointsTest {
  @Test
  void acceptsTheGeneratorAndItsNegation() {
    // G1 generator (1, 2): 2² = 1³ + 3; its negation (1, p - 2).
    assertFalse(new G1Point(Fp.of(1), Fp.of(2)).isInfinity());
    new G1Point(Fp.of(1), new Fp(Fp.MODULUS.subtract(BigInteger.TWO)));
    assertTrue(G1Point.INFINITY.isInfinity());
    assertTrue(G2Point.INFINITY.isInfinity());
  }

  @Test
  void rejectsCoordinatesOutOfRangeNamingThem() {
    InvalidGroth16Exception high =
        assertThrows(InvalidGroth16Exception.class, () -> Fp.of(Fp.MODULUS, "a.x"));
    assertTrue(high.getMessage().startsWith("a.x: base-field element " + Fp.MODULUS), high.getMessage());
    assertThrows(InvalidGroth16Exception.class, () -> new Fp(BigInteger.valueOf(-1)));
    InvalidGroth16Exception y =
        assertThrows(
            InvalidGroth16Exception.class,
            () -> G1Point.of(BigInteger.ONE, Fp.MODULUS.add(BigInteger.TWO), "pi_a"));
    assertTrue(y.getMessage().startsWith("pi_a[1]: "), y.getMessage());
  }

  @Test
  void rejectsG1PointsOffTheCurve() {
    InvalidGroth16Exception e =
        assertThrows(InvalidGroth16Exception.class, () -> new G1Point(Fp.of(1), Fp.of(3)));
    assertTrue(e.getMessage().contains("not on the curve"), e.getMessage());
    assertThrows(InvalidGroth16Exception.class, () -> new G1Point(Fp.ZERO, Fp.ONE));
  }

  @Test
  void fp12NeedsTwelveCoefficients() {
    InvalidGroth16Exception e =
        assertThrows(
            InvalidGroth16Exception.class,
            () -> new Fp12(java.util.Collections.nCopies(11, Fp.ONE)));
    assertEquals("an Fp12 element has 12 coefficients, not 11", e.getMessage());
  }
}
