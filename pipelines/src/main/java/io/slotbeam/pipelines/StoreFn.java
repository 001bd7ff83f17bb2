package io.slotbeam.pipelines;

import io.slotbeam.core.store.FileBlockStore;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;

/**
 * A step that works on the block repository: each worker attaches to the shared {@link
 * FileBlockStore} (writes are atomic and idempotent, so workers and re-runs never conflict), and
 * failures are counted and rethrown naming where they happened.
 */
abstract class StoreFn<I, O> extends DoFn<I, O> {
  private final String repo;
  private final Counter failures = EncodeMetrics.counter(EncodeMetrics.FAILURES);
  protected transient FileBlockStore store;

  StoreFn(String repo) {
    this.repo = repo;
  }

  @Setup
  public final void setUp() throws IOException {
    store = FileBlockStore.attach(Path.of(repo));
    prepare();
  }

  /** Called once per worker instance, after the store is attached. */
  protected void prepare() {}

  /** Counts a failure and wraps it with {@code where} (e.g. "file a.bin, block 3"). */
  protected final EncodeFailedException failure(String where, Exception cause) {
    failures.inc();
    return new EncodeFailedException(where, cause);
  }
}
