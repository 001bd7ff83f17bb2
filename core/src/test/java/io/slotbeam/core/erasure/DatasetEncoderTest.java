package io.slotbeam.core.erasure;

import io.slotbeam.core.vectors.WorkedExampleFile;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotbeam.core.block.BlockRef;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.dataset.Upload;
import io.slotbeam.core.manifest.Manifest;
import io.slotbeam.core.manifest.StoredManifests;
import io.slotbeam.core.store.InMemoryBlockStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DatasetEncoderTest {
  private final InMemoryBlockStore store = new InMemoryBlockStore();
  private final ExecutorService workers = Executors.newFixedThreadPool(2);
  private final DatasetEncoder encoder = new DatasetEncoder(store, workers, LeopardEncoder.fastest());

  @AfterEach
  void stopWorkers() {
    workers.shutdownNow();
  }


  private Upload.Stored upload(byte[] data, int blockSize) throws IOException {
    return Upload.store(new ByteArrayInputStream(data), blockSize, Optional.empty(), Optional.empty(), store);
  }

  @Test
  void workedExampleGivesTheSpecProtectedTreeAndManifest() throws IOException {
    Upload.Stored plain = upload(WorkedExampleFile.bytes(), 65536);
    Upload.Stored protectedDataset = encoder.protect(plain.manifest(), 2, 1);
    Manifest manifest = protectedDataset.manifest();
    assertEquals("zDzSvJTf9c8aYWUkM2tk7FT1R1Z6kqjqMQCDXurLCZwXzHikMveJ", manifest.treeCid().toString());
    assertEquals("zDvZRwzm4Sdws42DEEr9wYVda57V5nStdeb5gEQWdXjfEjoGMqwj", protectedDataset.manifestCid().toString());
    assertEquals(393216, manifest.datasetSize());
    assertEquals(
        "zDxWB8ED5SmnCcCZTcWHUYKWFJ9a3nXGAsSKiSBRg7KXVdLnYshT",
        store.leaf(manifest.treeCid(), 4).orElseThrow().blockCid().toString());
    assertEquals(Cid.emptyBlock(), store.leaf(manifest.treeCid(), 3).orElseThrow().blockCid());
    assertEquals(
        store.leaf(manifest.treeCid(), 1).orElseThrow().blockCid(),
        store.leaf(manifest.treeCid(), 5).orElseThrow().blockCid(),
        "parity of block 1 and a padding block is block 1");
    assertEquals(manifest, StoredManifests.get(store, protectedDataset.manifestCid()));
  }

  @Test
  void groupsEncodedOneAtATimeInAnyOrderGiveTheSpecProtectedManifest() throws IOException {
    Manifest plain = upload(WorkedExampleFile.bytes(), 65536).manifest();
    ErasureParams params = new ErasureParams(2, 1, 65536);
    List<Cid> dataCids = store.blockCids(plain.treeCid());
    SteppedLayout layout = new SteppedLayout(dataCids.size(), 2, 1);
    List<List<Cid>> parity = new ArrayList<>(List.of(List.of(), List.of()));
    for (int group = layout.steps() - 1; group >= 0; group--) {
      List<BlockRef> data = DatasetEncoder.groupData(layout, dataCids, group);
      assertEquals(List.of(group, group + 2), data.stream().map(b -> (int) b.index()).toList());
      parity.set(group, encoder.encodeGroup(data, params));
    }
    assertTrue(DatasetEncoder.groupData(layout, dataCids, 1).get(1).isPadding(), "block 3 pads group 1");
    Upload.Stored stored = encoder.storeProtected(plain, params, dataCids, parity);
    assertEquals("zDvZRwzm4Sdws42DEEr9wYVda57V5nStdeb5gEQWdXjfEjoGMqwj", stored.manifestCid().toString());
    var error =
        assertThrows(
            IllegalArgumentException.class,
            () -> encoder.storeProtected(plain, params, dataCids, List.of(parity.get(0))));
    assertTrue(error.getMessage().contains("parity of 1 groups for a layout of 2"), error.getMessage());
  }

  @Test
  void parityOfEveryGroupIsTheLeopardParityOfItsSteppedBlocks() throws IOException {
    byte[] data = new byte[10 * 1024 - 100];
    new Random(1).nextBytes(data);
    Manifest manifest = encoder.protect(upload(data, 1024).manifest(), 4, 2).manifest();
    SteppedLayout layout = new SteppedLayout(10, 4, 2);
    for (int s = 0; s < layout.steps(); s++) {
      byte[][] groupData = new byte[4][];
      long[] indices = layout.dataIndices(s);
      for (int i = 0; i < 4; i++) {
        groupData[i] = store.get(manifest.treeCid(), (int) indices[i]).orElseThrow().data();
        if (layout.isPadding(indices[i])) {
          groupData[i] = new byte[1024];
        }
      }
      byte[][] parity = LeopardEncoder.scalar().encode(groupData, 2);
      for (int j = 0; j < 2; j++) {
        assertArrayEquals(
            parity[j], store.get(manifest.treeCid(), (int) layout.parityIndex(s, j)).orElseThrow().data());
      }
    }
  }

  @Test
  void protectingAgainStoresNothingNew() throws IOException {
    Manifest plain = upload(WorkedExampleFile.bytes(), 65536).manifest();
    Upload.Stored first = encoder.protect(plain, 2, 1);
    int stored = store.size();
    assertEquals(first, encoder.protect(plain, 2, 1));
    assertEquals(stored, store.size());
  }

  @Test
  void refusesParametersTheCodeOrTheDatasetCannotTake() throws IOException {
    Manifest plain = upload(WorkedExampleFile.bytes(), 65536).manifest();
    assertThrows(InvalidErasureParamsException.class, () -> encoder.protect(plain, 2, 3));
    var tooSmall = assertThrows(IllegalArgumentException.class, () -> encoder.protect(plain, 4, 1));
    assertTrue(tooSmall.getMessage().contains("too small for K = 4"), tooSmall.getMessage());
    Manifest odd = upload(new byte[100], 100).manifest();
    assertThrows(InvalidErasureParamsException.class, () -> encoder.protect(odd, 1, 1));
  }

  @Test
  void refusesToProtectAMissingBlock() throws IOException {
    Manifest plain = upload(WorkedExampleFile.bytes(), 65536).manifest();
    store.delete(store.leaf(plain.treeCid(), 0).orElseThrow().blockCid());
    var error = assertThrows(IllegalStateException.class, () -> encoder.protect(plain, 2, 1));
    assertTrue(error.getMessage().contains("block 0"), error.getMessage());
  }
}
