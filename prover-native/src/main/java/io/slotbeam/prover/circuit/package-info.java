/**
 * Proving a storage proof end to end with one built circuit folder: sample a slot (core's {@code
 * Sampler}), compute the witness in the JVM (circuits' {@code WitnessCalculator}), prove with
 * libslotbeam's Groth16 prover and check the proof with its verifier. {@link
 * io.slotbeam.prover.circuit.ProvingCircuit} is the one entry point the CLI, the pipelines and the
 * node share; {@link io.slotbeam.prover.circuit.SlotProof} is what it returns.
 */
package io.slotbeam.prover.circuit;
