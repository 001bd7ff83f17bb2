package io.slotbeam.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotbeam.contracts.generated.Groth16Verifier;
import io.slotbeam.contracts.generated.Groth16Verifier.Fp2Element;
import io.slotbeam.contracts.generated.Groth16Verifier.G1Point;
import io.slotbeam.contracts.generated.Groth16Verifier.G2Point;
import io.slotbeam.contracts.generated.Groth16Verifier.Groth16Proof;
import io.slotbeam.contracts.generated.Groth16Verifier.VerifyingKey;
import io.slotbeam.core.vectors.Vectors;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.web3j.protocol.exceptions.TransactionException;

/**
 * The verifier contract on anvil against the upstream hardhat example (spec datapath.md §10.7):
 * the example proof verifies, and every change to an input or to the proof is refused with false.
 */
class Groth16VerifierTest {
  /** BN254 scalar field order r (EIP-196). */
  private static final BigInteger R = new BigInteger(
      "21888242871839275222246405745257275088548364400416034343698204186575808495617");

  private static TestChain chain;
  private static Groth16Verifier verifier;
  private static Groth16Proof proof;
  private static List<BigInteger> inputs;

  @BeforeAll
  static void deployHardhatKey() throws Exception {
    VerifyingKey key = SnarkjsJson.verifyingKey(
        Vectors.file("codex/hardhat-verification-key.json"));
    proof = SnarkjsJson.proof(Vectors.file("codex/hardhat-example-proof.json"));
    inputs = SnarkjsJson.publicInputs(Vectors.file("codex/hardhat-example-public.json"));
    chain = TestChain.start();
    verifier = chain.deployVerifier(key);
  }

  @AfterAll
  static void stopChain() {
    if (chain != null) {
      chain.close();
    }
  }

  @Test
  void acceptsTheUpstreamExampleProof() throws Exception {
    assertEquals(BigInteger.valueOf(3), verifier.publicInputCount().send());
    assertTrue(verifier.verify(proof, inputs).send());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2})
  void rejectsEachPublicInputPlusOne(int index) throws Exception {
    List<BigInteger> changed = new ArrayList<>(inputs);
    changed.set(index, changed.get(index).add(BigInteger.ONE));
    assertFalse(verifier.verify(proof, changed).send());
  }

  @Test
  void rejectsAnInputThatIsOnlyCongruentModuloR() throws Exception {
    // Without the "< r" rule this would verify: the scalar multiplication reduces modulo r.
    List<BigInteger> changed = new ArrayList<>(inputs);
    changed.set(0, changed.get(0).add(R));
    assertFalse(verifier.verify(proof, changed).send());
  }

  @Test
  void rejectsTheWrongNumberOfInputs() throws Exception {
    assertFalse(verifier.verify(proof, inputs.subList(0, 2)).send());
    List<BigInteger> longer = new ArrayList<>(inputs);
    longer.add(BigInteger.ZERO);
    assertFalse(verifier.verify(proof, longer).send());
  }

  @Test
  void rejectsAChangedProofCoordinate() throws Exception {
    Groth16Proof changedC = new Groth16Proof(proof.a, proof.b,
        new G1Point(proof.c.x.add(BigInteger.ONE), proof.c.y));
    assertFalse(verifier.verify(changedC, inputs).send());
  }

  @Test
  void rejectsAProofWhoseG2CoordinatesArePassedSwappedLikeSnarkjsCalldata() throws Exception {
    // snarkjs' soliditycalldata order (imag, real) must not verify: the contract does the swap.
    Groth16Proof swapped = new Groth16Proof(proof.a,
        new G2Point(new Fp2Element(proof.b.x.imag, proof.b.x.real),
            new Fp2Element(proof.b.y.imag, proof.b.y.real)),
        proof.c);
    assertFalse(verifier.verify(swapped, inputs).send());
  }

  @Test
  void refusesAKeyWithoutIcPoints() throws Exception {
    VerifyingKey key = SnarkjsJson.verifyingKey(
        Vectors.file("codex/hardhat-verification-key.json"));
    VerifyingKey empty = new VerifyingKey(key.alpha1, key.beta2, key.gamma2, key.delta2, List.of());
    assertThrows(TransactionException.class, () -> chain.deployVerifier(empty));
  }
}
