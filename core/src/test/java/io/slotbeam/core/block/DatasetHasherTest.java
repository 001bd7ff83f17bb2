package io.slotbeam.core.block;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.merkle.CodexTree;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DatasetHasherTest {
  @Test
  void someFileContentsGiveTheUpstreamTreeCid() throws IOException {
    byte[] upload = "some file contents".getBytes(StandardCharsets.US_ASCII);
    List<Block> blocks = new ArrayList<>();
    PlainDataset dataset =
        DatasetHasher.hash(new ByteArrayInputStream(upload), Chunker.DEFAULT_BLOCK_SIZE, blocks::add);
    assertEquals("zDzSvJTezk7bJNQqFq8k1iHXY84psNuUfZVusA5bBQQUSuyzDSVL", dataset.treeCid().toString());
    assertEquals(
        "01839a031220050b50fa8145c235e1b817326d34f733420298a9aa511f13622dd81264e8d4df",
        HexFormat.of().formatHex(dataset.treeCid().toBytes()));
    assertEquals(18, dataset.datasetSize());
    assertEquals(65536, dataset.blockSize());
    assertEquals(1, dataset.blockCount());
    assertEquals("zDxWB8ED98hxJ51XwYaoQAwMdskCcmTaPR6Ce2wq88bjvjXRYuR9", blocks.get(0).cid().toString());
  }

  @Test
  void lastBlockIsZeroPaddedToTheBlockSize() throws IOException {
    byte[] data = randomBytes(2500);
    List<Block> blocks = new ArrayList<>();
    PlainDataset dataset = DatasetHasher.hash(new ByteArrayInputStream(data), 1024, blocks::add);
    assertEquals(3, blocks.size());
    assertEquals(2500, dataset.datasetSize());
    byte[] last = blocks.get(2).data();
    assertEquals(1024, last.length);
    byte[] expected = new byte[1024];
    System.arraycopy(data, 2048, expected, 0, 452);
    assertArrayEquals(expected, last);
  }

  @Test
  void exactMultipleOfTheBlockSizeAddsNoBlock() throws IOException {
    PlainDataset dataset = DatasetHasher.hash(new ByteArrayInputStream(new byte[4096]), 1024, b -> {});
    assertEquals(4, dataset.blockCount());
  }

  @Test
  void shortReadsDoNotMoveBlockBoundaries() throws IOException {
    byte[] data = randomBytes(10_000);
    PlainDataset whole = DatasetHasher.hash(new ByteArrayInputStream(data), 1000, b -> {});
    PlainDataset trickled = DatasetHasher.hash(oneByteAtATime(data), 1000, b -> {});
    assertEquals(whole, trickled);
  }

  @Test
  void treeCidEqualsTheFullTreeOverTheBlockCids() throws IOException {
    byte[] data = randomBytes(7 * 512 + 3);
    List<Cid> cids = new ArrayList<>();
    PlainDataset dataset = DatasetHasher.hash(new ByteArrayInputStream(data), 512, b -> cids.add(b.cid()));
    assertEquals(CodexTree.rootCid(CodexTree.build(cids).root()), dataset.treeCid());
  }

  @Test
  void refusesAnEmptyDatasetAsNimCodexDoes() {
    var error =
        assertThrows(
            EmptyDatasetException.class,
            () -> DatasetHasher.hash(new ByteArrayInputStream(new byte[0]), 65536, b -> {}));
    assertTrue(error.getMessage().contains("0 bytes"), error.getMessage());
  }

  @Test
  void rejectsNonPositiveBlockSize() {
    var error = assertThrows(IllegalArgumentException.class, () -> new Chunker(InputStream.nullInputStream(), 0));
    assertEquals("block size 0 must be positive", error.getMessage());
  }

  private static byte[] randomBytes(int n) {
    byte[] data = new byte[n];
    new Random(n).nextBytes(data);
    return data;
  }

  private static InputStream oneByteAtATime(byte[] data) {
    return new FilterInputStream(new ByteArrayInputStream(data)) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return super.read(b, off, Math.min(len, 1));
      }
    };
  }
}
