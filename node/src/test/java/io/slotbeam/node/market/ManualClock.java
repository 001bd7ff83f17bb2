package io.slotbeam.node.market;

import java.util.ArrayList;
import java.util.List;

/**
 * Test support: a {@link MarketClock} that moves only when told, waking every waiter. It knows
 * what its waiters wait for, so a test can move it only once a thread has chosen its wake-up time
 * (a thread that reads the time after the move would wait for a later period instead).
 */
public final class ManualClock implements MarketClock {
  private static final long WAITERS_TIMEOUT_MILLIS = 60_000;
  private long now;
  /** The time each waiting thread waits for, one entry per waiter. */
  private final List<Long> waits = new ArrayList<>();

  public ManualClock(long start) {
    this.now = start;
  }

  @Override
  public synchronized long now() {
    return now;
  }

  @Override
  public synchronized void waitUntil(long time) throws InterruptedException {
    Long entry = time;
    waits.add(entry);
    notifyAll();
    try {
      while (now < time) {
        wait();
      }
    } finally {
      waits.remove(entry);
    }
  }

  /**
   * Blocks until at least {@code count} threads wait for a time no later than {@code notAfter}.
   *
   * @throws IllegalStateException if that does not happen within 60 s
   */
  public synchronized void awaitWaiters(int count, long notAfter) throws InterruptedException {
    long deadline = System.currentTimeMillis() + WAITERS_TIMEOUT_MILLIS;
    while (waits.stream().filter(time -> time <= notAfter).count() < count) {
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) {
        throw new IllegalStateException(count + " waiters until " + notAfter + " expected, found waits " + waits);
      }
      wait(left);
    }
  }

  public synchronized void set(long time) {
    now = time;
    notifyAll();
  }

  public synchronized void advance(long seconds) {
    set(now + seconds);
  }
}
