/**
 * Slots and storage-proof inputs (spec datapath §5, §9): {@link
 * io.slotbeam.core.slots.SlotBuilder} hashes a slot's blocks into its Poseidon2 tree, {@link
 * io.slotbeam.core.slots.DatasetSlots} makes a protected dataset verifiable, {@link
 * io.slotbeam.core.slots.Sampler} answers a challenge with a {@link
 * io.slotbeam.core.slots.ProofInput} in the Codex circuit's layout ({@link
 * io.slotbeam.core.slots.ProofInputJson}), and {@link io.slotbeam.core.slots.ProofInputChecker}
 * checks such an input on its own.
 */
package io.slotbeam.core.slots;
