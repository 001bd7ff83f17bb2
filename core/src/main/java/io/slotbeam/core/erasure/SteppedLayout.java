package io.slotbeam.core.erasure;

import io.slotbeam.core.indexing.IndexingStrategy;

/**
 * Where the blocks of a protected dataset go (spec datapath §6.2–§6.3): view its {@link #total()}
 * indices as a matrix of {@code K + M} rows by {@link #steps()} columns, row-major. Rows {@code
 * 0..K-1} hold the original blocks in order, zero-padded at the end of row {@code K-1}; rows {@code
 * K..K+M-1} hold parity; column {@code s} is erasure group {@code s}, and any K of its cells
 * recover it.
 *
 * <p>Example: B = 10, K = 4, M = 2 gives 3 steps and 18 blocks; group 0 is data 0, 3, 6, 9 and
 * parity 12, 15; blocks 10 and 11 are padding.
 *
 * @param originalBlocks B, the blocks of the plain dataset
 * @param k data blocks per group
 * @param m parity blocks per group
 */
public record SteppedLayout(long originalBlocks, int k, int m) {
  public SteppedLayout {
    if (k < 1 || m < 0) {
      throw new IllegalArgumentException("erasure needs K >= 1 and M >= 0, got K = " + k + ", M = " + m);
    }
    if (originalBlocks < k) {
      throw new IllegalArgumentException(
          "dataset of " + originalBlocks + " blocks is too small for K = " + k
              + ": erasure coding needs at least K blocks");
    }
  }

  /** Data blocks including padding: B rounded up to a multiple of K. */
  public long rounded() {
    return Math.floorDiv(originalBlocks + k - 1, k) * k;
  }

  /** Number of erasure groups, the columns of the layout. */
  public int steps() {
    return Math.toIntExact(rounded() / k);
  }

  /** Blocks of the protected dataset: data, padding and parity. */
  public long total() {
    return rounded() + (long) steps() * m;
  }

  /** The K data indices of group {@code s}, in Leopard input order (Stepped strategy). */
  public long[] dataIndices(int s) {
    return IndexingStrategy.stepped(0, rounded() - 1, steps()).indices(s);
  }

  /** The index of parity {@code j} of group {@code s}. */
  public long parityIndex(int s, int j) {
    if (j < 0 || j >= m) {
      throw new IndexOutOfBoundsException("parity " + j + " not in [0, " + m + ")");
    }
    return rounded() + s + (long) j * steps();
  }

  /** The K + M indices of group {@code s}: data then parity, as decoding visits them. */
  public long[] groupIndices(int s) {
    return IndexingStrategy.stepped(0, total() - 1, steps()).indices(s);
  }

  /** Whether {@code index} is padding: zero data for the code, the empty CID in the tree. */
  public boolean isPadding(long index) {
    return index >= originalBlocks && index < rounded();
  }
}
