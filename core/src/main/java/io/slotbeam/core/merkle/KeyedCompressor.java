package io.slotbeam.core.merkle;

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

  /** The value that stands in for the missing right child of an odd node. */
  H zero();

  /** The key for a node of the given layer kind (spec §3.1 table). */
  static int key(boolean bottom, boolean odd) {
    return (bottom ? KEY_BOTTOM : 0) | (odd ? KEY_ODD : 0);
  }
}
