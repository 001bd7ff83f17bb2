/**
 * Groth16 over BN254 as snarkjs and the Codex contracts see it: the values (base-field
 * coordinates, affine points, {@link io.slotbeam.core.groth16.Proof}, {@link
 * io.slotbeam.core.groth16.VerificationKey}, {@link io.slotbeam.core.groth16.PublicInputs}), their
 * snarkjs JSON files ({@link io.slotbeam.core.groth16.Groth16Json}), their encoding for the
 * Marketplace contract ({@link io.slotbeam.core.groth16.ChainEncoding}, spec datapath §11) and the
 * {@link io.slotbeam.core.groth16.Prover}/{@link io.slotbeam.core.groth16.Verifier} interfaces.
 *
 * <p>No curve arithmetic lives here beyond the G1 curve equation: pairings, subgroup checks and
 * the prover are the native library's job.
 */
package io.slotbeam.core.groth16;
