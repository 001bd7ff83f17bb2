package io.slotbeam.prover.groth16;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotbeam.core.field.Fr;
import io.slotbeam.core.groth16.ChainEncoding;
import io.slotbeam.core.groth16.G1Point;
import io.slotbeam.core.groth16.G2Point;
import io.slotbeam.core.groth16.Groth16Json;
import io.slotbeam.core.groth16.HardhatExample;
import io.slotbeam.core.groth16.InvalidGroth16Exception;
import io.slotbeam.core.groth16.Proof;
import io.slotbeam.core.groth16.PublicInputs;
import io.slotbeam.core.groth16.VerificationKey;
import io.slotbeam.prover.bn254.TwistPoints;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The native Groth16 check on the upstream Codex example proof of spec datapath §10.7. */
class NativeVerifierTest {
  private static final NativeVerifier VERIFIER = new NativeVerifier();
  private static VerificationKey key;
  private static Proof proof;
  private static PublicInputs inputs;

  @BeforeAll
  static void readHardhatVector() throws IOException {
    key = Groth16Json.readVerificationKey(HardhatExample.text("verification-key"));
    proof = Groth16Json.readProof(HardhatExample.text("example-proof"));
    inputs = Groth16Json.readPublic(HardhatExample.text("example-public"));
  }

  @Test
  void verifiesTheUpstreamExampleProof() {
    assertTrue(VERIFIER.verify(key, inputs, proof));
  }

  @Test
  void verifiesTheExampleProofReadFromItsChainWords() {
    assertTrue(VERIFIER.verify(key, inputs, ChainEncoding.proofFromWords(HardhatExample.PROOF_WORDS)));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2})
  void rejectsEachPublicInputChangedByOne(int index) {
    List<Fr> changed = new ArrayList<>(inputs.values());
    changed.set(index, Fr.of(changed.get(index).toBigInteger().add(BigInteger.ONE)));
    assertFalse(VERIFIER.verify(key, new PublicInputs(changed), proof));
  }

  /**
   * A coordinate plus one takes its point off the curve: for A and C the Java point refuses it,
   * for B the native check does; either way the proof is refused naming the point.
   */
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7})
  void rejectsEachProofCoordinateChanged(int word) {
    List<BigInteger> words = new ArrayList<>(ChainEncoding.proofWords(proof));
    words.set(word, words.get(word).add(BigInteger.ONE));
    InvalidGroth16Exception e =
        assertThrows(
            InvalidGroth16Exception.class,
            () -> VERIFIER.verify(key, inputs, ChainEncoding.proofFromWords(words)));
    String point = word < 2 ? "a" : word < 6 ? "pi_b" : "c";
    assertTrue(e.getMessage().contains(point), e.getMessage());
  }

  @Test
  void wellFormedWrongProofsAreFalse() {
    Proof swapped = new Proof(proof.c(), proof.b(), proof.a());
    Proof otherB = new Proof(proof.a(), key.beta2(), proof.c());
    assertFalse(VERIFIER.verify(key, inputs, swapped));
    assertFalse(VERIFIER.verify(key, inputs, otherB));
  }

  @Test
  void theProofDoesNotVerifyUnderAnotherKey() {
    VerificationKey other =
        new VerificationKey(
            key.alpha1(), key.beta2(), key.delta2(), key.gamma2(), key.ic(), Optional.empty());
    assertFalse(VERIFIER.verify(other, inputs, proof));
  }

  /** Asserts that verifying throws an {@link InvalidGroth16Exception} whose message has all of {@code words}. */
  private static void assertMalformed(VerificationKey k, PublicInputs in, Proof p, String... words) {
    InvalidGroth16Exception e =
        assertThrows(InvalidGroth16Exception.class, () -> VERIFIER.verify(k, in, p));
    for (String word : words) {
      assertTrue(e.getMessage().contains(word), e.getMessage());
    }
  }

  @Test
  void rejectsAnInputCountOtherThanTheKeys() {
    PublicInputs two = new PublicInputs(inputs.values().subList(0, 2));
    assertMalformed(key, two, proof, "2 public inputs", "nPublic = 3");
  }

  @Test
  void rejectsBOutsideG2() {
    Proof bad = new Proof(proof.a(), TwistPoints.random(11), proof.c());
    assertMalformed(key, inputs, bad, "pi_b", "not in G2");
  }

  @Test
  void rejectsAKeyPointOutsideG2() {
    G2Point torsion = TwistPoints.cofactorTorsion(12);
    VerificationKey bad =
        new VerificationKey(
            key.alpha1(), key.beta2(), torsion, key.delta2(), key.ic(), Optional.empty());
    assertMalformed(bad, inputs, proof, "vk_gamma_2", "not in G2");
  }

  @Test
  void aProofWithInfinityIsWellFormedAndFalse() {
    Proof zeros = new Proof(G1Point.INFINITY, G2Point.INFINITY, G1Point.INFINITY);
    assertFalse(VERIFIER.verify(key, inputs, zeros));
  }
}
