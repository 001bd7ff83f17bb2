package io.slotbeam.core.block;

import io.slotbeam.core.cid.Cid;

/**
 * Where a block sits in a dataset, and its CID: what parallel workers pass around instead of the
 * block's bytes, which stay in the store.
 *
 * @param index the block's index in its dataset (spec datapath §2.3)
 * @param cid the block's CID; the empty CID (spec §1.4) for a padding block
 */
public record BlockRef(long index, Cid cid) {
  public BlockRef {
    if (index < 0) {
      throw new IllegalArgumentException("block index " + index + " must not be negative");
    }
  }

  /** Whether this is a padding block, zeros for the code and never stored. */
  public boolean isPadding() {
    return cid.equals(Cid.emptyBlock());
  }
}
