package io.slotbeam.node.market;

/**
 * A marketplace call failed: the chain refused it or could not be reached. The message names the
 * call and, for a revert, the contract's error (spec node §6 {@code MarketError}).
 */
public class MarketException extends RuntimeException {
  public MarketException(String message) {
    super(message);
  }

  public MarketException(String message, Throwable cause) {
    super(message, cause);
  }
}
