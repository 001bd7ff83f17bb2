package io.slotbeam.core.groth16;

import io.slotbeam.core.field.Fr;
import io.slotbeam.core.field.FrMontgomery;
import java.math.BigInteger;
import java.util.List;

/**
 * Groth16 values as the Codex Marketplace contract takes them (spec datapath §11.2–§11.3).
 *
 * <p>A proof is the ABI-static struct {@code Groth16Proof {G1Point a; G2Point b; G1Point c;}}: 8
 * uint256 words {@code a.x, a.y, b.x.real, b.x.imag, b.y.real, b.y.imag, c.x, c.y}, with {@code
 * real = c0} and {@code imag = c1} and no swap (the contract does the EIP-197 swap itself; snarkjs's
 * {@code soliditycalldata} order {@code [c1, c0]} is wrong for this contract). Infinity is all
 * zeros.
 *
 * <p>The public inputs are those {@code Marketplace.submitProof} builds: {@code
 * [challengeToField(challenge), rootToField(merkleRoot), slotIndex]}.
 */
public final class ChainEncoding {
  /** Words of the {@code Groth16Proof} struct. */
  public static final int PROOF_WORDS = 8;

  /** Bytes of a challenge ({@code bytes32}) and of a dataset root. */
  public static final int WORD_BYTES = 32;

  private ChainEncoding() {}

  /** The 8 struct words of {@code proof}, in ABI order. */
  public static List<BigInteger> proofWords(Proof proof) {
    G2Point b = proof.b();
    return List.of(
        proof.a().x().value(),
        proof.a().y().value(),
        b.x().c0().value(),
        b.x().c1().value(),
        b.y().c0().value(),
        b.y().c1().value(),
        proof.c().x().value(),
        proof.c().y().value());
  }

  /**
   * The proof of 8 struct words; rejects another count, a word not below p (naming its struct
   * field) or a G1 point off the curve.
   */
  public static Proof proofFromWords(List<BigInteger> words) {
    if (words.size() != PROOF_WORDS) {
      throw new InvalidGroth16Exception(
          "Groth16Proof has " + PROOF_WORDS + " words, not " + words.size());
    }
    return new Proof(
        G1Point.of(words.get(0), words.get(1), "a"),
        new G2Point(
            new Fp2(Fp.of(words.get(2), "b.x.real"), Fp.of(words.get(3), "b.x.imag")),
            new Fp2(Fp.of(words.get(4), "b.y.real"), Fp.of(words.get(5), "b.y.imag"))),
        G1Point.of(words.get(6), words.get(7), "c"));
  }

  /**
   * {@code challengeToField}: the first 31 bytes of the 32-byte challenge, little-endian (always
   * below r; the last byte is ignored). Equals the sampler's entropy (spec §9.1).
   */
  public static Fr challengeToField(byte[] challenge) {
    checkLength(challenge, "challenge");
    return Fr.fromBytes31(challenge, 0, WORD_BYTES - 1);
  }

  /**
   * {@code rootToField}: all 32 bytes of the dataset root, little-endian; a root not below r is
   * rejected (the verifier contract would reject it as a public input).
   */
  public static Fr rootToField(byte[] root) {
    checkLength(root, "dataset root");
    BigInteger value = new BigInteger(1, reversed(root));
    if (value.compareTo(FrMontgomery.MODULUS) >= 0) {
      throw new InvalidGroth16Exception(
          "dataset root " + value + " (32 bytes little-endian) is not below r");
    }
    return Fr.of(value);
  }

  /** The public inputs {@code submitProof} passes to the verifier. */
  public static PublicInputs publicInputs(byte[] challenge, byte[] datasetRoot, long slotIndex) {
    if (slotIndex < 0) {
      throw new InvalidGroth16Exception("slot index " + slotIndex + " is negative");
    }
    return PublicInputs.of(challengeToField(challenge), rootToField(datasetRoot), Fr.of(slotIndex));
  }

  private static void checkLength(byte[] bytes, String what) {
    if (bytes.length != WORD_BYTES) {
      throw new InvalidGroth16Exception(
          what + " has " + bytes.length + " bytes, not " + WORD_BYTES);
    }
  }

  private static byte[] reversed(byte[] bytes) {
    byte[] out = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      out[i] = bytes[bytes.length - 1 - i];
    }
    return out;
  }
}
