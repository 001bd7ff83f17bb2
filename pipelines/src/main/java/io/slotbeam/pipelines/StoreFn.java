package io.slotbeam.pipelines;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import io.slotbeam.core.store.FileBlockStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;

/**
 * A step that works on the block repository: each worker attaches to the shared {@link
 * FileBlockStore} (writes are atomic and idempotent, so workers and re-runs never conflict), and
 * failures are counted and rethrown naming where they happened. A worker that writes many blocks
 * commits them in {@link FileBlockStore.Batch}es on {@link #disk}.
 */
abstract class StoreFn<I, O> extends DoFn<I, O> {
  /**
   * Threads that force a batch's files to disk at once: they wait for the disk, not the CPU, and
   * the disk serves concurrent forces with shared flushes. Started only when a batch is committed.
   */
  private static final int DISK_THREADS = 16;

  private final String repo;
  private final Counter failures = EncodeMetrics.counter(EncodeMetrics.FAILURES);
  protected transient FileBlockStore store;
  protected transient ExecutorService disk;

  StoreFn(String repo) {
    this.repo = repo;
  }

  @Setup
  public final void setUp() throws IOException {
    disk =
        Executors.newFixedThreadPool(
            DISK_THREADS, new ThreadFactoryBuilder().setNameFormat("slotbeam-disk-%d").setDaemon(true).build());
    store = FileBlockStore.attach(Path.of(repo));
    prepare();
  }

  /** Called once per worker instance, after the store is attached. */
  protected void prepare() {}

  @Teardown
  public final void tearDown() {
    disk.shutdownNow();
    release();
  }

  /** Called when the worker instance is discarded: stops what {@link #prepare} started. */
  protected void release() {}

  /** Counts a failure and wraps it with {@code where} (e.g. "file a.bin, block 3"). */
  protected final EncodeFailedException failure(String where, Exception cause) {
    failures.inc();
    return new EncodeFailedException(where, cause);
  }
}
