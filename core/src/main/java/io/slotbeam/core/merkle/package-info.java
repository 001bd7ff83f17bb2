/**
 * The one keyed Merkle tree of Codex (spec datapath §3.2–§3.5, §4.7), generic over its {@link
 * io.slotbeam.core.merkle.KeyedCompressor}: SHA-256 for the Codex tree of blocks ({@link
 * io.slotbeam.core.merkle.CodexTree}), Poseidon2 for cell, block, slot and dataset trees.
 * {@link io.slotbeam.core.merkle.KeyedMerkleTree} keeps every layer and answers proofs; {@link
 * io.slotbeam.core.merkle.MerkleRootAccumulator} streams the root in logarithmic memory.
 */
package io.slotbeam.core.merkle;
