package io.slotbeam.node.market;

/** {@code fillSlot} on a slot that is not free, or {@code freeSlot} on a free one (spec node §6). */
public final class SlotStateMismatchException extends MarketException {
  public SlotStateMismatchException(String message) {
    super(message);
  }
}
