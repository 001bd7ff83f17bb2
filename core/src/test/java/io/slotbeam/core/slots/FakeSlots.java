package io.slotbeam.core.slots;

/**
 * The reference fake-data generator of the circuit repository (spec datapath §9.7), which produced
 * the upstream circuit fixture: slot data generated cell by cell from a seed, no real dataset.
 */
final class FakeSlots {
  private static final long MODULUS = 1698428844001831L;

  private FakeSlots() {}

  /** {@code seed + 72 + 1001·slot}, wrapping like uint64. */
  static long slotSeed(long seed, int slot) {
    return seed + 72 + 1001L * slot;
  }

  /** Cell {@code cellIndex} (counted within the slot) of the slot with {@code slotSeed}. */
  static byte[] cell(long slotSeed, long cellIndex, int cellSize) {
    long s1 = slotSeed + 0xdeadcafeL;
    long s2 = cellIndex + 0x98765432L;
    long st = 1;
    byte[] out = new byte[cellSize];
    for (int i = 0; i < cellSize; i++) {
      st = st * (st + s1) * (st + s2) + st * (st ^ 0x5a5a5a5aL) + s1 * st + (s2 + 17);
      st = Long.remainderUnsigned(st, MODULUS);
      out[i] = (byte) st;
    }
    return out;
  }

  /** Block {@code block} of a slot: cells {@code block·n .. block·n + n - 1} concatenated. */
  static byte[] block(long slotSeed, long block, int cellSize, int cellsPerBlock) {
    byte[] out = new byte[cellSize * cellsPerBlock];
    for (int c = 0; c < cellsPerBlock; c++) {
      System.arraycopy(cell(slotSeed, block * cellsPerBlock + c, cellSize), 0, out, c * cellSize, cellSize);
    }
    return out;
  }
}
