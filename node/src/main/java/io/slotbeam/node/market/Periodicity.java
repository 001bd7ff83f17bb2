package io.slotbeam.node.market;

/** Proof periods of {@code seconds} each, counted from the epoch (spec node §5.5). */
public record Periodicity(long seconds) {
  public Periodicity {
    if (seconds <= 0) {
      throw new IllegalArgumentException("period length " + seconds + " s is not positive");
    }
  }

  /** The period holding time {@code t} (seconds since the epoch). */
  public long periodOf(long t) {
    return Math.floorDiv(t, seconds);
  }

  public long periodStart(long period) {
    return period * seconds;
  }

  /** The first second after {@code period}, which is the next period's start. */
  public long periodEnd(long period) {
    return periodStart(period + 1);
  }
}
