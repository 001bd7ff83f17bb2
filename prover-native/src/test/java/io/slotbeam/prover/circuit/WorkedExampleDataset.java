package io.slotbeam.prover.circuit;

import io.slotbeam.core.dataset.Upload;
import io.slotbeam.core.erasure.DatasetEncoder;
import io.slotbeam.core.erasure.LeopardEncoder;
import io.slotbeam.core.manifest.Manifest;
import io.slotbeam.core.store.BlockStore;
import io.slotbeam.core.vectors.WorkedExampleFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Test support: the spec's worked example file (datapath §8) stored in 64 KiB blocks and
 * erasure-coded with K = 2, M = 1, as Codex's default request does: three slots.
 */
public final class WorkedExampleDataset {
  private WorkedExampleDataset() {}

  /** Stores and protects the worked example in {@code store}; returns the protected manifest. */
  public static Manifest protectedIn(BlockStore store, Executor workers) throws IOException {
    Manifest plain =
        Upload.store(new ByteArrayInputStream(WorkedExampleFile.bytes()), 65536,
                Optional.empty(), Optional.empty(), store)
            .manifest();
    return new DatasetEncoder(store, workers, LeopardEncoder.fastest()).protect(plain, 2, 1).manifest();
  }
}
