package io.slotbeam.core.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * A keyed 2-to-1 hash, the one operation a Codex Merkle tree needs (spec datapath §3.1, §4.7).
 *
 * <p>The key has two bits: bit 0 says the two inputs are leaves (the bottom layer), bit 1 says
 * the node is the odd last one of its layer and {@code right} is {@link #zero()}. Implementations
 * are stateless or thread-safe.
 */
public interface KeyedCompressor<H> {
  int KEY_INNER = 0;
  int KEY_BOTTOM = 1;
  int KEY_ODD = 2;

  H compress(H left, H right, int key);

  /**
   * {@code compress(lefts[i], rights[i], key)} for every i, in order. Trees call this once per
   * layer so that an implementation can hash the pairs side by side.
   */
  default List<H> compressAll(List<H> lefts, List<H> rights, int key) {
    if (lefts.size() != rights.size()) {
      throw new IllegalArgumentException(
          lefts.size() + " left nodes but " + rights.size() + " right nodes");
    }
    List<H> out = new ArrayList<>(lefts.size());
    for (int i = 0; i < lefts.size(); i++) {
      out.add(compress(lefts.get(i), rights.get(i), key));
    }
    return out;
  }

  /** The value that stands in for the missing right child of an odd node. */
  H zero();

  /** The key for a node of the given layer kind (spec §3.1 table). */
  static int key(boolean bottom, boolean odd) {
    return (bottom ? KEY_BOTTOM : 0) | (odd ? KEY_ODD : 0);
  }
}
