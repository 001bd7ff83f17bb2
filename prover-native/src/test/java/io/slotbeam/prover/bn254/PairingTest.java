package io.slotbeam.prover.bn254;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotbeam.core.groth16.Fp;
import io.slotbeam.core.groth16.Fp12;
import io.slotbeam.core.groth16.G1Point;
import io.slotbeam.core.groth16.G2Point;
import io.slotbeam.core.groth16.Groth16Json;
import io.slotbeam.core.groth16.HardhatExample;
import io.slotbeam.core.groth16.InvalidGroth16Exception;
import io.slotbeam.core.groth16.VerificationKey;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The native pairing against snarkjs's value and the pairing's defining laws. */
class PairingTest {
  private static final G1Point P = TwistPoints.g1GeneratorTimes(BigInteger.ONE);
  private static final G2Point Q = TwistPoints.generatorTimes(BigInteger.ONE);

  private static List<BigInteger> values(Fp12 f) {
    return f.coefficients().stream().map(Fp::value).toList();
  }

  @Test
  void alphaBetaOfTheHardhatKeyIsItsVkAlphabeta12() throws IOException {
    VerificationKey key =
        Groth16Json.readVerificationKey(HardhatExample.text("verification-key"));
    assertEquals(key.alphaBeta12().orElseThrow(), Pairing.pair(key.alpha1(), key.beta2()));
  }

  @Test
  void pairingIsBilinear() {
    Random random = new Random(17);
    BigInteger a = new BigInteger(254, random).mod(Reference.R);
    BigInteger b = new BigInteger(254, random).mod(Reference.R);
    List<BigInteger> base = values(Pairing.pair(P, Q));
    List<BigInteger> expected = Fp12Reference.pow(base, a.multiply(b).mod(Reference.R));
    G1Point aP = TwistPoints.g1GeneratorTimes(a);
    G2Point bQ = TwistPoints.generatorTimes(b);
    assertEquals(expected, values(Pairing.pair(aP, bQ)));
    assertEquals(Pairing.pair(aP, Q), Pairing.pair(P, TwistPoints.generatorTimes(a)));
  }

  @Test
  void pairingOfTheGeneratorsIsNotOneAndHasOrderR() {
    List<BigInteger> e = values(Pairing.pair(P, Q));
    assertNotEquals(Fp12Reference.one(), e);
    assertEquals(Fp12Reference.one(), Fp12Reference.pow(e, Reference.R));
  }

  @Test
  void pairingWithInfinityIsOne() {
    assertEquals(Fp12Reference.one(), values(Pairing.pair(G1Point.INFINITY, Q)));
    assertEquals(Fp12Reference.one(), values(Pairing.pair(P, G2Point.INFINITY)));
  }

  @Test
  void rejectsTwistPointsOutsideG2() {
    G2Point random = TwistPoints.random(5);
    G2Point torsion = TwistPoints.cofactorTorsion(6);
    G2Point mixed = TwistPoints.add(Q, torsion);
    for (G2Point point : List.of(random, torsion, mixed)) {
      assertFalse(TwistPoints.hasOrderR(point), "the reference says " + point + " is in G2");
      InvalidGroth16Exception e =
          assertThrows(InvalidGroth16Exception.class, () -> Pairing.pair(P, point));
      assertTrue(e.getMessage().contains("not in G2"), e.getMessage());
    }
  }

  @Test
  void acceptsMultiplesOfTheG2Generator() {
    BigInteger k = new BigInteger("123456789123456789123456789");
    G2Point q = TwistPoints.generatorTimes(k);
    assertTrue(TwistPoints.hasOrderR(q));
    G1Point p = TwistPoints.g1GeneratorTimes(k);
    assertEquals(Pairing.pair(p, Q), Pairing.pair(P, q));
  }

  @Test
  void rejectsPointsOffTheTwist() {
    G2Point off = new G2Point(Q.x(), new io.slotbeam.core.groth16.Fp2(Q.y().c1(), Q.y().c0()));
    InvalidGroth16Exception e =
        assertThrows(InvalidGroth16Exception.class, () -> Pairing.pair(P, off));
    assertTrue(e.getMessage().contains("not on its curve"), e.getMessage());
  }
}
