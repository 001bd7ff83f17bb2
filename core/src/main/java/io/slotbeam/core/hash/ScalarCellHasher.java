package io.slotbeam.core.hash;

import io.slotbeam.core.field.Fr;

/** Hashes one cell after another with {@link Poseidon2Sponge#hashBytes(byte[], int, int)}. */
final class ScalarCellHasher implements CellHasher {
  static final ScalarCellHasher INSTANCE = new ScalarCellHasher();

  private ScalarCellHasher() {}

  @Override
  public Fr[] hashCells(byte[] data, int offset, int cellSize, int count) {
    Fr[] hashes = new Fr[count];
    for (int i = 0; i < count; i++) {
      hashes[i] = Poseidon2Sponge.hashBytes(data, offset + i * cellSize, cellSize);
    }
    return hashes;
  }
}
