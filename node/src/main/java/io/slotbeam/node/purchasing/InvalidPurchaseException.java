package io.slotbeam.node.purchasing;

/**
 * A storage request that nim-codex refuses with 422 (spec node §2.5); the message is nim-codex's
 * text for the rule, which clients and tests match.
 */
public final class InvalidPurchaseException extends IllegalArgumentException {
  public InvalidPurchaseException(String message) {
    super(message);
  }
}
