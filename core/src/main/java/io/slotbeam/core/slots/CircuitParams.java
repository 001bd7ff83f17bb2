package io.slotbeam.core.slots;

import io.slotbeam.core.merkle.KeyedMerkleTree;
import java.util.Optional;

/**
 * The five parameters of the Codex storage-proof circuit {@code SampleAndProve(maxDepth,
 * maxLog2NSlots, blockTreeDepth, nFieldElemsPerCell, nSamples)} (spec datapath §10.1). A change of
 * any of them needs a new trusted setup.
 *
 * <ul>
 *   <li>{@code maxDepth}: length of every {@code merklePaths} row, block levels then slot levels,
 *       zero-padded (§9.4); bounds the cells of a slot to {@code 2^maxDepth}.
 *   <li>{@code maxLog2NSlots}: length of {@code slotProof}, zero-padded; bounds the slots of a
 *       dataset to {@code 2^maxLog2NSlots}.
 *   <li>{@code blockTreeDepth}: levels of a block's own tree; a block has {@code 2^blockTreeDepth}
 *       cells (5: 65536-byte blocks of 2048-byte cells).
 *   <li>{@code cellElements}: field elements per cell (67 for 2048-byte cells, §4.3).
 *   <li>{@code samples}: cells sampled per proof.
 * </ul>
 *
 * <p>Example: {@link #FULL} is {@code 32,8,5,67,5}, the deployed circuit: ≤ 256 slots, ≤ 2^27
 * blocks per slot. {@link #parse} reads and {@link #toString} writes this comma syntax.
 */
public record CircuitParams(
    int maxDepth, int maxLog2NSlots, int blockTreeDepth, int cellElements, int samples) {
  /** The deployed Codex circuit {@code SampleAndProve(32, 8, 5, 67, 5)} (spec §10.1). */
  public static final CircuitParams FULL = new CircuitParams(32, 8, 5, 67, 5);

  /**
   * The small circuit {@code SampleAndProve(8, 3, 5, 67, 2)} of tests, the demo and the dev node:
   * ≤ 8 slots of ≤ 8 blocks (256 cells).
   */
  public static final CircuitParams SMALL = new CircuitParams(8, 3, 5, 67, 2);

  /**
   * Upper bound of {@code maxDepth} and {@code maxLog2NSlots}: the integers of a proof input are
   * u32 on the nim-codex FFI (spec §9.5), and cell indices are the low bits of one 64-bit limb.
   */
  private static final int MAX_LOG2 = 32;

  private static final String[] NAMES = {
    "maxDepth", "maxLog2NSlots", "blockTreeDepth", "cellElements", "samples"
  };

  public CircuitParams {
    requireInRange("maxDepth", maxDepth, 2, MAX_LOG2);
    requireInRange("maxLog2NSlots", maxLog2NSlots, 1, MAX_LOG2);
    requireInRange("cellElements", cellElements, 1, Integer.MAX_VALUE);
    requireInRange("samples", samples, 1, Integer.MAX_VALUE);
    if (blockTreeDepth < 1 || blockTreeDepth >= maxDepth) {
      throw new IllegalArgumentException(
          "blockTreeDepth "
              + blockTreeDepth
              + " must be in [1, maxDepth "
              + maxDepth
              + "): the slot tree needs at least one level of the path");
    }
  }

  /**
   * Parses the CLI syntax {@code "maxDepth,maxLog2NSlots,blockTreeDepth,cellElements,samples"},
   * e.g. {@code "32,8,5,67,5"}; spaces around the numbers are allowed.
   *
   * @throws IllegalArgumentException naming the text, the bad part and the rule
   */
  public static CircuitParams parse(String text) {
    String[] parts = text.split(",", -1);
    if (parts.length != NAMES.length) {
      throw new IllegalArgumentException(
          "circuit parameters '"
              + text
              + "' are not 5 comma-separated integers "
              + String.join(",", NAMES)
              + " (e.g. "
              + FULL
              + ")");
    }
    int[] values = new int[NAMES.length];
    for (int i = 0; i < NAMES.length; i++) {
      String part = parts[i].trim();
      try {
        values[i] = Integer.parseInt(part);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "'"
                + part
                + "' ("
                + NAMES[i]
                + ") in circuit parameters '"
                + text
                + "' is not an integer",
            e);
      }
    }
    try {
      return new CircuitParams(values[0], values[1], values[2], values[3], values[4]);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("circuit parameters '" + text + "': " + e.getMessage(), e);
    }
  }

  /** Cells per block, {@code 2^blockTreeDepth} (32 for both circuits). */
  public int cellsPerBlock() {
    return 1 << blockTreeDepth;
  }

  /** The most slots a dataset may have, {@code 2^maxLog2NSlots}. */
  public long maxSlots() {
    return 1L << maxLog2NSlots;
  }

  /** The most slot-tree levels a path may have, {@code maxDepth - blockTreeDepth}. */
  public int maxSlotDepth() {
    return maxDepth - blockTreeDepth;
  }

  /** The most cells a slot may have, {@code 2^maxDepth}. */
  public long maxCellsPerSlot() {
    return 1L << maxDepth;
  }

  /**
   * Slot-tree levels in each {@code merklePaths} row for a slot of {@code nCellsPerSlot} cells:
   * {@code log2(nCellsPerSlot / cellsPerBlock)}, but 1 for a single-block slot (a single-leaf tree
   * has depth 1, spec §9.3, §12.14). Assumes {@link #check} accepts {@code nCellsPerSlot}.
   */
  public int slotTreeDepth(long nCellsPerSlot) {
    return KeyedMerkleTree.depthFor(nCellsPerSlot / cellsPerBlock());
  }

  /**
   * Meaningful entries of {@code slotProof} for a dataset of {@code nSlotsPerDataSet} slots:
   * {@code ceil(log2 nSlotsPerDataSet)}, but 1 for a single slot (spec §9.4).
   */
  public int datasetTreeDepth(long nSlotsPerDataSet) {
    return KeyedMerkleTree.depthFor(nSlotsPerDataSet);
  }

  /**
   * Throws unless a dataset of {@code nSlotsPerDataSet} slots of {@code nCellsPerSlot} cells fits
   * this circuit: {@code 1 ≤ nSlotsPerDataSet ≤ 2^maxLog2NSlots}; {@code nCellsPerSlot} a power of
   * two, at least one block's cells, with {@code blockTreeDepth + slot depth ≤ maxDepth}. Example:
   * {@code SMALL.check(512, 3)} fails ("needs 9 path levels (5 block + 4 slot) but maxDepth is
   * 8").
   *
   * @throws IllegalArgumentException naming the value and the limit it breaks
   */
  public void check(long nCellsPerSlot, long nSlotsPerDataSet) {
    Optional<String> misfit = misfit(nCellsPerSlot, nSlotsPerDataSet);
    if (misfit.isPresent()) {
      throw new IllegalArgumentException(misfit.get());
    }
  }

  /** Why a dataset does not fit ({@link #check}), or empty when it fits. */
  Optional<String> misfit(long nCellsPerSlot, long nSlotsPerDataSet) {
    return slotsMisfit(nSlotsPerDataSet).or(() -> cellsMisfit(nCellsPerSlot));
  }

  /** Why a dataset of {@code nSlotsPerDataSet} slots does not fit, or empty when it fits. */
  Optional<String> slotsMisfit(long nSlotsPerDataSet) {
    if (nSlotsPerDataSet < 1) {
      return Optional.of("nSlotsPerDataSet " + nSlotsPerDataSet + " must be at least 1");
    }
    if (nSlotsPerDataSet > maxSlots()) {
      return Optional.of(
          "nSlotsPerDataSet "
              + nSlotsPerDataSet
              + " exceeds the "
              + maxSlots()
              + " slots of maxLog2NSlots "
              + maxLog2NSlots
              + " (circuit "
              + this
              + ")");
    }
    return Optional.empty();
  }

  /** Why a slot of {@code nCellsPerSlot} cells does not fit, or empty when it fits. */
  Optional<String> cellsMisfit(long nCellsPerSlot) {
    if (nCellsPerSlot < 1 || Long.bitCount(nCellsPerSlot) != 1) {
      return Optional.of("nCellsPerSlot " + nCellsPerSlot + " is not a power of two");
    }
    if (nCellsPerSlot < cellsPerBlock()) {
      return Optional.of(
          "nCellsPerSlot "
              + nCellsPerSlot
              + " is smaller than the "
              + cellsPerBlock()
              + " cells of one block (blockTreeDepth "
              + blockTreeDepth
              + ")");
    }
    int slotDepth = slotTreeDepth(nCellsPerSlot);
    if (blockTreeDepth + slotDepth > maxDepth) {
      return Optional.of(
          "nCellsPerSlot "
              + nCellsPerSlot
              + " needs "
              + (blockTreeDepth + slotDepth)
              + " path levels ("
              + blockTreeDepth
              + " block + "
              + slotDepth
              + " slot) but maxDepth is "
              + maxDepth
              + " (circuit "
              + this
              + ")");
    }
    return Optional.empty();
  }

  /** The CLI syntax, e.g. {@code "32,8,5,67,5"}; {@link #parse} reads it back. */
  @Override
  public String toString() {
    return maxDepth
        + ","
        + maxLog2NSlots
        + ","
        + blockTreeDepth
        + ","
        + cellElements
        + ","
        + samples;
  }

  private static void requireInRange(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          max == Integer.MAX_VALUE
              ? name + " " + value + " must be at least " + min
              : name + " " + value + " is not in [" + min + ", " + max + "]");
    }
  }
}
