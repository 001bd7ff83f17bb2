package io.slotbeam.core.concurrent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/** Runs one task per index on the caller's executor and waits for all of them. */
public final class ParallelTasks {
  /** The work for one index. */
  @FunctionalInterface
  public interface Task {
    void run(int index) throws IOException;
  }

  private ParallelTasks() {}

  /**
   * Runs {@code task} for every index in {@code [0, count)} on {@code executor} and waits; the
   * first failure is rethrown as the task threw it.
   */
  public static void forEach(Executor executor, int count, Task task) throws IOException {
    List<CompletableFuture<Void>> tasks = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int index = i;
      tasks.add(CompletableFuture.runAsync(() -> runUnchecked(task, index), executor));
    }
    try {
      CompletableFuture.allOf(tasks.toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      throw cause instanceof RuntimeException runtime ? runtime : e;
    }
  }

  private static void runUnchecked(Task task, int index) {
    try {
      task.run(index);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
