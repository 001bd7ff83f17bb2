/**
 * The hashes of the Codex data path: Poseidon2 over BN254 with t = 3 (spec datapath §4.4–§4.8)
 * and SHA-256 as used by the Codex tree (§3.1).
 *
 * <p>The primitive and its modes are separate classes: {@link
 * io.slotbeam.core.hash.Poseidon2Permutation} (state to state), {@link
 * io.slotbeam.core.hash.Poseidon2Sponge} (elements or bytes to one element), {@link
 * io.slotbeam.core.hash.Poseidon2Compressor} (keyed 2-to-1, for trees) and {@link
 * io.slotbeam.core.hash.SpongeMerkle} (a block root). {@link io.slotbeam.core.hash.CellHasher}
 * is where slot building spends its time; {@link io.slotbeam.core.hash.CellHasher#fastest()}
 * picks the SIMD lanes when the machine has them.
 */
package io.slotbeam.core.hash;
