package io.slotbeam.node.sales;

/** Why a host did not sell a slot; the REST name is the constant's, lower-case with dashes. */
public enum SkipReason {
  /** No enabled availability has the space, duration, price, collateral and end the slot needs. */
  NO_MATCHING_AVAILABILITY,
  /** The repository's quota cannot hold the slot's data. */
  QUOTA,
  /** The queue was full: every worker busy and the queue at its size; the worst item was dropped. */
  NO_WORKER_FREE,
  /** The dataset is larger than the proving circuit in use takes. */
  CIRCUIT_LIMITS,
  /** The marketplace refused a call or could not be reached. */
  CHAIN_ERROR,
  /** The slot was no longer free, or another host was faster. */
  SLOT_TAKEN,
  /** Something else went wrong; the detail says what. */
  ERROR;

  public String restName() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
