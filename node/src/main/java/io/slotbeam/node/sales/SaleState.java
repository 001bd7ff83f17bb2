package io.slotbeam.node.sales;

import java.util.Optional;

/**
 * A state of a sale (spec node §7.4–§7.5). {@link #run} does the state's work and returns the next
 * state, or null when the sale ends here; the event hooks say where an event moves the sale (empty:
 * the event is ignored). A running state is interrupted when an event moves the sale on.
 */
interface SaleState {
  /** The REST {@code state} string: nim-codex's state class name, e.g. {@code SaleDownloading}. */
  String name();

  SaleState run(SalesAgent agent) throws Exception;

  default Optional<SaleState> onCancelled() {
    return Optional.empty();
  }

  default Optional<SaleState> onFailed() {
    return Optional.empty();
  }

  default Optional<SaleState> onSlotFilled() {
    return Optional.empty();
  }
}
