package io.slotbeam.core.groth16;

/**
 * A Groth16 verifier over BN254 (the check the Codex verifier contract performs, spec datapath
 * §11.3).
 *
 * <p>Contract: {@link #verify} returns {@code false} for a well-formed proof that does not verify
 * against the key and inputs, and {@code true} when it does. Malformed input is an exception, not
 * {@code false}: an {@link InvalidGroth16Exception} for a point not on its curve or not in its
 * subgroup (the Java types check ranges and the G1 equation; the G2 checks are the
 * implementation's), and for a count of public inputs other than {@code key.nPublic()}. Each public
 * input is already below r ({@link io.slotbeam.core.field.Fr}).
 */
public interface Verifier {
  boolean verify(VerificationKey key, PublicInputs publicInputs, Proof proof);
}
