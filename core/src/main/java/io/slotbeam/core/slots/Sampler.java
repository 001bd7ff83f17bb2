package io.slotbeam.core.slots;

import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.field.BytePacking;
import io.slotbeam.core.field.Fr;
import io.slotbeam.core.hash.CellHasher;
import io.slotbeam.core.hash.Poseidon2Compressor;
import io.slotbeam.core.manifest.Manifest;
import io.slotbeam.core.manifest.VerificationInfo;
import io.slotbeam.core.merkle.KeyedMerkleTree;
import io.slotbeam.core.merkle.MerkleProof;
import io.slotbeam.core.store.BlockStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Answers a challenge for one slot of a stored verifiable dataset with the circuit's input (spec
 * datapath §9.2–§9.4): the sampled cells' field elements, each with its block-tree path followed by
 * its slot-tree path, and the slot's path in the dataset tree, all zero-padded to the circuit's
 * depths. Reads only the sampled blocks and the stored slot tree; every path is checked against
 * the roots in the manifest before it is returned.
 */
public final class Sampler {
  private final BlockStore store;
  private final CellHasher hasher;

  public Sampler(BlockStore store, CellHasher hasher) {
    this.store = store;
    this.hasher = hasher;
  }

  public ProofInput sample(Manifest manifest, int slotIndex, Fr entropy, CircuitParams params)
      throws IOException {
    VerificationInfo verification =
        manifest
            .verification()
            .orElseThrow(
                () -> new IllegalArgumentException("manifest of " + manifest.treeCid() + " is not verifiable"));
    List<Fr> slotRoots = verification.slotRoots().stream().map(SlotCids::root).toList();
    if (slotIndex < 0 || slotIndex >= slotRoots.size()) {
      throw new IllegalArgumentException("slot " + slotIndex + " not in [0, " + slotRoots.size() + ")");
    }
    SlotGeometry geometry =
        new SlotGeometry(manifest.blockSize(), verification.cellSize(), manifest.numSlotBlocks());
    checkFits(geometry, slotRoots.size(), params);

    Fr verifyRoot = SlotCids.root(verification.verifyRoot());
    KeyedMerkleTree<Fr> datasetTree = KeyedMerkleTree.build(slotRoots, Poseidon2Compressor.INSTANCE);
    if (!datasetTree.root().equals(verifyRoot)) {
      throw new IllegalStateException("the manifest's slot roots do not give its verify root " + verifyRoot);
    }
    Fr slotRoot = slotRoots.get(slotIndex);
    KeyedMerkleTree<Fr> slotTree = SlotTrees.get(store, SlotCids.slotRoot(slotRoot));
    List<Cid> blockCids = store.blockCids(manifest.treeCid());

    List<ProofInput.Sample> samples = new ArrayList<>(params.samples());
    long[] cells =
        CellSelector.cellIndices(entropy, slotRoot, geometry.numSlotCells(), params.samples());
    for (long cell : cells) {
      int block = Math.toIntExact(cell / geometry.cellsPerBlock());
      int cellInBlock = Math.toIntExact(cell % geometry.cellsPerBlock());
      byte[] bytes = slotBlock(geometry, blockCids, slotIndex, block);
      List<Fr> cellHashes =
          Arrays.asList(hasher.hashCells(bytes, 0, geometry.cellSize(), geometry.cellsPerBlock()));
      KeyedMerkleTree<Fr> blockTree = KeyedMerkleTree.build(cellHashes, Poseidon2Compressor.INSTANCE);
      MerkleProof<Fr> slotPath = slotTree.proof(block, Poseidon2Compressor.INSTANCE);
      if (!slotPath.verify(blockTree.root(), slotRoot, Poseidon2Compressor.INSTANCE)) {
        throw new IllegalStateException(
            "block " + block + " of slot " + slotIndex + " does not hash to its leaf of the slot tree");
      }
      List<Fr> path = new ArrayList<>(blockTree.proof(cellInBlock, Poseidon2Compressor.INSTANCE).path());
      path.addAll(slotPath.path());
      samples.add(
          new ProofInput.Sample(
              Arrays.asList(
                  BytePacking.elements(bytes, cellInBlock * geometry.cellSize(), geometry.cellSize())),
              ProofInput.zeroPadded(path, params.maxDepth())));
    }
    List<Fr> slotProof = datasetTree.proof(slotIndex, Poseidon2Compressor.INSTANCE).path();
    return new ProofInput(
        entropy,
        verifyRoot,
        slotIndex,
        slotRoot,
        Math.toIntExact(geometry.numSlotCells()),
        slotRoots.size(),
        ProofInput.zeroPadded(slotProof, params.maxLog2NSlots()),
        samples);
  }

  private static void checkFits(SlotGeometry geometry, int slots, CircuitParams params) {
    params.check(geometry.numSlotCells(), slots);
    if (geometry.cellsPerBlock() != params.cellsPerBlock()) {
      throw new IllegalArgumentException(
          geometry.cellsPerBlock() + " cells per block, but the circuit's block tree holds "
              + params.cellsPerBlock());
    }
    if (geometry.cellElements() != params.cellElements()) {
      throw new IllegalArgumentException(
          "cells of " + geometry.cellSize() + " bytes are " + geometry.cellElements()
              + " field elements, but the circuit takes " + params.cellElements());
    }
  }

  /** Block {@code block} of the slot: stored bytes, or zeros for padding and empty blocks. */
  private byte[] slotBlock(SlotGeometry geometry, List<Cid> blockCids, int slotIndex, int block)
      throws IOException {
    if (block >= geometry.numSlotBlocks()) {
      return new byte[geometry.blockSize()];
    }
    Cid cid = blockCids.get(Math.toIntExact(slotIndex * geometry.numSlotBlocks() + block));
    if (cid.equals(Cid.emptyBlock())) {
      return new byte[geometry.blockSize()];
    }
    return store
        .get(cid)
        .orElseThrow(() -> new IllegalStateException("block " + cid + " of slot " + slotIndex + " is missing"))
        .data();
  }
}
