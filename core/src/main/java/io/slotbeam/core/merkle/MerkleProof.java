package io.slotbeam.core.merkle;

import java.util.List;

/**
 * An inclusion proof in a {@link KeyedMerkleTree}: leaf {@code index} of {@code leafCount}, and
 * its {@code path} of siblings from the bottom up (spec datapath §3.4). The path has exactly
 * {@link KeyedMerkleTree#depthFor(long) depthFor(leafCount)} entries.
 */
public record MerkleProof<H>(int index, long leafCount, List<H> path) {
  public MerkleProof {
    if (leafCount < 1 || index < 0 || index >= leafCount) {
      throw new IllegalArgumentException(
          "proof of leaf " + index + " is not in [0, " + leafCount + ")");
    }
    int depth = KeyedMerkleTree.depthFor(leafCount);
    if (path.size() != depth) {
      throw new IllegalArgumentException(
          "proof path has "
              + path.size()
              + " entries but a tree of "
              + leafCount
              + " leaves has depth "
              + depth);
    }
    path = List.copyOf(path);
  }

  /** The root that {@code leaf} leads to along this path (nim-codex {@code reconstructRoot}). */
  public H reconstructRoot(H leaf, KeyedCompressor<H> compressor) {
    H node = leaf;
    long j = index;
    long m = leafCount;
    boolean bottom = true;
    for (H sibling : path) {
      if ((j & 1) == 1) {
        node = compressor.compress(sibling, node, KeyedCompressor.key(bottom, false));
      } else if (j == m - 1) {
        node = compressor.compress(node, sibling, KeyedCompressor.key(bottom, true));
      } else {
        node = compressor.compress(node, sibling, KeyedCompressor.key(bottom, false));
      }
      bottom = false;
      j >>= 1;
      m = (m + 1) >> 1;
    }
    return node;
  }

  /** Whether {@code leaf} at this position leads to {@code root}. */
  public boolean verify(H leaf, H root, KeyedCompressor<H> compressor) {
    return reconstructRoot(leaf, compressor).equals(root);
  }
}
