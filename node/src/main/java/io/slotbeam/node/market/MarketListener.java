package io.slotbeam.node.market;

/**
 * The marketplace's events (spec node §5.4), delivered in chain order on one thread per
 * subscription. Every method does nothing by default, so a listener overrides what it needs.
 */
public interface MarketListener {
  /** {@code StorageRequested}; {@code expiresAt} is absolute (seconds since the epoch). */
  default void storageRequested(RequestId id, Ask ask, long expiresAt) {}

  default void requestFulfilled(RequestId id) {}

  default void requestCancelled(RequestId id) {}

  default void requestFailed(RequestId id) {}

  default void slotFilled(RequestId id, long slotIndex) {}

  default void slotFreed(RequestId id, long slotIndex) {}

  default void slotReservationsFull(RequestId id, long slotIndex) {}

  default void proofSubmitted(SlotId id) {}
}
