package io.slotbeam.node.sales;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotbeam.core.block.Block;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.erasure.LeopardDecoder;
import io.slotbeam.core.manifest.Manifest;
import io.slotbeam.core.merkle.CodexTree;
import io.slotbeam.node.peer.NetworkStore;
import io.slotbeam.node.peer.Peers;
import io.slotbeam.node.repo.RocksBlockStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SlotRepair} on a repository that holds the protected dataset of {@link
 * HostFixture#verifiableDataset} (K = 2, M = 1: column c is blocks c, c + 2, c + 4) less the
 * blocks a test deletes, and no peers: deleted blocks are decoded to their original bytes, and
 * decoded bytes that the manifest's tree does not name are refused before any block is handed out.
 */
class SlotRepairTest {
  @TempDir Path dir;
  private RocksBlockStore repo;
  private Manifest verifiable;
  private final List<Block> original = new ArrayList<>();

  @BeforeEach
  void storeDataset() throws Exception {
    repo = RocksBlockStore.open(dir, 1L << 30, Duration.ofDays(1), Clock.systemUTC());
    verifiable = HostFixture.verifiableDataset(repo, 41);
    for (int i = 0; i < verifiable.blocksCount(); i++) {
      original.add(repo.get(repo.leafCid(verifiable.treeCid(), i).orElseThrow()).orElseThrow());
    }
  }

  @AfterEach
  void close() {
    repo.close();
  }

  private Map<Long, Block> restore(Manifest manifest, long... indices) throws Exception {
    Map<Long, Block> handedOut = new LinkedHashMap<>();
    new SlotRepair(new NetworkStore(repo, new Peers()), LeopardDecoder.fastest(), manifest)
        .restore(indices, handedOut::put);
    return handedOut;
  }

  @Test
  void blocksThatNoOneHasAreDecodedToTheirOriginalBytesAndNotStored() throws Exception {
    repo.delete(original.get(0).cid()); // data, column 0
    repo.delete(original.get(5).cid()); // parity, column 1

    Map<Long, Block> restored = restore(verifiable, 0, 3, 5);

    assertEquals(List.of(0L, 3L, 5L), List.copyOf(restored.keySet()), "column by column, only the asked indices");
    restored.forEach((index, block) -> {
      assertEquals(original.get(Math.toIntExact(index)).cid(), block.cid());
      assertArrayEquals(original.get(Math.toIntExact(index)).data(), block.data());
    });
    assertFalse(repo.has(original.get(0).cid()), "the caller stores what it is handed, not the repair");
    assertFalse(repo.has(original.get(5).cid()));
  }

  @Test
  void decodedBlocksTheManifestsTreeDoesNotNameAreRefusedBeforeAnyIsHandedOut() throws Exception {
    // a manifest whose parity does not match its data: block 4 (parity of column 0) is other bytes,
    // and the manifest names the tree with those bytes' CID in its place
    byte[] other = new byte[verifiable.blockSize()];
    new Random(5).nextBytes(other);
    Block wrongParity = Block.of(other);
    repo.store(wrongParity);
    List<Cid> cids = new ArrayList<>(original.stream().map(Block::cid).toList());
    cids.set(4, wrongParity.cid());
    Cid treeCid = CodexTree.rootCid(CodexTree.build(cids).root());
    repo.storeTree(treeCid, CodexTree.build(cids));
    Manifest mismatched = new Manifest(treeCid, verifiable.datasetSize(), verifiable.blockSize(), verifiable.codec(),
        verifiable.hcodec(), verifiable.filename(), verifiable.mimetype(), verifiable.erasure());
    repo.delete(original.get(0).cid()); // decoded from block 2 and the wrong parity

    Map<Long, Block> handedOut = new LinkedHashMap<>();
    SlotRepair repair = new SlotRepair(new NetworkStore(repo, new Peers()), LeopardDecoder.fastest(), mismatched);
    SlotDownloadException e = assertThrows(SlotDownloadException.class, () -> repair.restore(new long[] {0, 1},
        handedOut::put));

    assertTrue(e.getMessage().startsWith("the blocks rebuilt by erasure decoding give tree "), e.getMessage());
    assertTrue(e.getMessage().contains("not the manifest's " + treeCid), e.getMessage());
    assertEquals(Map.of(), handedOut);
  }

  @Test
  void aManifestWithoutParityCannotBeRepaired() {
    Manifest unprotected = Manifest.plain(verifiable.erasure().orElseThrow().originalTreeCid(),
        verifiable.erasure().orElseThrow().originalDatasetSize(), verifiable.blockSize());
    SlotDownloadException e = assertThrows(SlotDownloadException.class,
        () -> new SlotRepair(new NetworkStore(repo, new Peers()), LeopardDecoder.fastest(), unprotected));
    assertEquals("manifest of " + unprotected.treeCid() + " is not protected: a freed slot cannot be repaired"
        + " without parity", e.getMessage());
  }
}
