package io.slotbeam.core.hash;

import io.slotbeam.core.field.BytePacking;
import io.slotbeam.core.field.Fr;
import io.slotbeam.core.field.FrLanes;

/**
 * Hashes {@link FrLanes#LANES} cells side by side, one per SIMD lane: the same sponge and
 * permutation as {@link ScalarCellHasher}, run over {@link FrLanes}. Needs the Vector API module;
 * {@link CellHasher#fastest()} only picks it where it is present and fast.
 */
final class LaneCellHasher implements CellHasher {
  private static final class Holder {
    static final LaneCellHasher INSTANCE = new LaneCellHasher();
  }

  private final Poseidon2Sponge sponge = new Poseidon2Sponge(Poseidon2Permutation.lanes());

  private LaneCellHasher() {}

  static LaneCellHasher instance() {
    return Holder.INSTANCE;
  }

  @Override
  public Fr[] hashCells(byte[] data, int offset, int cellSize, int count) {
    Fr[] hashes = new Fr[count];
    long[] limbs = new long[4];
    int elements = BytePacking.elementCount(cellSize);
    for (int first = 0; first < count; first += FrLanes.LANES) {
      int used = Math.min(FrLanes.LANES, count - first);
      int groupOffset = offset + first * cellSize;
      long[] state =
          sponge.absorb(
              2,
              elements,
              (i, dest) -> {
                for (int lane = 0; lane < FrLanes.LANES; lane++) {
                  if (lane < used) {
                    BytePacking.loadCanonicalLimbs(
                        data, groupOffset + lane * cellSize, cellSize, i, limbs, 0);
                  } else {
                    java.util.Arrays.fill(limbs, 0L); // an idle lane hashes zeros
                  }
                  FrLanes.setLane(dest, 0, lane, limbs, 0);
                }
                FrLanes.toMontgomery(dest, 0);
              });
      FrLanes.store(state, 0, hashes, first, used);
    }
    return hashes;
  }
}
