package io.slotbeam.core.slots;

/**
 * The shape of one slot (spec datapath §5.1, §5.3): {@code numSlotBlocks} blocks of {@code
 * blockSize} bytes, each cut into cells of {@code cellSize} bytes, padded with zero blocks to a
 * power-of-two number of blocks so that the slot has a power-of-two number of cells.
 *
 * <p>Example (Codex defaults): 64 KiB blocks, 2 KiB cells: 32 cells per block, 67 field elements
 * per cell, block-tree depth 5; a slot of 3 blocks is padded to 4, i.e. 128 cells.
 *
 * @param blockSize bytes per block
 * @param cellSize bytes per cell: a power of two that divides the block size into a power-of-two
 *     number of cells
 * @param numSlotBlocks the slot's blocks before padding ({@code steps} of the erasure layout)
 */
public record SlotGeometry(int blockSize, int cellSize, long numSlotBlocks) {
  public SlotGeometry {
    checkCellSize(blockSize, cellSize);
    if (numSlotBlocks < 1) {
      throw new IllegalArgumentException("a slot needs at least one block, got " + numSlotBlocks);
    }
  }

  /**
   * Throws unless {@code cellSize} is a power of two that divides {@code blockSize} into a
   * power-of-two number of cells, naming the rule it breaks.
   */
  public static void checkCellSize(int blockSize, int cellSize) {
    if (cellSize <= 0 || Integer.bitCount(cellSize) != 1) {
      throw new IllegalArgumentException("cell size " + cellSize + " is not a power of two");
    }
    if (blockSize <= 0 || blockSize % cellSize != 0) {
      throw new IllegalArgumentException(
          "block size " + blockSize + " is not divisible by cell size " + cellSize);
    }
    if (Integer.bitCount(blockSize / cellSize) != 1) {
      throw new IllegalArgumentException(
          "block size " + blockSize + " / cell size " + cellSize + " = " + blockSize / cellSize
              + " cells per block, not a power of two");
    }
  }

  public int cellsPerBlock() {
    return blockSize / cellSize;
  }

  /** {@code log2(cellsPerBlock)}: the depth of a block's cell tree. */
  public int blockTreeDepth() {
    return Integer.numberOfTrailingZeros(cellsPerBlock());
  }

  /** Field elements per cell: {@code (cellSize + 30) / 31} (spec §5.1). */
  public int cellElements() {
    return (cellSize + 30) / 31;
  }

  /** Blocks including the zero padding: the next power of two of {@code numSlotBlocks}. */
  public long numSlotBlocksTotal() {
    return numSlotBlocks == 1 ? 1 : Long.highestOneBit(numSlotBlocks - 1) << 1;
  }

  /** Padding blocks at the end of the slot. */
  public long numPadSlotBlocks() {
    return numSlotBlocksTotal() - numSlotBlocks;
  }

  /** Cells in the padded slot, a power of two: {@code nCellsPerSlot} of the proof input. */
  public long numSlotCells() {
    return numSlotBlocksTotal() * cellsPerBlock();
  }

  /** Bytes in the padded slot: the {@code slotSize} of a storage request. */
  public long slotBytes() {
    return numSlotBlocksTotal() * blockSize;
  }
}
