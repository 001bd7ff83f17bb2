package io.slotbeam.core.erasure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.slotbeam.core.block.Block;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.dataset.Upload;
import io.slotbeam.core.store.BlockStore;
import io.slotbeam.core.store.FileBlockStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run that dies midway and is run again ends exactly as an uninterrupted run. */
class CrashedRunTest {
  @TempDir Path dir;

  private final ExecutorService workers = Executors.newFixedThreadPool(2);
  private final byte[] data = new byte[40 * 1024 + 5];

  @AfterEach
  void stopWorkers() {
    workers.shutdownNow();
  }

  /** A store that dies (as a killed process would) after a number of writes. */
  private static final class DyingStore implements BlockStore {
    private final BlockStore inner;
    private final AtomicInteger writesLeft;

    DyingStore(BlockStore inner, int writes) {
      this.inner = inner;
      this.writesLeft = new AtomicInteger(writes);
    }

    private void write() {
      if (writesLeft.getAndDecrement() <= 0) {
        throw new IllegalStateException("killed");
      }
    }

    @Override
    public void put(Block block) throws IOException {
      write();
      inner.put(block);
    }

    @Override
    public Optional<Block> get(Cid cid) throws IOException {
      return inner.get(cid);
    }

    @Override
    public boolean has(Cid cid) throws IOException {
      return inner.has(cid);
    }

    @Override
    public void delete(Cid cid) throws IOException {
      inner.delete(cid);
    }

    @Override
    public void putMetadata(Cid key, byte[] bytes) throws IOException {
      write();
      inner.putMetadata(key, bytes);
    }

    @Override
    public Optional<byte[]> metadata(Cid key) throws IOException {
      return inner.metadata(key);
    }
  }

  private Upload.Stored encode(BlockStore store) throws IOException {
    Upload.Stored plain =
        Upload.store(new ByteArrayInputStream(data), 1024, Optional.empty(), Optional.empty(), store);
    return new DatasetEncoder(store, workers, LeopardEncoder.fastest()).protect(plain.manifest(), 4, 2);
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      return paths.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    }
  }

  @Test
  void reRunningAfterACrashAtAnyPointGivesTheSameRepository() throws IOException {
    new Random(8).nextBytes(data);
    Path reference = dir.resolve("reference");
    Upload.Stored expected = encode(FileBlockStore.open(reference));
    for (int writes : new int[] {0, 7, 41, 55, 60}) {
      Path repo = dir.resolve("crashed-" + writes);
      BlockStore dying = new DyingStore(FileBlockStore.open(repo), writes);
      assertThrows(IllegalStateException.class, () -> encode(dying), "dies after " + writes);
      assertEquals(expected, encode(FileBlockStore.open(repo)), "re-run after " + writes + " writes");
      assertEquals(files(reference), files(repo));
      assertFalse(files(repo).stream().anyMatch(p -> p.startsWith("tmp")), "no temporary files");
    }
  }
}
