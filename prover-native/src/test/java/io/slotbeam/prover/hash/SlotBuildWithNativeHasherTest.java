package io.slotbeam.prover.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotbeam.core.dataset.Upload;
import io.slotbeam.core.erasure.DatasetEncoder;
import io.slotbeam.core.erasure.LeopardEncoder;
import io.slotbeam.core.hash.BlockHasher;
import io.slotbeam.core.manifest.Manifest;
import io.slotbeam.core.slots.DatasetSlots;
import io.slotbeam.core.store.InMemoryBlockStore;
import io.slotbeam.core.vectors.WorkedExampleFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Slot building gives the same verifiable manifest with the native and the Java hasher. */
class SlotBuildWithNativeHasherTest {
  private final InMemoryBlockStore store = new InMemoryBlockStore();
  private final ExecutorService workers = Executors.newFixedThreadPool(2);

  @AfterEach
  void stopWorkers() {
    workers.shutdownNow();
  }

  @Test
  void workedExampleGivesIdenticalManifestsWithBothHashers() throws IOException {
    Manifest plain =
        Upload.store(new ByteArrayInputStream(WorkedExampleFile.bytes()), 65536,
                Optional.empty(), Optional.empty(), store)
            .manifest();
    Manifest protectedManifest =
        new DatasetEncoder(store, workers, LeopardEncoder.fastest()).protect(plain, 2, 1).manifest();

    DatasetSlots.Built withJava =
        new DatasetSlots(store, workers, BlockHasher.java()).build(protectedManifest, 2048);
    DatasetSlots.Built withNative =
        new DatasetSlots(store, workers, BlockHashers.named("native")).build(protectedManifest, 2048);

    assertEquals(withJava.verifiable().manifest(), withNative.verifiable().manifest());
    assertEquals(withJava.verifiable().manifestCid(), withNative.verifiable().manifestCid());
    assertEquals(withJava.slotRoots(), withNative.slotRoots());
  }
}
