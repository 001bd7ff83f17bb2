package io.slotbeam.core.groth16;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
  /** The hardhat example proof as the struct's 8 words, from spec datapath §10.7 / §11.2. */
  private static final List<BigInteger> EXAMPLE_WORDS =
      words(
          "6534256117371673392078914918983405561950705741555607896616281548993166767050",
          "4683704071819826577549511087725295557628226569657977399743888281350488008160",
          "5214601005301447749408976517903523691026761713935248596363525026084207179898",
          "12928862018496028019248584699701543976607635004280021323367162829172676142063",
          "6802359022534661924490571652741723715650845080843101596088257121470226373081",
          "13026065833109947056007317243769626467054545801812125911606045634450472294131",
          "4064922718155280187684708354118623661512911161238889435233679092743470899962",
          "16109406845320108508342512724551388830826795687369147885401665396548555026064");

  @Test
  void encodesTheExampleProofAsTheSpecsStructWords() throws IOException {
    Proof proof = Groth16Json.readProof(Groth16JsonTest.upstream("example-proof"));
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
    PublicInputs expected = Groth16Json.readPublic(Groth16JsonTest.upstream("example-public"));
    // A challenge whose first 31 bytes read little-endian are the example's entropy; the 32nd
    // byte must not matter (challengeToField keeps 31 bytes).
    byte[] challenge = le32(BigInteger.valueOf(10941033813L));
    challenge[31] = (byte) 0xA5;
    byte[] root = le32(expected.get(1).toBigInteger());
    assertEquals(expected, ChainEncoding.publicInputs(challenge, root, 3));
    assertEquals(Fr.of(10941033813L), ChainEncoding.challengeToField(challenge));
    assertArrayEquals(expected.get(1).toBytes(), root);
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

  private static byte[] le32(BigInteger value) {
    byte[] out = new byte[32];
    byte[] big = value.toByteArray();
    for (int i = 0; i < big.length && i < 32; i++) {
      out[i] = big[big.length - 1 - i];
    }
    return out;
  }

  private static List<BigInteger> words(String... decimals) {
    List<BigInteger> out = new ArrayList<>();
    for (String d : decimals) {
      out.add(new BigInteger(d));
    }
    return List.copyOf(out);
  }
}
