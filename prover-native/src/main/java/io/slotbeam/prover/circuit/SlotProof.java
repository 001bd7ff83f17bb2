package io.slotbeam.prover.circuit;

import io.slotbeam.core.groth16.Proof;
import io.slotbeam.core.groth16.PublicInputs;

/**
 * A Groth16 proof of one circuit input with its public inputs ({@code [entropy, dataSetRoot,
 * slotIndex]}), whether the native verifier accepted it under the circuit's verification key, and
 * what each step took: the witness in the JVM, the proof and the verification.
 */
public record SlotProof(
    Proof proof,
    PublicInputs publicInputs,
    boolean verified,
    long witnessNanos,
    long proveNanos,
    long verifyNanos) {}
