package io.slotbeam.core.hash;

import io.slotbeam.core.field.Fr;
import io.slotbeam.core.field.FrLanes;
import java.util.Arrays;
import java.util.List;

/**
 * Keyed Poseidon2 compression of many pairs side by side, one pair per SIMD lane: what {@link
 * Poseidon2Compressor#compressAll} does for a tree layer where the lanes are fast.
 */
final class LaneCompressor {
  private LaneCompressor() {}

  static List<Fr> compressAll(List<Fr> lefts, List<Fr> rights, int key) {
    Poseidon2Permutation permutation = Poseidon2Permutation.lanes();
    int n = FrLanes.ELEMENT_LONGS;
    Fr[] left = lefts.toArray(Fr[]::new);
    Fr[] right = rights.toArray(Fr[]::new);
    Fr[] keys = new Fr[FrLanes.LANES];
    Arrays.fill(keys, Fr.of(key));
    Fr[] out = new Fr[left.length];
    long[] state = new long[permutation.stateLongs()];
    for (int first = 0; first < left.length; first += FrLanes.LANES) {
      int used = Math.min(FrLanes.LANES, left.length - first);
      FrLanes.load(state, 0, left, first, used);
      FrLanes.load(state, n, right, first, used);
      FrLanes.load(state, 2 * n, keys, 0, FrLanes.LANES);
      permutation.permute(state);
      FrLanes.store(state, 0, out, first, used);
    }
    return Arrays.asList(out);
  }
}
