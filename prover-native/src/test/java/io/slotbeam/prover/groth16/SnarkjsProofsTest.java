package io.slotbeam.prover.groth16;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotbeam.core.groth16.Groth16Json;
import io.slotbeam.core.groth16.Proof;
import io.slotbeam.core.groth16.PublicInputs;
import io.slotbeam.core.groth16.VerificationKey;
import io.slotbeam.prover.bn254.Pairing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The native verifier on snarkjs's own proofs of a tiny circuit ({@link SnarkjsTinyFixture}). */
class SnarkjsProofsTest {
  private static final NativeVerifier VERIFIER = new NativeVerifier();

  private static VerificationKey key(Path file) throws IOException {
    return Groth16Json.readVerificationKey(Files.readString(file));
  }

  private static Proof proof(int statement) throws IOException {
    return Groth16Json.readProof(Files.readString(SnarkjsTinyFixture.proof(statement)));
  }

  private static PublicInputs inputs(int statement) throws IOException {
    return Groth16Json.readPublic(Files.readString(SnarkjsTinyFixture.publicInputs(statement)));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1})
  void snarkjsProofsVerify(int statement) throws IOException {
    assertTrue(VERIFIER.verify(key(SnarkjsTinyFixture.verificationKey()), inputs(statement),
        proof(statement)));
  }

  @Test
  void aProofDoesNotVerifyUnderAnotherKeyOfTheSameCircuit() throws IOException {
    VerificationKey other = key(SnarkjsTinyFixture.otherVerificationKey());
    assertEquals(2, other.nPublic());
    assertFalse(VERIFIER.verify(other, inputs(0), proof(0)));
  }

  @Test
  void aProofDoesNotVerifyWithTheOtherStatementsInputs() throws IOException {
    assertFalse(VERIFIER.verify(key(SnarkjsTinyFixture.verificationKey()), inputs(1), proof(0)));
  }

  @Test
  void alphaBetaIsTheVkAlphabeta12SnarkjsWrote() throws IOException {
    for (Path file : new Path[] {SnarkjsTinyFixture.verificationKey(),
        SnarkjsTinyFixture.otherVerificationKey()}) {
      VerificationKey key = key(file);
      assertEquals(key.alphaBeta12().orElseThrow(), Pairing.pair(key.alpha1(), key.beta2()));
    }
  }
}
