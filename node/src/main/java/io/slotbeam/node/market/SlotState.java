package io.slotbeam.node.market;

/** {@code SlotState} in the contract's order, so {@link #ordinal()} is the ABI value (§5.1). */
public enum SlotState {
  FREE, FILLED, FINISHED, FAILED, PAID, CANCELLED, REPAIR;

  public static SlotState of(int abiValue) {
    if (abiValue < 0 || abiValue >= values().length) {
      throw new IllegalArgumentException("slot state " + abiValue + " is not in [0, 6]");
    }
    return values()[abiValue];
  }
}
