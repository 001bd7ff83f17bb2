package io.slotbeam.node.proving;

import io.slotbeam.core.block.Chunker;
import io.slotbeam.core.groth16.G1Point;
import io.slotbeam.core.groth16.G2Point;
import io.slotbeam.core.groth16.Proof;
import io.slotbeam.core.manifest.Manifest;
import io.slotbeam.core.slots.CellSelector;
import io.slotbeam.core.slots.CircuitParams;
import io.slotbeam.core.store.BlockStore;
import io.slotbeam.node.market.Ask;
import io.slotbeam.prover.circuit.ProvingCircuit;
import io.slotbeam.prover.circuit.SlotProof;
import java.io.IOException;
import java.util.Optional;

/**
 * The circuit a host proves with and the prover that runs it (spec node §8.3): which requests the
 * circuit can take ({@link #misfit}) and the proof for a challenge ({@link #prove}).
 *
 * @param params the circuit's parameters; the dev node's small circuit takes at most 8 slots of at
 *     most 8 blocks
 * @param prover samples and proves
 * @param failEveryNProofs 0 for honest proofs; {@code N > 0} makes every N-th periodic proof the
 *     all-zero proof, which the contract rejects ({@code --simulate-proof-failures}, §8.4)
 */
public record Proving(CircuitParams params, SlotProver prover, int failEveryNProofs) {
  /** The all-zero proof of simulated failures (nim-codex submits {@code Groth16Proof.default}). */
  public static final Proof INVALID_PROOF =
      new Proof(G1Point.INFINITY, G2Point.INFINITY, G1Point.INFINITY);

  public Proving {
    if (failEveryNProofs < 0) {
      throw new IllegalArgumentException("simulated proof failures " + failEveryNProofs + " must not be negative");
    }
  }

  /**
   * Proves with a built circuit ({@code --circuit-dir}, or the dev node's small circuit): samples,
   * proves natively and verifies locally; a proof that does not verify is an error, never sent.
   */
  public static Proving of(ProvingCircuit circuit, int failEveryNProofs) {
    SlotProver prover = (store, verifiable, slotIndex, entropy) -> {
      SlotProof proof = circuit.proveSlot(store, verifiable, slotIndex, entropy);
      if (!proof.verified()) {
        throw new IllegalStateException("the proof of slot " + slotIndex + " of " + verifiable.treeCid()
            + " does not verify under the circuit's key in " + circuit.folder());
      }
      return proof.proof();
    };
    return new Proving(circuit.params(), prover, failEveryNProofs);
  }

  /**
   * Why the circuit cannot prove slots of a request asking {@code ask} (too many slots, or slots of
   * more blocks than its depth allows), or empty when it can. Slots are of 64 KiB blocks, padded
   * to a power of two (spec datapath §5.3).
   */
  public Optional<String> misfit(Ask ask) {
    long blocks = Math.max(1, (ask.slotSize() + Chunker.DEFAULT_BLOCK_SIZE - 1) / Chunker.DEFAULT_BLOCK_SIZE);
    long padded = blocks == 1 ? 1 : Long.highestOneBit(blocks - 1) << 1;
    if (padded > params.maxCellsPerSlot() / params.cellsPerBlock()) {
      return Optional.of("slots of " + ask.slotSize() + " bytes (" + blocks + " blocks) exceed the "
          + params.maxCellsPerSlot() / params.cellsPerBlock() + " blocks a slot may have in circuit " + params);
    }
    try {
      params.check(padded * params.cellsPerBlock(), ask.slots());
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** The proof for {@code challenge} (32 bytes; its first 31 little-endian are the entropy, §5.6). */
  public Proof prove(BlockStore store, Manifest verifiable, int slotIndex, byte[] challenge) throws IOException {
    return prover.prove(store, verifiable, slotIndex, CellSelector.entropy(challenge));
  }
}
