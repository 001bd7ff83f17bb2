package io.slotbeam.node.market;

/** {@code RequestState} in the contract's order, so {@link #ordinal()} is the ABI value (§5.1). */
public enum RequestState {
  NEW, STARTED, CANCELLED, FINISHED, FAILED;

  public static RequestState of(int abiValue) {
    if (abiValue < 0 || abiValue >= values().length) {
      throw new IllegalArgumentException("request state " + abiValue + " is not in [0, 4]");
    }
    return values()[abiValue];
  }
}
