package io.slotbeam.core.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * Computes the root of a {@link KeyedMerkleTree} from leaves given one at a time, in memory
 * logarithmic in the leaf count, so that hashing a file of any size stays bounded. Gives the same
 * root as {@link KeyedMerkleTree#build}.
 *
 * <p>Each complete pair is compressed as soon as its right node arrives; {@link #root()} then
 * closes the odd last nodes of each layer. Not thread-safe.
 */
public final class MerkleRootAccumulator<H> {
  private final KeyedCompressor<H> compressor;
  /** {@code pending.get(level)}: a left node waiting for its right sibling, or null. */
  private final List<H> pending = new ArrayList<>();

  private long leafCount;

  public MerkleRootAccumulator(KeyedCompressor<H> compressor) {
    this.compressor = compressor;
  }

  public void add(H leaf) {
    H node = leaf;
    int level = 0;
    while (level < pending.size() && pending.get(level) != null) {
      node = compressor.compress(pending.get(level), node, KeyedCompressor.key(level == 0, false));
      pending.set(level, null);
      level++;
    }
    if (level == pending.size()) {
      pending.add(node);
    } else {
      pending.set(level, node);
    }
    leafCount++;
  }

  public long leafCount() {
    return leafCount;
  }

  /** The root of the leaves added so far; refuses zero leaves as the tree does. */
  public H root() {
    if (leafCount == 0) {
      throw new IllegalArgumentException(
          "a Merkle tree needs at least one leaf, got 0 (nim-codex: 'Empty leaves')");
    }
    int depth = KeyedMerkleTree.depthFor(leafCount);
    H carry = null; // the last node of the current level, made by closing the levels below
    for (int level = 0; level < depth; level++) {
      H left = level < pending.size() ? pending.get(level) : null;
      boolean bottom = level == 0;
      if (left != null && carry != null) {
        carry = compressor.compress(left, carry, KeyedCompressor.key(bottom, false));
      } else if (left != null || carry != null) {
        H last = left != null ? left : carry;
        carry = compressor.compress(last, compressor.zero(), KeyedCompressor.key(bottom, true));
      }
    }
    return carry != null ? carry : pending.get(depth);
  }
}
