package io.slotbeam.core.slots;

import io.slotbeam.core.field.Fr;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The input of the storage-proof circuit for one slot, field by field as in the Codex circuit
 * input JSON (spec datapath §9.4, §9.5; {@link ProofInputJson} reads and writes it).
 *
 * <p>Lists are held as the circuit sees them: {@code slotProof} zero-padded to {@code
 * maxLog2NSlots} (8), each sample's {@code merklePaths} zero-padded to {@code maxDepth} (32), block
 * levels first. The public inputs are {@code [entropy, dataSetRoot, slotIndex]} ({@link
 * #publicInputs}); the rest is private. Immutable.
 *
 * <p>This record only rejects nulls and negative integers (the integers are u32 on the nim-codex
 * FFI); shapes and Merkle paths are judged by {@link ProofInputChecker}, which reports rather than
 * throws.
 *
 * @param entropy challenge entropy, first 31 bytes of the challenge ({@link CellSelector#entropy})
 * @param dataSetRoot the dataset ("verify") root (§5.5)
 * @param slotIndex the slot proved
 * @param slotRoot that slot's root
 * @param nCellsPerSlot the slot's cells, the padded power of two (§12.15)
 * @param nSlotsPerDataSet the dataset's slots
 * @param slotProof path of the slot root in the dataset tree, bottom first, zero-padded
 * @param samples one per counter {@code 1..nSamples}, in counter order
 */
public record ProofInput(
    Fr entropy,
    Fr dataSetRoot,
    int slotIndex,
    Fr slotRoot,
    int nCellsPerSlot,
    int nSlotsPerDataSet,
    List<Fr> slotProof,
    List<Sample> samples) {

  /**
   * One sampled cell: its field elements (67 for 2048-byte cells, §4.3) and its path, the block
   * tree's siblings then the slot tree's, zero-padded to {@code maxDepth} (§9.3).
   */
  public record Sample(List<Fr> cellData, List<Fr> merklePaths) {
    public Sample {
      cellData = List.copyOf(Objects.requireNonNull(cellData, "cellData"));
      merklePaths = List.copyOf(Objects.requireNonNull(merklePaths, "merklePaths"));
    }
  }

  public ProofInput {
    Objects.requireNonNull(entropy, "entropy");
    Objects.requireNonNull(dataSetRoot, "dataSetRoot");
    Objects.requireNonNull(slotRoot, "slotRoot");
    requireNonNegative("slotIndex", slotIndex);
    requireNonNegative("nCellsPerSlot", nCellsPerSlot);
    requireNonNegative("nSlotsPerDataSet", nSlotsPerDataSet);
    slotProof = List.copyOf(Objects.requireNonNull(slotProof, "slotProof"));
    samples = List.copyOf(Objects.requireNonNull(samples, "samples"));
  }

  // Copies with one field changed, for inputs built step by step and for tests that tamper.

  public ProofInput withEntropy(Fr entropy) {
    return new ProofInput(entropy, dataSetRoot, slotIndex, slotRoot, nCellsPerSlot, nSlotsPerDataSet, slotProof, samples);
  }

  public ProofInput withDataSetRoot(Fr dataSetRoot) {
    return new ProofInput(entropy, dataSetRoot, slotIndex, slotRoot, nCellsPerSlot, nSlotsPerDataSet, slotProof, samples);
  }

  public ProofInput withSlotIndex(int slotIndex) {
    return new ProofInput(entropy, dataSetRoot, slotIndex, slotRoot, nCellsPerSlot, nSlotsPerDataSet, slotProof, samples);
  }

  public ProofInput withSlotRoot(Fr slotRoot) {
    return new ProofInput(entropy, dataSetRoot, slotIndex, slotRoot, nCellsPerSlot, nSlotsPerDataSet, slotProof, samples);
  }

  public ProofInput withNCellsPerSlot(int nCellsPerSlot) {
    return new ProofInput(entropy, dataSetRoot, slotIndex, slotRoot, nCellsPerSlot, nSlotsPerDataSet, slotProof, samples);
  }

  public ProofInput withNSlotsPerDataSet(int nSlotsPerDataSet) {
    return new ProofInput(entropy, dataSetRoot, slotIndex, slotRoot, nCellsPerSlot, nSlotsPerDataSet, slotProof, samples);
  }

  public ProofInput withSlotProof(List<Fr> slotProof) {
    return new ProofInput(entropy, dataSetRoot, slotIndex, slotRoot, nCellsPerSlot, nSlotsPerDataSet, slotProof, samples);
  }

  public ProofInput withSamples(List<Sample> samples) {
    return new ProofInput(entropy, dataSetRoot, slotIndex, slotRoot, nCellsPerSlot, nSlotsPerDataSet, slotProof, samples);
  }

  /**
   * The circuit's public inputs in verifier order: {@code [entropy, dataSetRoot, slotIndex]}
   * (§10.2).
   */
  public List<Fr> publicInputs() {
    return List.of(entropy, dataSetRoot, Fr.of(slotIndex));
  }

  /**
   * {@code entries} followed by zeros up to {@code length}, as the circuit takes paths (§9.4).
   * Unlike nim-codex's {@code normalizeInput}, a longer list is refused, never truncated.
   *
   * @throws IllegalArgumentException when {@code entries} has more than {@code length} elements
   */
  public static List<Fr> zeroPadded(List<Fr> entries, int length) {
    if (entries.size() > length) {
      throw new IllegalArgumentException(
          "path of " + entries.size() + " entries does not fit in " + length);
    }
    List<Fr> out = new ArrayList<>(entries);
    while (out.size() < length) {
      out.add(Fr.ZERO);
    }
    return List.copyOf(out);
  }

  private static void requireNonNegative(String name, int value) {
    if (value < 0) {
      throw new InvalidProofInputException(name + " " + value + " must not be negative");
    }
  }
}
