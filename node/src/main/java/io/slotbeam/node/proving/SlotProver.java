package io.slotbeam.node.proving;

import io.slotbeam.core.field.Fr;
import io.slotbeam.core.groth16.Proof;
import io.slotbeam.core.manifest.Manifest;
import io.slotbeam.core.store.BlockStore;
import java.io.IOException;

/**
 * Proves that slot {@code slotIndex} of a verifiable dataset is in {@code store}, for the
 * challenge's {@code entropy}: samples the slot and runs the circuit (spec node §8.3). The node
 * uses prover-native's {@code ProvingCircuit.proveSlot}, which also verifies the proof locally and
 * throws if it does not verify; tests may use a fake.
 */
@FunctionalInterface
public interface SlotProver {
  Proof prove(BlockStore store, Manifest verifiable, int slotIndex, Fr entropy) throws IOException;
}
