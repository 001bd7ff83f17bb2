package io.slotbeam.core.erasure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.dataset.Upload;
import io.slotbeam.core.indexing.StrategyType;
import io.slotbeam.core.manifest.ErasureInfo;
import io.slotbeam.core.manifest.Manifest;
import io.slotbeam.core.store.InMemoryBlockStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DatasetRepairerTest {
  private static final int BLOCK = 1024;

  private final InMemoryBlockStore store = new InMemoryBlockStore();
  private final ExecutorService workers = Executors.newFixedThreadPool(2);
  private final DatasetRepairer repairer = new DatasetRepairer(store, workers, LeopardDecoder.fastest());
  private final byte[] data = new byte[23 * BLOCK - 7];
  private Manifest manifest;
  private SteppedLayout layout;

  @AfterEach
  void stopWorkers() {
    workers.shutdownNow();
  }

  private void protect(int k, int m) throws IOException {
    new Random(k * 100 + m).nextBytes(data);
    Manifest plain =
        Upload.store(new ByteArrayInputStream(data), BLOCK, Optional.empty(), Optional.empty(), store).manifest();
    manifest = new DatasetEncoder(store, workers, LeopardEncoder.fastest()).protect(plain, k, m).manifest();
    layout = new SteppedLayout(23, k, m);
  }

  private Cid cidAt(long index) throws IOException {
    return store.leaf(manifest.treeCid(), (int) index).orElseThrow().blockCid();
  }

  private void assertOriginalDataIsBack() throws IOException {
    Cid original = manifest.erasure().orElseThrow().originalTreeCid();
    for (int i = 0; i < 23; i++) {
      byte[] block = store.get(original, i).orElseThrow().data();
      int length = Math.min(BLOCK, data.length - i * BLOCK);
      assertArrayEquals(
          java.util.Arrays.copyOfRange(data, i * BLOCK, i * BLOCK + length),
          java.util.Arrays.copyOf(block, length),
          "block " + i);
    }
  }

  @Test
  void restoresUpToMRandomBlocksPerGroup() throws IOException {
    protect(4, 3);
    Random random = new Random(9);
    List<Long> deleted = new ArrayList<>();
    for (int s = 0; s < layout.steps(); s++) {
      List<Long> group = new ArrayList<>();
      for (long index : layout.groupIndices(s)) {
        if (!layout.isPadding(index)) {
          group.add(index);
        }
      }
      Collections.shuffle(group, random);
      for (long index : group.subList(0, random.nextInt(4))) {
        store.delete(cidAt(index));
        deleted.add(index);
      }
    }
    Collections.sort(deleted);
    DatasetRepairer.Report report = repairer.repair(manifest);
    assertTrue(report.complete());
    assertEquals(deleted, report.restored());
    for (long index = 0; index < layout.total(); index++) {
      assertTrue(store.has(cidAt(index)), "block " + index);
    }
    assertOriginalDataIsBack();
  }

  @Test
  void replacesACorruptedBlock() throws IOException {
    protect(4, 2);
    Cid victim = cidAt(5);
    store.corrupt(victim);
    DatasetRepairer.Report report = repairer.repair(manifest);
    assertEquals(List.of(5L), report.restored());
    assertOriginalDataIsBack();
  }

  @Test
  void reportsGroupsThatLostMoreThanM() throws IOException {
    protect(4, 1);
    long[] group = layout.groupIndices(2);
    store.delete(cidAt(group[0]));
    store.delete(cidAt(group[1]));
    store.delete(cidAt(layout.groupIndices(0)[0]));
    DatasetRepairer.Report report = repairer.repair(manifest);
    assertFalse(report.complete());
    assertEquals(List.of(2), report.unrecoverableGroups());
    assertEquals(List.of(layout.groupIndices(0)[0]), report.restored());
  }

  @Test
  void intactDatasetNeedsNothing() throws IOException {
    protect(2, 1);
    DatasetRepairer.Report report = repairer.repair(manifest);
    assertTrue(report.complete());
    assertEquals(List.of(), report.restored());
  }

  @Test
  void refusesALinearErasureLayout() throws IOException {
    protect(2, 1);
    ErasureInfo erasure = manifest.erasure().orElseThrow();
    Manifest linear =
        new Manifest(
            manifest.treeCid(),
            manifest.datasetSize(),
            manifest.blockSize(),
            manifest.codec(),
            manifest.hcodec(),
            manifest.filename(),
            manifest.mimetype(),
            Optional.of(
                new ErasureInfo(
                    erasure.ecK(),
                    erasure.ecM(),
                    erasure.originalTreeCid(),
                    erasure.originalDatasetSize(),
                    StrategyType.LINEAR,
                    Optional.empty())));
    var error = assertThrows(IllegalArgumentException.class, () -> repairer.repair(linear));
    assertTrue(error.getMessage().contains("only Stepped is supported"), error.getMessage());
  }
}
