package io.slotbeam.core.erasure;

import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.store.BlockStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Store reads shared by erasure encoding and repair. */
final class DatasetTrees {
  private DatasetTrees() {}

  /** The bytes of block {@code index}, which must be stored and intact. */
  static byte[] read(BlockStore store, Cid cid, long index) throws IOException {
    return store
        .get(cid)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "block " + index + " (" + cid + ") is missing from the store; run repair"))
        .data();
  }

  /** Waits for every task and rethrows the first failure as it was thrown. */
  static void await(List<CompletableFuture<Void>> tasks) throws IOException {
    try {
      CompletableFuture.allOf(tasks.toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw e;
    }
  }
}
