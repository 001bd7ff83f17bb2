package io.slotbeam.node.market;

/** {@code reserveSlot} refused: the slot is full of reservations or already reserved by us (§6). */
public final class SlotReservationNotAllowedException extends MarketException {
  public SlotReservationNotAllowedException(String message) {
    super(message);
  }
}
