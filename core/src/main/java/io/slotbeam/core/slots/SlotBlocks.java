package io.slotbeam.core.slots;

import java.io.IOException;

/**
 * The blocks of one slot, in order, from any source: a protected dataset in a store, or the
 * generated slots of the upstream circuit fixture. Must be safe to call from several threads.
 */
@FunctionalInterface
public interface SlotBlocks {
  /**
   * The bytes of block {@code position} of the slot: {@code blockSize} bytes, or none for an empty
   * (padding) block, whose root is the zero block's.
   */
  byte[] block(long position) throws IOException;
}
