package io.slotbeam.pipelines;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotbeam.core.block.Block;
import io.slotbeam.core.store.FileBlockStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackgroundCommitsTest {
  @TempDir Path dir;
  private final ExecutorService disk = Executors.newFixedThreadPool(4);

  @AfterEach
  void stop() {
    disk.shutdownNow();
  }

  private static Block block(int seed) {
    byte[] data = new byte[1024];
    data[0] = (byte) seed;
    data[1] = (byte) (seed >> 8);
    return Block.of(data);
  }

  @Test
  void everyBatchHandedOverIsStoredOnceAllAreAwaited() throws IOException {
    FileBlockStore store = FileBlockStore.open(dir.resolve("repo"));
    List<Block> blocks = new ArrayList<>();
    try (BackgroundCommits commits = new BackgroundCommits(disk)) {
      for (int batchIndex = 0; batchIndex < 10; batchIndex++) { // more than may be in flight at once
        FileBlockStore.Batch batch = store.batch();
        for (int i = 0; i < 3; i++) {
          Block block = block(batchIndex * 3 + i);
          batch.add(block);
          blocks.add(block);
        }
        commits.commit(batch, "batch " + batchIndex);
      }
      commits.awaitAll();
    }
    for (Block block : blocks) {
      assertArrayEquals(block.data(), store.get(block.cid()).orElseThrow().data());
    }
  }

  @Test
  void aBatchThatCannotBeForcedFailsNamingItsBlocksAndStoresNothing() throws IOException {
    FileBlockStore store = FileBlockStore.open(dir.resolve("repo"));
    Block block = block(7);
    try (BackgroundCommits commits = new BackgroundCommits(command -> {
      throw new RejectedExecutionException("the disk is gone");
    })) {
      FileBlockStore.Batch batch = store.batch();
      batch.add(block);
      commits.commit(batch, "file a.bin, erasure groups 0..7");
      IOException failure = assertThrows(IOException.class, commits::awaitAll);
      assertTrue(failure.getMessage().startsWith("cannot store the blocks of file a.bin, erasure groups 0..7"),
          failure.getMessage());
      assertTrue(failure.getMessage().contains("the disk is gone"), failure.getMessage());
    }
    assertFalse(store.has(block.cid()));
  }

  @Test
  void afterAWorkerFailsItsEarlierBatchesAreSettledAndTheirFailuresKept() throws IOException {
    FileBlockStore store = FileBlockStore.open(dir.resolve("repo"));
    try (BackgroundCommits commits = new BackgroundCommits(command -> {
      throw new RejectedExecutionException("the disk is gone");
    })) {
      FileBlockStore.Batch batch = store.batch();
      batch.add(block(1));
      commits.commit(batch, "range 0");
      IOException workerFailure = new IOException("file a.bin is shorter than when matched");
      commits.awaitAllAfter(workerFailure);
      assertEquals(1, workerFailure.getSuppressed().length);
      assertTrue(workerFailure.getSuppressed()[0].getMessage().startsWith("cannot store the blocks of range 0"));
      commits.awaitAll(); // nothing left in flight
    }
  }
}
