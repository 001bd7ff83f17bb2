package io.slotbeam.tools;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A pool of one worker per core for a command's parallel work, shut down when it is done. */
final class Workers {
  /** Work that uses the pool. */
  interface Job<T> {
    T run(ExecutorService workers) throws IOException;
  }

  private Workers() {}

  static <T> T run(Job<T> job) throws IOException {
    ExecutorService workers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    try {
      return job.run(workers);
    } finally {
      workers.shutdownNow();
    }
  }
}
