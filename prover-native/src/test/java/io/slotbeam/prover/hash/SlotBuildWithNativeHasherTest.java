package io.slotbeam.prover.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotbeam.core.hash.BlockHasher;
import io.slotbeam.core.manifest.Manifest;
import io.slotbeam.core.slots.DatasetSlots;
import io.slotbeam.core.store.InMemoryBlockStore;
import io.slotbeam.prover.circuit.WorkedExampleDataset;
import java.io.IOException;
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
    Manifest protectedManifest = WorkedExampleDataset.protectedIn(store, workers);

    DatasetSlots.Built withJava =
        new DatasetSlots(store, workers, BlockHasher.java()).build(protectedManifest, 2048);
    DatasetSlots.Built withNative =
        new DatasetSlots(store, workers, BlockHashers.named("native")).build(protectedManifest, 2048);

    assertEquals(withJava.verifiable().manifest(), withNative.verifiable().manifest());
    assertEquals(withJava.verifiable().manifestCid(), withNative.verifiable().manifestCid());
    assertEquals(withJava.slotRoots(), withNative.slotRoots());
  }
}
