package io.slotbeam.core.dataset;

import io.slotbeam.core.vectors.WorkedExampleFile;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.slotbeam.core.block.EmptyDatasetException;
import io.slotbeam.core.manifest.Manifest;
import io.slotbeam.core.manifest.StoredManifests;
import io.slotbeam.core.store.InMemoryBlockStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UploadTest {
  private final InMemoryBlockStore store = new InMemoryBlockStore();


  @Test
  void workedExampleGivesTheSpecBlocksTreeAndManifest() throws IOException {
    Upload.Stored stored =
        Upload.store(new ByteArrayInputStream(WorkedExampleFile.bytes()), 65536, Optional.empty(), Optional.empty(), store);
    assertEquals("zDzSvJTf5E1aE445jwefxoK8bjAnsiyoQp4FA6tL5KEepLEybu9b", stored.manifest().treeCid().toString());
    assertEquals("zDvZRwzmAh1vuhtYihUxtE3QzRdaKQPpvX974i4sNpRGLeZtH9gV", stored.manifestCid().toString());
    assertEquals(
        "zDxWB8EDEf7mgddfbCh5HVYp4772Ri9N2XAutMVYx275bfWnnQmy",
        store.leaf(stored.manifest().treeCid(), 2).orElseThrow().blockCid().toString());
    assertEquals(stored.manifest(), StoredManifests.get(store, stored.manifestCid()));
    assertEquals(4, store.size(), "3 blocks and the manifest");
  }

  @Test
  void finishingFromBlockCidsGivesTheSameManifestAsAWholeUpload() throws IOException {
    Upload.Stored whole =
        Upload.store(new ByteArrayInputStream(WorkedExampleFile.bytes()), 65536, Optional.of("w.bin"), Optional.empty(), store);
    Upload.Stored finished =
        Upload.finish(
            store.blockCids(whole.manifest().treeCid()),
            WorkedExampleFile.bytes().length,
            65536,
            Optional.of("w.bin"),
            Optional.empty(),
            new InMemoryBlockStore());
    assertEquals(whole, finished);
  }

  @Test
  void uploadingAgainStoresNothingNewAndGivesTheSameCid() throws IOException {
    byte[] data = "some file contents".getBytes(StandardCharsets.US_ASCII);
    Upload.Stored first = Upload.store(new ByteArrayInputStream(data), 65536, Optional.empty(), Optional.empty(), store);
    Upload.Stored second = Upload.store(new ByteArrayInputStream(data), 65536, Optional.empty(), Optional.empty(), store);
    assertEquals(first, second);
    assertEquals(2, store.size());
  }

  @Test
  void filenameAndMimetypeGoIntoTheManifest() throws IOException {
    Manifest manifest =
        Upload.store(new ByteArrayInputStream(new byte[] {1}), 65536, Optional.of("a.txt"), Optional.of("text/plain"), store)
            .manifest();
    assertEquals(Optional.of("a.txt"), manifest.filename());
    assertEquals(Optional.of("text/plain"), manifest.mimetype());
  }

  @Test
  void blocksCanBeReadBackByTreeAndIndex() throws IOException {
    byte[] data = WorkedExampleFile.bytes();
    Manifest manifest =
        Upload.store(new ByteArrayInputStream(data), 65536, Optional.empty(), Optional.empty(), store).manifest();
    byte[] second = store.get(manifest.treeCid(), 1).orElseThrow().data();
    assertArrayEquals(java.util.Arrays.copyOfRange(data, 65536, 2 * 65536), second);
  }

  @Test
  void refusesAnEmptyStream() {
    assertThrows(
        EmptyDatasetException.class,
        () -> Upload.store(new ByteArrayInputStream(new byte[0]), 65536, Optional.empty(), Optional.empty(), store));
  }
}
