package io.slotbeam.node.market;

/** Test support: a {@link MarketClock} that moves only when told, waking every waiter. */
public final class ManualClock implements MarketClock {
  private long now;

  public ManualClock(long start) {
    this.now = start;
  }

  @Override
  public synchronized long now() {
    return now;
  }

  @Override
  public synchronized void waitUntil(long time) throws InterruptedException {
    while (now < time) {
      wait();
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
