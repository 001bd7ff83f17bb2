package io.slotbeam.pipelines;

import io.slotbeam.core.hash.BlockHasher;

/**
 * Where every pipeline takes its block hasher: switching slot building to another implementation
 * (e.g. a native one) is a change of this one line.
 */
final class BlockHashers {
  private BlockHashers() {}

  static BlockHasher create() {
    return BlockHasher.java();
  }
}
