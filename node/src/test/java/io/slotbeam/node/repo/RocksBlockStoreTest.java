package io.slotbeam.node.repo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotbeam.core.block.Block;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.cid.Multicodec;
import io.slotbeam.core.dataset.Upload;
import io.slotbeam.core.hash.Sha256Digest;
import io.slotbeam.core.manifest.InvalidManifestException;
import io.slotbeam.core.merkle.CodexTree;
import io.slotbeam.core.merkle.KeyedMerkleTree;
import io.slotbeam.core.store.BlockStore;
import io.slotbeam.core.store.BlockStoreContract;
import io.slotbeam.core.store.InMemoryBlockStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

class RocksBlockStoreTest extends BlockStoreContract {
  private static final Duration TTL = Duration.ofDays(30);
  private static final long QUOTA = 1 << 20;

  @TempDir Path dir;
  private final SettableClock clock = new SettableClock(Instant.parse("2026-11-26T00:00:00Z"));

  private RocksBlockStore rocks() {
    return (RocksBlockStore) store;
  }

  @Override
  protected BlockStore newStore() throws IOException {
    return RocksBlockStore.open(dir, QUOTA, TTL, clock);
  }

  /** Rewrites the stored bytes behind the store's back: closed, changed raw, reopened. */
  @Override
  protected void corrupt(Cid cid) throws IOException {
    rocks().close();
    RawRepo.corruptBlock(dir, cid);
    store = newStore();
  }

  private interface RawChange {
    void apply(RocksDB db) throws RocksDBException;
  }

  private void rewriteRaw(RawChange change) throws IOException {
    rocks().close();
    try (RocksDB db = RocksDB.open(dir.toString())) {
      change.apply(db);
    } catch (RocksDBException e) {
      throw new IOException(e);
    }
    store = newStore();
  }

  @AfterEach
  void closeStore() {
    rocks().close();
  }

  private static Block block(int seed, int size) {
    byte[] data = new byte[size];
    new Random(seed).nextBytes(data);
    return Block.of(data);
  }

  private Upload.Stored upload(byte[] content) throws IOException {
    return Upload.store(new ByteArrayInputStream(content), 4096, Optional.empty(), Optional.empty(), store);
  }

  private static byte[] bytes(int seed, int size) {
    byte[] data = new byte[size];
    new Random(seed).nextBytes(data);
    return data;
  }

  @Test
  void countsStoredBytesAndBlocksOnce() throws IOException {
    rocks().store(block(1, 1000));
    rocks().store(block(1, 1000));
    rocks().store(block(2, 500));
    assertEquals(new QuotaUsage(1500, 0, 2), rocks().usage());
    store.delete(block(1, 1000).cid());
    assertEquals(new QuotaUsage(500, 0, 1), rocks().usage());
  }

  @Test
  void refusesABlockPastTheQuotaAndStoresNothing() throws IOException {
    rocks().store(block(1, (int) QUOTA - 100));
    QuotaExceededException error =
        assertThrows(QuotaExceededException.class, () -> rocks().store(block(2, 101)));
    assertEquals(QUOTA, error.quota());
    assertEquals(QUOTA - 100, error.used());
    assertEquals(101, error.needed());
    assertTrue(error.getMessage().contains("the quota is 1048576 bytes, 1048476 bytes are used"), error.getMessage());
    assertFalse(store.has(block(2, 101).cid()));
    assertEquals(new QuotaUsage(QUOTA - 100, 0, 1), rocks().usage());
    rocks().store(block(3, 100));
    assertEquals(QUOTA, rocks().usage().used());
  }

  @Test
  void reservationsCountAgainstTheQuota() throws IOException {
    rocks().reserve(QUOTA - 10);
    assertThrows(QuotaExceededException.class, () -> rocks().store(block(1, 11)));
    assertThrows(IllegalArgumentException.class, () -> rocks().release(QUOTA));
    rocks().release(QUOTA - 10);
    rocks().store(block(1, 11));
    assertEquals(new QuotaUsage(11, 0, 1), rocks().usage());
  }

  @Test
  void reopeningKeepsBlocksTreesAndTotals() throws IOException {
    Upload.Stored stored = upload(bytes(7, 10_000));
    QuotaUsage before = rocks().usage();
    rocks().close();
    store = newStore();
    assertEquals(before, rocks().usage());
    assertEquals(3 + 1, before.totalBlocks(), "3 blocks of 4 KiB and the manifest");
    for (int i = 0; i < 3; i++) {
      assertTrue(store.get(stored.manifest().treeCid(), i).isPresent());
    }
    assertTrue(RepoCheck.run(rocks()).ok(), RepoCheck.run(rocks()).problems().toString());
  }

  @Test
  void refusesToOpenWhenTheStoredBytesExceedALoweredQuota() throws IOException {
    rocks().store(block(1, 5000));
    rocks().close();
    assertThrows(QuotaExceededException.class, () -> RocksBlockStore.open(dir, 4999, TTL, clock));
    store = newStore();
  }

  @Test
  void blocksOfALiveDatasetCannotBeDeletedAlone() throws IOException {
    Upload.Stored stored = upload(bytes(8, 9000));
    Cid first = rocks().leafCid(stored.manifest().treeCid(), 0).orElseThrow();
    BlockInUseException error = assertThrows(BlockInUseException.class, () -> rocks().deleteUnreferenced(first));
    assertTrue(error.getMessage().startsWith("Directly deleting a block that is part of a dataset is not allowed."));
    Block loose = block(9, 300);
    rocks().store(loose);
    rocks().deleteUnreferenced(loose.cid());
    assertFalse(store.has(loose.cid()));
    rocks().deleteUnreferenced(loose.cid());
  }

  @Test
  void deletingADatasetKeepsTheBlocksAnotherDatasetShares() throws IOException {
    byte[] shared = bytes(10, 4096);
    byte[] a = concat(shared, bytes(11, 4096));
    byte[] b = concat(shared, bytes(12, 4096));
    Upload.Stored first = upload(a);
    Upload.Stored second = upload(b);
    rocks().deleteDataset(first.manifestCid());
    assertFalse(store.has(first.manifestCid()));
    assertTrue(store.leaf(first.manifest().treeCid(), 0).isEmpty());
    assertTrue(store.has(Block.of(shared).cid()));
    assertFalse(store.has(Block.of(java.util.Arrays.copyOfRange(a, 4096, 8192)).cid()));
    assertTrue(store.get(second.manifest().treeCid(), 0).isPresent());
    rocks().deleteDataset(second.manifestCid());
    assertEquals(QuotaUsage.EMPTY, rocks().usage());
    rocks().deleteDataset(second.manifestCid());
  }

  private Upload.Stored upload(byte[] content, String filename, BlockStore target) throws IOException {
    return Upload.store(new ByteArrayInputStream(content), 4096, Optional.of(filename), Optional.empty(), target);
  }

  private void assertServesWholeTree(Upload.Stored stored, byte[] content) throws IOException {
    int blocks = (content.length + 4095) / 4096;
    for (int i = 0; i < blocks; i++) {
      Block block = store.get(stored.manifest().treeCid(), i).orElseThrow(() -> new AssertionError("leaf lost"));
      assertArrayEquals(Arrays.copyOfRange(content, i * 4096, (i + 1) * 4096), block.data());
    }
  }

  @Test
  void deletingOneOfTwoManifestsOfATreeKeepsTheTreeForTheOther() throws IOException {
    byte[] content = bytes(20, 3 * 4096);
    Upload.Stored first = upload(content, "a.bin", store);
    Upload.Stored second = upload(content, "b.bin", store);
    assertEquals(first.manifest().treeCid(), second.manifest().treeCid());
    assertFalse(first.manifestCid().equals(second.manifestCid()));
    long manifestBytes = store.get(first.manifestCid()).orElseThrow().size();

    rocks().deleteDataset(first.manifestCid());
    assertFalse(store.has(first.manifestCid()));
    assertServesWholeTree(second, content);
    assertEquals(new QuotaUsage(3 * 4096 + manifestBytes, 0, 4), rocks().usage());
    assertTrue(RepoCheck.run(rocks()).ok(), RepoCheck.run(rocks()).problems().toString());

    rocks().close();
    store = newStore();
    assertServesWholeTree(second, content);
    rocks().deleteDataset(second.manifestCid());
    assertTrue(store.leaf(second.manifest().treeCid(), 0).isEmpty());
    assertEquals(QuotaUsage.EMPTY, rocks().usage(), "the last holder takes the tree and its blocks");
    assertTrue(RepoCheck.run(rocks()).ok(), RepoCheck.run(rocks()).problems().toString());
  }

  @Test
  void undoingAnUploadKeepsATreeThatAnotherUploadFinishedMeanwhile() throws IOException {
    byte[] content = bytes(21, 2 * 4096);
    UndoableWrites failing = new UndoableWrites(rocks());
    List<Cid> blockCids = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Block block = Block.of(Arrays.copyOfRange(content, i * 4096, (i + 1) * 4096));
      failing.put(block);
      blockCids.add(block.cid());
    }
    KeyedMerkleTree<Sha256Digest> tree = CodexTree.build(blockCids);
    failing.putTree(CodexTree.rootCid(tree.root()), tree);
    Upload.Stored finished = upload(content, "done.bin", store);
    failing.undo();
    assertServesWholeTree(finished, content);
    assertTrue(RepoCheck.run(rocks()).ok(), RepoCheck.run(rocks()).problems().toString());
  }

  /**
   * The steps of an upload of bytes another dataset holds, with that dataset deleted after the
   * upload found the tree stored and before its manifest holds it: the manifest is refused, and
   * undoing the upload leaves the repository empty and sound.
   */
  @Test
  void anUploadWhoseSharedTreeIsDeletedBeforeItsManifestIsRefusedAndTakenBack() throws IOException {
    byte[] content = bytes(26, 2 * 4096);
    Upload.Stored first = upload(content, "a.bin", store);
    InMemoryBlockStore reference = new InMemoryBlockStore();
    Upload.Stored second = upload(content, "b.bin", reference);
    UndoableWrites writes = new UndoableWrites(rocks());
    for (Cid blockCid : reference.blockCids(second.manifest().treeCid())) {
      writes.put(reference.get(blockCid).orElseThrow());
    }
    KeyedMerkleTree<Sha256Digest> tree = CodexTree.build(reference.blockCids(second.manifest().treeCid()));
    writes.putTree(second.manifest().treeCid(), tree);
    rocks().deleteDataset(first.manifestCid());
    DatasetChangedException error = assertThrows(DatasetChangedException.class,
        () -> writes.put(reference.get(second.manifestCid()).orElseThrow()));
    assertEquals("dataset " + second.manifestCid() + " lost block 0 of tree " + second.manifest().treeCid()
        + " while it was stored (a dataset sharing the tree was deleted meanwhile); store it again", error.getMessage());
    writes.undo();
    assertFalse(store.has(second.manifestCid()));
    assertEquals(QuotaUsage.EMPTY, rocks().usage());
    assertTrue(RepoCheck.run(rocks()).ok(), RepoCheck.run(rocks()).problems().toString());

    Upload.Stored again = upload(content, "b.bin", new UndoableWrites(rocks()));
    assertServesWholeTree(again, content);
  }

  @Test
  void openingARepositoryWithoutHolderRecordsRecordsThem() throws IOException {
    byte[] content = bytes(22, 2 * 4096);
    Upload.Stored first = upload(content, "a.bin", store);
    Upload.Stored second = upload(content, "b.bin", store);
    byte[] holderKey = RepoKeys.holder(first.manifest().treeCid(), first.manifestCid());
    rewriteRaw(db -> db.delete(holderKey));
    RepoCheck.Report report = RepoCheck.run(rocks());
    assertEquals(
        List.of("manifest " + first.manifestCid() + " names tree " + first.manifest().treeCid()
            + " but is not recorded as its holder"),
        report.problems());

    rewriteRaw(db -> db.delete(RepoKeys.LAYOUT));
    assertTrue(RepoCheck.run(rocks()).ok(), RepoCheck.run(rocks()).problems().toString());
    rocks().deleteDataset(second.manifestCid());
    assertServesWholeTree(first, content);
  }

  @Test
  void checkReportsAHolderRecordWithoutItsManifest() throws IOException {
    Upload.Stored stored = upload(bytes(23, 4096), "a.bin", store);
    Cid stray = Block.of(Multicodec.CODEX_MANIFEST, bytes(24, 10)).cid();
    rewriteRaw(db -> db.put(RepoKeys.holder(stored.manifest().treeCid(), stray), new byte[0]));
    assertEquals(
        List.of("a holder record names manifest " + stray + " for tree " + stored.manifest().treeCid()
            + ", but no stored manifest " + stray + " names that tree"),
        RepoCheck.run(rocks()).problems());
    rocks().deleteDataset(stored.manifestCid());
    assertEquals(QuotaUsage.EMPTY, rocks().usage(), "a holder whose manifest is not stored holds nothing");
  }

  @Test
  void refusesAManifestBlockThatDoesNotDecode() throws IOException {
    Block bogus = Block.of(Multicodec.CODEX_MANIFEST, bytes(25, 10));
    assertThrows(InvalidManifestException.class, () -> rocks().store(bogus));
    assertFalse(store.has(bogus.cid()));
    assertEquals(QuotaUsage.EMPTY, rocks().usage());
  }

  @Test
  void maintenanceDeletesExpiredBlocksInBatchesEarliestFirst() throws IOException {
    List<Block> early = IntStream.range(0, 5).mapToObj(i -> block(i, 100)).toList();
    for (Block b : early) {
      rocks().store(b);
    }
    clock.advance(Duration.ofDays(1));
    Block late = block(99, 100);
    rocks().store(late);
    clock.advance(TTL.minusHours(1));
    assertEquals(2, rocks().deleteExpired(2), "a batch is capped");
    assertEquals(3, rocks().deleteExpired(10));
    assertEquals(0, rocks().deleteExpired(10));
    assertTrue(store.has(late.cid()));
    early.forEach(b -> assertFalse(hasUnchecked(b.cid())));
    assertEquals(new QuotaUsage(100, 0, 1), rocks().usage());
  }

  @Test
  void extendingTheExpiryKeepsABlockPastItsTtl() throws IOException {
    Block block = block(1, 100);
    rocks().store(block);
    rocks().ensureExpiry(block.cid(), clock.instant().plus(TTL.multipliedBy(2)).getEpochSecond());
    clock.advance(TTL.plusDays(1));
    assertEquals(0, rocks().deleteExpired(10));
    clock.advance(TTL);
    assertEquals(1, rocks().deleteExpired(10));
  }

  @Test
  void expiredDatasetBlocksGoEvenThoughReferenced() throws IOException {
    Upload.Stored stored = upload(bytes(3, 5000));
    clock.advance(TTL.plusSeconds(1));
    assertEquals(3, rocks().deleteExpired(100), "two blocks and the manifest");
    assertTrue(store.get(stored.manifest().treeCid(), 0).isEmpty());
    assertEquals(QuotaUsage.EMPTY, rocks().usage());
  }

  @Test
  void undoRemovesWhatAFailedUploadAddedButNotWhatWasThere() throws IOException {
    Block before = Block.of(bytes(1, 4096));
    rocks().store(before);
    UndoableWrites writes = new UndoableWrites(rocks());
    Upload.Stored stored =
        Upload.store(
            new ByteArrayInputStream(concat(bytes(1, 4096), bytes(2, 4096))),
            4096, Optional.empty(), Optional.empty(), writes);
    writes.undo();
    assertTrue(store.has(before.cid()));
    assertFalse(store.has(Block.of(bytes(2, 4096)).cid()));
    assertFalse(store.has(stored.manifestCid()));
    assertTrue(store.leaf(stored.manifest().treeCid(), 0).isEmpty());
    assertEquals(new QuotaUsage(4096, 0, 1), rocks().usage());
  }

  @Test
  void checkReportsACorruptBlockAndTotalsThatDisagree() throws IOException {
    Block good = block(1, 200);
    Block bad = block(2, 300);
    rocks().store(good);
    rocks().store(bad);
    assertTrue(RepoCheck.run(rocks()).ok());
    corrupt(bad.cid());
    rewriteRaw(db -> db.put(RepoKeys.QUOTA, new QuotaUsage(999, 0, 2).encode()));
    RepoCheck.Report report = RepoCheck.run(rocks());
    assertEquals(2, report.blocks());
    assertEquals(500, report.bytes());
    assertEquals(2, report.problems().size(), report.problems().toString());
    assertTrue(report.problems().get(0).contains(bad.cid().toString()), report.problems().toString());
    assertTrue(report.problems().get(1).contains("999 bytes used, but the blocks hold 500"));
  }

  @Test
  void nodeIdIsChosenOnceAndKept() throws IOException {
    String id = rocks().nodeId();
    assertEquals(64, id.length());
    rocks().close();
    store = newStore();
    assertEquals(id, rocks().nodeId());
  }

  private boolean hasUnchecked(Cid cid) {
    try {
      return store.has(cid);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  @Test
  void emptyBlocksAreNeverCounted() throws IOException {
    rocks().store(Block.empty());
    assertEquals(QuotaUsage.EMPTY, rocks().usage());
    assertArrayEquals(new byte[0], store.get(Cid.emptyBlock()).orElseThrow().data());
  }
}
