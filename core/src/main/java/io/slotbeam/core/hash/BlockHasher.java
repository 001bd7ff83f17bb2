package io.slotbeam.core.hash;

import io.slotbeam.core.field.Fr;

/**
 * Computes block roots, the {@link SpongeMerkle} digest of a block's cells (spec datapath §5.2).
 * Slot building calls it once per block, so an implementation in another language pays its call
 * overhead once per 64 KiB. Every implementation must agree bit for bit with {@link
 * #of(CellHasher)}, the pure-Java reference.
 */
public interface BlockHasher {
  /** The digest of {@code data[offset, offset + length)} cut into cells of {@code cellSize} bytes. */
  Fr root(byte[] data, int offset, int length, int cellSize);

  /** The Java block hasher: cells hashed by {@code cells}, their tree walked in Java. */
  static BlockHasher of(CellHasher cells) {
    return (data, offset, length, cellSize) ->
        SpongeMerkle.digest(data, offset, length, cellSize, cells);
  }

  /** The fastest pure-Java block hasher on this JVM and CPU. */
  static BlockHasher java() {
    return of(CellHasher.fastest());
  }
}
