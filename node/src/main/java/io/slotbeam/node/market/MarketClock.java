package io.slotbeam.node.market;

/**
 * Time as the marketplace sees it, in seconds since the epoch: the latest block's timestamp on a
 * chain (nim-codex {@code OnChainClock}, spec node §6), the wall clock elsewhere.
 */
public interface MarketClock {
  long now();

  /** Returns once {@link #now()} has reached {@code time}. */
  void waitUntil(long time) throws InterruptedException;
}
