package io.slotbeam.core.hash;

import io.slotbeam.core.field.Fr;
import io.slotbeam.core.field.VectorSupport;

/**
 * Hashes cells, the leaves of a block tree: each is the rate-2 Poseidon2 sponge of a cell's bytes
 * (spec datapath §4.6, §5.2). Slot building spends nearly all its time here, so implementations
 * differ only in speed and must agree bit for bit.
 */
public interface CellHasher {
  /**
   * The hashes of {@code count} consecutive cells of {@code cellSize} bytes starting at {@code
   * data[offset]}.
   */
  Fr[] hashCells(byte[] data, int offset, int cellSize, int count);

  /** One cell at a time, on {@link io.slotbeam.core.field.FrMontgomery}; runs everywhere. */
  static CellHasher scalar() {
    return ScalarCellHasher.INSTANCE;
  }

  /** The fastest hasher this JVM and CPU offer ({@link VectorSupport}). */
  static CellHasher fastest() {
    return VectorSupport.fastLanes() ? LaneCellHasher.instance() : ScalarCellHasher.INSTANCE;
  }
}
