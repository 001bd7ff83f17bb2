package io.slotbeam.core.groth16;

import java.util.List;
import java.util.Optional;

/**
 * A Groth16 verification key as snarkjs's {@code verification_key.json} carries it: {@code
 * alpha1}, {@code beta2}, {@code gamma2}, {@code delta2}, and {@code ic} ({@code IC}: one G1 point
 * for the constant wire and one per public input, so {@code nPublic = ic.size() - 1}).
 *
 * <p>{@code alphaBeta12} is snarkjs's {@code vk_alphabeta_12}, the pairing {@code e(alpha1,
 * beta2)}, as supplied by whoever made the key; it is empty for a key taken from a zkey file until
 * the native side (which can compute pairings) supplies it with {@link #withAlphaBeta12}. A key
 * without it cannot be written as snarkjs JSON.
 */
public record VerificationKey(
    G1Point alpha1,
    G2Point beta2,
    G2Point gamma2,
    G2Point delta2,
    List<G1Point> ic,
    Optional<Fp12> alphaBeta12) {

  public VerificationKey {
    if (alpha1 == null || beta2 == null || gamma2 == null || delta2 == null || ic == null) {
      throw new InvalidGroth16Exception("verification key has a null part");
    }
    ic = List.copyOf(ic);
    if (ic.isEmpty()) {
      throw new InvalidGroth16Exception(
          "verification key has no IC point (it needs 1 + nPublic, at least the constant wire's)");
    }
    if (alphaBeta12 == null) {
      throw new InvalidGroth16Exception("verification key's alphaBeta12 is null, not empty");
    }
  }

  /** The number of public inputs, {@code IC.size() - 1}. */
  public int nPublic() {
    return ic.size() - 1;
  }

  /** This key with {@code vk_alphabeta_12} set to {@code alphaBeta12}. */
  public VerificationKey withAlphaBeta12(Fp12 alphaBeta12) {
    return new VerificationKey(alpha1, beta2, gamma2, delta2, ic, Optional.of(alphaBeta12));
  }

  /** This key without {@code vk_alphabeta_12}, e.g. to compare with a key read from a zkey. */
  public VerificationKey withoutAlphaBeta12() {
    return new VerificationKey(alpha1, beta2, gamma2, delta2, ic, Optional.empty());
  }
}
