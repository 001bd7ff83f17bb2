package io.slotbeam.prover.groth16;

import io.slotbeam.core.field.Fr;
import io.slotbeam.core.groth16.G1Point;
import io.slotbeam.core.groth16.InvalidGroth16Exception;
import io.slotbeam.core.groth16.Proof;
import io.slotbeam.core.groth16.PublicInputs;
import io.slotbeam.core.groth16.VerificationKey;
import io.slotbeam.core.groth16.Verifier;
import io.slotbeam.prover.bn254.CurveGroup;
import io.slotbeam.prover.bn254.NativeStatus;
import io.slotbeam.prover.bn254.PairingLibrary;
import io.slotbeam.prover.bn254.PairingNative;
import io.slotbeam.prover.bn254.PointBytes;
import io.slotbeam.prover.bn254.PointStatus;
import java.util.List;

/**
 * The Groth16 check of spec datapath §11.3 in libslotbeam ({@code groth16_verify.c}): {@code
 * vk_x = IC[0] + Σ inputs[i]·IC[i+1]} and {@code e(−A, B)·e(α, β)·e(vk_x, γ)·e(C, δ) = 1} as one
 * product of four Miller loops and one final exponentiation.
 *
 * <p>The input count is checked here and the inputs are {@link Fr}, so below r; the native side
 * checks every point on its curve and B, β, γ, δ in G2 before any pairing. A malformed proof or
 * key is an {@link InvalidGroth16Exception} naming the point; a well-formed proof that does not
 * verify is {@code false}. Thread-safe: each call owns its buffers.
 */
public final class NativeVerifier implements Verifier {
  private static final int G1 = CurveGroup.G1.pointBytes();
  private static final int G2 = CurveGroup.G2.pointBytes();

  /** The items in the order of {@code sb_groth16_verify}'s {@code bad_item} (the IC points follow). */
  private static final List<String> FIXED_ITEMS =
      List.of(
          "proof point A (pi_a)",
          "proof point B (pi_b)",
          "proof point C (pi_c)",
          "verification key point vk_alpha_1",
          "verification key point vk_beta_2",
          "verification key point vk_gamma_2",
          "verification key point vk_delta_2");

  @Override
  public boolean verify(VerificationKey key, PublicInputs publicInputs, Proof proof) {
    if (publicInputs.size() != key.nPublic()) {
      throw new InvalidGroth16Exception(
          publicInputs.size()
              + " public inputs, but the verification key expects nPublic = "
              + key.nPublic()
              + " (its IC has "
              + key.ic().size()
              + " points)");
    }
    byte[] vk = keyBytes(key);
    byte[] proofBytes = proofBytes(proof);
    byte[] inputs = inputBytes(publicInputs);
    int[] valid = new int[1];
    long[] badItem = new long[1];
    PairingLibrary lib = PairingNative.library();
    int status =
        lib.sb_groth16_verify(
            vk, vk.length, proofBytes, proofBytes.length, inputs, inputs.length, valid, badItem);
    if (status != NativeStatus.OK) {
      PointStatus.check(status, itemName(badItem[0], key.nPublic()));
    }
    return valid[0] == 1;
  }

  private static String itemName(long item, int nPublic) {
    if (item < FIXED_ITEMS.size()) {
      return FIXED_ITEMS.get((int) item);
    }
    long ic = item - FIXED_ITEMS.size();
    return ic <= nPublic ? "verification key point IC[" + ic + "]" : "public input " + (ic - nPublic - 1);
  }

  /** alpha ‖ beta ‖ gamma ‖ delta ‖ IC[0..n], as {@code sb_groth16_verify} takes the key. */
  private static byte[] keyBytes(VerificationKey key) {
    byte[] out = new byte[G1 + 3 * G2 + G1 * key.ic().size()];
    PointBytes.writeG1(key.alpha1(), out, 0);
    PointBytes.writeG2(key.beta2(), out, G1);
    PointBytes.writeG2(key.gamma2(), out, G1 + G2);
    PointBytes.writeG2(key.delta2(), out, G1 + 2 * G2);
    int offset = G1 + 3 * G2;
    for (G1Point point : key.ic()) {
      PointBytes.writeG1(point, out, offset);
      offset += G1;
    }
    return out;
  }

  private static byte[] proofBytes(Proof proof) {
    byte[] out = new byte[2 * G1 + G2];
    PointBytes.writeG1(proof.a(), out, 0);
    PointBytes.writeG2(proof.b(), out, G1);
    PointBytes.writeG1(proof.c(), out, G1 + G2);
    return out;
  }

  private static byte[] inputBytes(PublicInputs inputs) {
    byte[] out = new byte[Fr.BYTES * inputs.size()];
    for (int i = 0; i < inputs.size(); i++) {
      System.arraycopy(inputs.get(i).toBytes(), 0, out, Fr.BYTES * i, Fr.BYTES);
    }
    return out;
  }
}
