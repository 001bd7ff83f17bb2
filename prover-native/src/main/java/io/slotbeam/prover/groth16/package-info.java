/**
 * Groth16 on libslotbeam: {@link io.slotbeam.prover.groth16.NativeProver} binds a snarkjs proving
 * key to core's {@link io.slotbeam.core.groth16.Prover} contract, and {@link
 * io.slotbeam.prover.groth16.NativeVerifier} implements core's {@link
 * io.slotbeam.core.groth16.Verifier} with the native pairing.
 */
package io.slotbeam.prover.groth16;
