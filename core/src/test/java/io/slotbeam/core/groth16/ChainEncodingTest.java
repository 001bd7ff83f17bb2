package io.slotbeam.core.groth16;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotbeam.core.field.Fr;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainEncodingTest {
  private static final List<BigInteger> EXAMPLE_WORDS = HardhatExample.PROOF_WORDS;

  @Test
  void encodesTheExampleProofAsTheSpecsStructWords() throws IOException {
    Proof proof = Groth16Json.readProof(HardhatExample.text("example-proof"));
    assertEquals(EXAMPLE_WORDS, ChainEncoding.proofWords(proof));
    assertEquals(proof, ChainEncoding.proofFromWords(EXAMPLE_WORDS));
  }

  @Test
  void rejectsWrongWordLists() {
    InvalidGroth16Exception count =
        assertThrows(
            InvalidGroth16Exception.class,
            () -> ChainEncoding.proofFromWords(EXAMPLE_WORDS.subList(0, 7)));
    assertTrue(count.getMessage().contains("8 words, not 7"), count.getMessage());
    List<BigInteger> big = new ArrayList<>(EXAMPLE_WORDS);
    big.set(3, Fp.MODULUS);
    InvalidGroth16Exception range =
        assertThrows(InvalidGroth16Exception.class, () -> ChainEncoding.proofFromWords(big));
    assertTrue(range.getMessage().startsWith("b.x.imag: "), range.getMessage());
    List<BigInteger> offCurve = new ArrayList<>(EXAMPLE_WORDS);
    offCurve.set(7, BigInteger.ONE);
    InvalidGroth16Exception curve =
        assertThrows(InvalidGroth16Exception.class, () -> ChainEncoding.proofFromWords(offCurve));
    assertTrue(curve.getMessage().startsWith("c: G1 point"), curve.getMessage());
  }

  @Test
  void infinityIsAllZeroWords() {
    Proof proof = new Proof(G1Point.INFINITY, G2Point.INFINITY, G1Point.INFINITY);
    List<BigInteger> zeros = java.util.Collections.nCopies(8, BigInteger.ZERO);
    assertEquals(zeros, ChainEncoding.proofWords(proof));
    assertEquals(proof, ChainEncoding.proofFromWords(zeros));
  }

  @Test
  void buildsTheExamplePublicInputsAsSubmitProofDoes() throws IOException {
    PublicInputs expected = Groth16Json.readPublic(HardhatExample.text("example-public"));
    // A challenge whose first 31 bytes read little-endian are the example's entropy; the 32nd
    // byte must not matter (challengeToField keeps 31 bytes).
    byte[] challenge = Fr.of(10941033813L).toBytes();
    challenge[31] = (byte) 0xA5;
    byte[] root = expected.get(1).toBytes();
    assertEquals(expected, ChainEncoding.publicInputs(challenge, root, 3));
    assertEquals(Fr.of(10941033813L), ChainEncoding.challengeToField(challenge));
  }

  @Test
  void challengeToFieldReadsTheFirst31BytesLittleEndian() {
    byte[] challenge = new byte[32];
    for (int i = 0; i < 32; i++) {
      challenge[i] = (byte) (0xF0 + i % 16);
    }
    byte[] first31 = new byte[31];
    for (int i = 0; i < 31; i++) {
      first31[30 - i] = challenge[i];
    }
    assertEquals(
        Fr.of(new BigInteger(1, first31)), ChainEncoding.challengeToField(challenge));
  }

  @Test
  void rejectsBadChallengeRootAndSlot() {
    byte[] ok = new byte[32];
    assertMessage(() -> ChainEncoding.challengeToField(new byte[31]), "challenge has 31 bytes");
    assertMessage(() -> ChainEncoding.rootToField(new byte[33]), "dataset root has 33 bytes");
    byte[] ones = new byte[32];
    java.util.Arrays.fill(ones, (byte) 0xFF);
    assertMessage(() -> ChainEncoding.rootToField(ones), "is not below r");
    assertMessage(() -> ChainEncoding.publicInputs(ok, ok, -1), "slot index -1 is negative");
  }

  private static void assertMessage(Runnable call, String message) {
    InvalidGroth16Exception e = assertThrows(InvalidGroth16Exception.class, call::run);
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }
}
