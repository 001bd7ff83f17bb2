package io.slotbeam.node.repo;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Expiry garbage collection (nim-codex's {@code BlockMaintainer}, spec node §3.6): every {@code
 * --block-mi} it deletes up to {@code --block-mn} expired blocks, earliest expiry first, in one
 * batch. Where nim-codex pages through all blocks with an offset, the repository's expiry index
 * hands out the expired ones directly.
 */
public final class Maintenance implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Maintenance.class.getName());

  private final ScheduledExecutorService timer;

  private Maintenance(ScheduledExecutorService timer) {
    this.timer = timer;
  }

  public static Maintenance start(RocksBlockStore store, Duration interval, int batch) {
    if (interval.isZero() || interval.isNegative() || batch <= 0) {
      throw new IllegalArgumentException(
          "maintenance interval " + interval + " and batch " + batch + " must be positive");
    }
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "slotbeam-maintenance");
              thread.setDaemon(true);
              return thread;
            });
    timer.scheduleWithFixedDelay(
        () -> {
          try {
            int deleted = store.deleteExpired(batch);
            if (deleted > 0) {
              LOG.log(Level.INFO, "maintenance deleted " + deleted + " expired blocks");
            }
          } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "maintenance failed: " + e.getMessage(), e);
          }
        },
        interval.toMillis(),
        interval.toMillis(),
        TimeUnit.MILLISECONDS);
    return new Maintenance(timer);
  }

  /** Stops the timer and waits for a running pass, so the repository can be closed after it. */
  @Override
  public void close() {
    timer.shutdown();
    try {
      timer.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
