package io.slotbeam.core.erasure;

/** Fewer than K of the K + M shards of a group are present, so the group cannot be rebuilt. */
public final class TooFewShardsException extends IllegalArgumentException {
  public TooFewShardsException(String message) {
    super(message);
  }
}
