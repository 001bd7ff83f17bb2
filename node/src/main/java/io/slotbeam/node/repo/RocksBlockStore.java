package io.slotbeam.node.repo;

import io.slotbeam.core.block.Block;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.cid.Multicodec;
import io.slotbeam.core.hash.Sha256Compressor;
import io.slotbeam.core.hash.Sha256Digest;
import io.slotbeam.core.manifest.InvalidManifestException;
import io.slotbeam.core.manifest.ManifestCodec;
import io.slotbeam.core.manifest.Manifest;
import io.slotbeam.core.merkle.CodexTree;
import io.slotbeam.core.merkle.CodexTreeCodec;
import io.slotbeam.core.merkle.KeyedMerkleTree;
import io.slotbeam.core.store.BlockStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BiConsumer;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The node's block repository (spec node §3): a {@link BlockStore} in one RocksDB database, with
 * nim-codex's RepoStore bookkeeping on top of core's contract: every block has an expiry and a
 * reference count, every dataset tree also has one leaf record per block (block CID and proof, so
 * serving {@code (treeCid, index)} reads one key), and a byte quota counts the stored blocks.
 *
 * <p>Several manifests can name one tree (the same bytes uploaded under two filenames, a protected
 * and a verifiable manifest over one encoded tree), so each stored manifest is recorded as a holder
 * of its tree, and deleting a dataset removes the tree and its blocks only with its last holder.
 * nim-codex deletes the tree with any of them (spec node §3.4), which loses the others' data.
 *
 * <p>Every change that touches more than one key is one {@link WriteBatch}, so a reopened
 * repository never holds half of one. Writes go to RocksDB's write-ahead log, buffered in the
 * process; every change hands the buffer to the operating system before it returns (so it survives
 * a killed process), except {@link #store}, whose caller does so with {@link #flushLog} or {@link
 * #sync} (which also survives a power loss) before acknowledging the block. Changes are serialised by one lock (read-modify-write of the
 * totals); reads take no lock. Values of 4 KiB and more (the blocks) go to blob files, so
 * compaction does not rewrite them.
 */
public final class RocksBlockStore implements BlockStore, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(RocksBlockStore.class.getName());
  private static final int BLOB_THRESHOLD = 4096;
  private static final double BLOOM_BITS_PER_KEY = 10;
  /** The key layout: 2 records each tree's holders ({@link RepoKeys#holder}); 1 did not. */
  private static final int LAYOUT_VERSION = 2;
  private static final byte[] EMPTY = new byte[0];

  private final RocksDB db;
  private final Options options;
  private final WriteOptions writeOptions = new WriteOptions();
  private final long quota;
  private final Duration blockTtl;
  private final Clock clock;
  private final Object lock = new Object();
  private volatile QuotaUsage usage;

  private RocksBlockStore(RocksDB db, Options options, long quota, Duration blockTtl, Clock clock)
      throws RocksDBException {
    this.db = db;
    this.options = options;
    this.quota = quota;
    this.blockTtl = blockTtl;
    this.clock = clock;
    byte[] stored = db.get(RepoKeys.QUOTA);
    this.usage = stored == null ? QuotaUsage.EMPTY : QuotaUsage.decode(stored);
  }

  /**
   * Opens (creating if needed) the repository in {@code dir}.
   *
   * @param quota the most bytes of blocks it may hold ({@code --storage-quota})
   * @param blockTtl how long a stored block lives unless something extends it ({@code --block-ttl})
   * @throws QuotaExceededException if what is stored already exceeds {@code quota}, as nim-codex
   *     refuses to start with a lowered quota (§3.3)
   */
  public static RocksBlockStore open(Path dir, long quota, Duration blockTtl, Clock clock)
      throws IOException {
    if (quota <= 0) {
      throw new IllegalArgumentException("storage quota " + quota + " must be positive");
    }
    if (blockTtl.isNegative()) {
      throw new IllegalArgumentException("block ttl " + blockTtl + " must not be negative");
    }
    RocksDB.loadLibrary();
    Files.createDirectories(dir);
    // Most lookups are of keys that are absent (is this block new?): bloom filters answer those
    // without reading every level's index. The log is buffered and flushed by the repository
    // (flushLog, sync) in megabyte writes, not one write per 64 KiB block: on a loaded machine
    // that halved the CPU time of storing a block. Four memtables and four background jobs keep
    // uploads from stalling while a full memtable is written out: a 1 GiB upload went from 21 s to
    // 9 s (NodeRestBenchmark).
    Options options =
        new Options()
            .setCreateIfMissing(true)
            .setEnableBlobFiles(true)
            .setMinBlobSize(BLOB_THRESHOLD)
            .setWriteBufferSize(64L << 20)
            .setMaxWriteBufferNumber(4)
            .setMaxBackgroundJobs(4)
            .setBytesPerSync(1L << 20)
            .setManualWalFlush(true)
            .setTableFormatConfig(new BlockBasedTableConfig().setFilterPolicy(new BloomFilter(BLOOM_BITS_PER_KEY)));
    try {
      RocksBlockStore store =
          new RocksBlockStore(RocksDB.open(options, dir.toString()), options, quota, blockTtl, clock);
      QuotaUsage usage = store.usage();
      if (usage.used() + usage.reserved() > quota) {
        store.close();
        throw new QuotaExceededException(quota, usage.used(), usage.reserved(), 0);
      }
      store.upgradeLayout();
      return store;
    } catch (RocksDBException e) {
      options.close();
      throw new IOException("cannot open the block repository in " + dir + ": " + e.getMessage(), e);
    }
  }

  public long quota() {
    return quota;
  }

  public QuotaUsage usage() {
    return usage;
  }

  @Override
  public void put(Block block) throws IOException {
    store(block);
  }

  /**
   * Stores {@code block} with an expiry of now plus the block ttl; a block already stored keeps
   * the later of its expiry and that one (§3.2). A new manifest block becomes a holder of its tree.
   *
   * @return whether the block was new
   * @throws QuotaExceededException if a new block does not fit; nothing is stored then
   * @throws io.slotbeam.core.manifest.InvalidManifestException if a codex-manifest block does not
   *     decode as a manifest; nothing is stored then
   */
  public boolean store(Block block) throws IOException {
    if (block.cid().equals(Cid.emptyBlock())) {
      return false;
    }
    Optional<Cid> heldTree =
        block.cid().contentCodec() == Multicodec.CODEX_MANIFEST
            ? Optional.of(ManifestCodec.decode(block.cid(), block.data()).treeCid())
            : Optional.empty();
    long expiry = now() + blockTtl.toSeconds();
    synchronized (lock) {
      Optional<BlockMetadata> existing = blockMetadata(block.cid());
      if (existing.isPresent()) {
        BlockMetadata metadata = existing.get();
        if (metadata.size() != block.size()) {
          throw new IllegalStateException(
              "block " + block.cid() + " is stored with " + metadata.size() + " bytes, not " + block.size());
        }
        if (expiry > metadata.expiry()) {
          try (WriteBatch batch = new WriteBatch()) {
            putMetadata(batch, block.cid(), metadata, metadata.withExpiry(expiry));
            write(batch, false);
          }
        }
        return false;
      }
      QuotaUsage current = usage;
      if (current.used() + current.reserved() + block.size() > quota) {
        throw new QuotaExceededException(quota, current.used(), current.reserved(), block.size());
      }
      try (WriteBatch batch = new WriteBatch()) {
        batch.put(RepoKeys.data(block.cid()), block.data());
        if (heldTree.isPresent()) {
          batch.put(RepoKeys.holder(heldTree.get(), block.cid()), EMPTY);
        }
        putMetadata(batch, block.cid(), null, new BlockMetadata(expiry, block.size(), 0));
        commit(batch, current.plusBlock(block.size()), false);
      } catch (RocksDBException e) {
        throw failure("store block " + block.cid(), e);
      }
      return true;
    }
  }

  @Override
  public Optional<Block> get(Cid cid) throws IOException {
    if (cid.equals(Cid.emptyBlock())) {
      return Optional.of(Block.empty());
    }
    byte[] data = read(RepoKeys.data(cid));
    return data == null ? Optional.empty() : Optional.of(Block.verified(cid, data));
  }

  @Override
  public boolean has(Cid cid) throws IOException {
    return cid.equals(Cid.emptyBlock()) || read(RepoKeys.blockMetadata(cid)) != null;
  }

  /**
   * The size of a stored block, from its metadata (the block is not read): 0 for the empty block,
   * which is never stored but always there (as {@link #has} says); empty if it is not stored.
   */
  public OptionalInt blockSize(Cid cid) throws IOException {
    if (cid.equals(Cid.emptyBlock())) {
      return OptionalInt.of(0);
    }
    Optional<BlockMetadata> metadata = blockMetadata(cid);
    return metadata.isEmpty() ? OptionalInt.empty() : OptionalInt.of(metadata.get().size());
  }

  /** Removes the block whatever references it (core's contract: for repair and maintenance). */
  @Override
  public void delete(Cid cid) throws IOException {
    synchronized (lock) {
      Optional<BlockMetadata> metadata = blockMetadata(cid);
      if (metadata.isPresent()) {
        try (WriteBatch batch = new WriteBatch()) {
          QuotaUsage next = removeBlock(batch, cid, metadata.get(), usage);
          commit(batch, next, true);
        }
      }
    }
  }

  /**
   * Removes a block on a user's request (§3.4): only if no dataset references it or it has
   * expired; an unknown block is not an error.
   *
   * @throws BlockInUseException if a live dataset references it
   */
  public void deleteUnreferenced(Cid cid) throws IOException {
    synchronized (lock) {
      Optional<BlockMetadata> metadata = blockMetadata(cid);
      if (metadata.isEmpty()) {
        return;
      }
      if (!metadata.get().deletable(now())) {
        throw new BlockInUseException(cid, metadata.get().refCount());
      }
      delete(cid);
    }
  }

  @Override
  public void putMetadata(Cid key, byte[] bytes) throws IOException {
    synchronized (lock) {
      if (read(RepoKeys.metadata(key)) == null) {
        try {
          db.put(writeOptions, RepoKeys.metadata(key), bytes);
          flushLog();
        } catch (RocksDBException e) {
          throw failure("store metadata " + key, e);
        }
      }
    }
  }

  @Override
  public Optional<byte[]> metadata(Cid key) throws IOException {
    return Optional.ofNullable(read(RepoKeys.metadata(key)));
  }

  @Override
  public void putTree(Cid treeCid, KeyedMerkleTree<Sha256Digest> tree) throws IOException {
    storeTree(treeCid, tree);
  }

  /**
   * Stores a dataset tree, one leaf record per block, and counts each leaf in its block's
   * reference count (blocks stored before the tree; §3.2), all in one batch.
   *
   * @return whether the tree was new
   */
  public boolean storeTree(Cid treeCid, KeyedMerkleTree<Sha256Digest> tree) throws IOException {
    Cid actual = CodexTree.rootCid(tree.root());
    if (!actual.equals(treeCid)) {
      throw new IllegalArgumentException("tree has root " + actual + ", not " + treeCid);
    }
    synchronized (lock) {
      if (read(RepoKeys.metadata(treeCid)) != null) {
        return false;
      }
      Map<Cid, BlockMetadata> before = new HashMap<>();
      Map<Cid, BlockMetadata> after = new HashMap<>();
      try (WriteBatch batch = new WriteBatch()) {
        batch.put(RepoKeys.metadata(treeCid), CodexTreeCodec.encode(tree));
        List<Sha256Digest> leaves = tree.leaves();
        for (int i = 0; i < leaves.size(); i++) {
          Cid blockCid = CodexTree.leafCid(leaves.get(i));
          batch.put(
              RepoKeys.leaf(treeCid, i),
              LeafRecord.encode(blockCid, tree.proof(i, Sha256Compressor.INSTANCE)));
          BlockMetadata current = currentMetadata(blockCid, before, after);
          if (current != null) {
            after.put(blockCid, current.withRefCount(current.refCount() + 1));
          }
        }
        for (Map.Entry<Cid, BlockMetadata> changed : after.entrySet()) {
          putMetadata(batch, changed.getKey(), before.get(changed.getKey()), changed.getValue());
        }
        write(batch, true);
      } catch (RocksDBException e) {
        throw failure("store tree " + treeCid, e);
      }
      return true;
    }
  }

  /**
   * The first of the {@code blocks} leaves of tree {@code treeCid} that is not here (no leaf
   * record, or its block is gone), or empty when all are.
   */
  public OptionalInt firstMissingLeaf(Cid treeCid, long blocks) throws IOException {
    for (int i = 0; i < blocks; i++) {
      Optional<Cid> blockCid = leafCid(treeCid, i);
      if (blockCid.isEmpty() || !has(blockCid.get())) {
        return OptionalInt.of(i);
      }
    }
    return OptionalInt.empty();
  }

  /** Reads the leaf record directly, without decoding the tree. */
  @Override
  public Optional<Leaf> leaf(Cid treeCid, int index) throws IOException {
    byte[] record = index < 0 ? null : read(RepoKeys.leaf(treeCid, index));
    return record == null ? BlockStore.super.leaf(treeCid, index) : Optional.of(LeafRecord.decode(record));
  }

  /** The block CID of leaf {@code index}, or empty if the tree or the index is unknown. */
  public Optional<Cid> leafCid(Cid treeCid, int index) throws IOException {
    byte[] record = read(RepoKeys.leaf(treeCid, index));
    return record == null ? Optional.empty() : Optional.of(LeafRecord.blockCid(record));
  }

  /**
   * Deletes a dataset (§3.4): the manifest block and, unless another stored manifest still holds
   * the tree, its leaf records and tree and every block left unreferenced or expired, in one batch.
   * An unknown manifest is not an error.
   */
  public void deleteDataset(Cid manifestCid) throws IOException {
    synchronized (lock) {
      byte[] manifestBytes = read(RepoKeys.data(manifestCid));
      if (manifestBytes == null) {
        return;
      }
      Manifest manifest = ManifestCodec.decode(manifestCid, manifestBytes);
      try (WriteBatch batch = new WriteBatch()) {
        boolean shared = holders(manifest.treeCid()).stream().anyMatch(holder -> !holder.equals(manifestCid));
        QuotaUsage next = shared ? usage : removeTree(batch, manifest.treeCid(), true);
        Optional<BlockMetadata> metadata = blockMetadata(manifestCid);
        if (metadata.isPresent()) {
          next = removeBlock(batch, manifestCid, metadata.get(), next);
        }
        commit(batch, next, true);
      }
    }
  }

  /**
   * Removes a tree and its leaf records, and releases their references; with {@code dropBlocks}
   * also the blocks this leaves deletable. Returns the totals after the batch.
   */
  QuotaUsage removeTree(WriteBatch batch, Cid treeCid, boolean dropBlocks) throws IOException {
    Map<Cid, BlockMetadata> before = new HashMap<>();
    Map<Cid, BlockMetadata> after = new HashMap<>();
    QuotaUsage next = usage;
    try {
      batch.delete(RepoKeys.metadata(treeCid));
      for (int i = 0; ; i++) {
        byte[] record = read(RepoKeys.leaf(treeCid, i));
        if (record == null) {
          break;
        }
        batch.delete(RepoKeys.leaf(treeCid, i));
        Cid blockCid = LeafRecord.blockCid(record);
        BlockMetadata current = currentMetadata(blockCid, before, after);
        if (current != null) {
          after.put(blockCid, current.withRefCount(Math.max(0, current.refCount() - 1)));
        }
      }
      long now = now();
      for (Map.Entry<Cid, BlockMetadata> changed : after.entrySet()) {
        BlockMetadata metadata = changed.getValue();
        if (dropBlocks && metadata.deletable(now)) {
          next = removeBlock(batch, changed.getKey(), before.get(changed.getKey()), next);
        } else {
          putMetadata(batch, changed.getKey(), before.get(changed.getKey()), metadata);
        }
      }
    } catch (RocksDBException e) {
      throw failure("delete tree " + treeCid, e);
    }
    return next;
  }

  /** Deletes {@code cid} if no dataset references it, expired or not (undoing an upload). */
  void deleteIfUnreferenced(Cid cid) throws IOException {
    synchronized (lock) {
      Optional<BlockMetadata> metadata = blockMetadata(cid);
      if (metadata.isPresent() && metadata.get().refCount() == 0) {
        delete(cid);
      }
    }
  }

  /**
   * Undoes {@link #storeTree} for a tree whose upload failed; blocks stay, and so does a tree that
   * a stored manifest holds (another upload of the same bytes finished meanwhile).
   */
  void dropTree(Cid treeCid) throws IOException {
    synchronized (lock) {
      if (!holders(treeCid).isEmpty()) {
        return;
      }
      try (WriteBatch batch = new WriteBatch()) {
        commit(batch, removeTree(batch, treeCid, false), true);
      }
    }
  }

  /** Raises the expiry of a stored block to {@code expiry} (Unix seconds), never lowering it. */
  public void ensureExpiry(Cid cid, long expiry) throws IOException {
    synchronized (lock) {
      BlockMetadata metadata =
          blockMetadata(cid)
              .orElseThrow(() -> new IllegalArgumentException("block " + cid + " is not stored"));
      if (expiry > metadata.expiry()) {
        try (WriteBatch batch = new WriteBatch()) {
          putMetadata(batch, cid, metadata, metadata.withExpiry(expiry));
          write(batch, true);
        }
      }
    }
  }

  /**
   * Deletes up to {@code max} blocks whose expiry has passed, earliest first, in one batch
   * (maintenance, §3.6); expired blocks go even if datasets reference them, as in nim-codex.
   *
   * @return how many were deleted
   */
  public int deleteExpired(int max) throws IOException {
    synchronized (lock) {
      long now = now();
      int deleted = 0;
      try (WriteBatch batch = new WriteBatch();
          RocksIterator it = db.newIterator()) {
        QuotaUsage next = usage;
        // An index entry always has its block's metadata (both change in one batch).
        for (it.seek(RepoKeys.EXPIRIES);
            it.isValid() && RepoKeys.hasPrefix(it.key(), RepoKeys.EXPIRIES) && deleted < max;
            it.next()) {
          if (RepoKeys.expiryOf(it.key()) >= now) {
            break;
          }
          Cid cid = RepoKeys.cidOfExpiry(it.key());
          next = removeBlock(batch, cid, blockMetadata(cid).orElseThrow(), next);
          deleted++;
        }
        commit(batch, next, true);
      }
      return deleted;
    }
  }

  /**
   * Reserves {@code bytes} of the quota for data not yet stored (sales, §3.3).
   *
   * @throws QuotaExceededException if they do not fit
   */
  public void reserve(long bytes) throws IOException {
    changeReserved(bytes);
  }

  /** Returns {@code bytes} reserved earlier. */
  public void release(long bytes) throws IOException {
    if (bytes > usage.reserved()) {
      throw new IllegalArgumentException(
          "cannot release " + bytes + " bytes: only " + usage.reserved() + " are reserved");
    }
    changeReserved(-bytes);
  }

  private void changeReserved(long delta) throws IOException {
    if (delta == Long.MIN_VALUE) {
      throw new IllegalArgumentException("reservation change " + delta + " is out of range");
    }
    synchronized (lock) {
      QuotaUsage current = usage;
      if (delta > 0 && current.used() + current.reserved() + delta > quota) {
        throw new QuotaExceededException(quota, current.used(), current.reserved(), delta);
      }
      QuotaUsage next = current.plusReserved(delta);
      try {
        db.put(writeOptions, RepoKeys.QUOTA, next.encode());
        flushLog();
      } catch (RocksDBException e) {
        throw failure("update the reservation", e);
      }
      usage = next;
    }
  }

  /**
   * Applies {@code changes} and their change of reserved quota as one write batch (sales, §7.1):
   * after a crash the repository holds all of them or none.
   *
   * @throws QuotaExceededException if the reservation does not fit; nothing is written then
   * @throws IllegalArgumentException if it releases more than is reserved
   */
  public void apply(RecordBatch changes) throws IOException {
    synchronized (lock) {
      QuotaUsage current = usage;
      long delta = changes.reservedDelta();
      if (delta > 0 && current.used() + current.reserved() + delta > quota) {
        throw new QuotaExceededException(quota, current.used(), current.reserved(), delta);
      }
      if (delta < 0 && -delta > current.reserved()) {
        throw new IllegalArgumentException(
            "cannot release " + -delta + " bytes: only " + current.reserved() + " are reserved");
      }
      try (WriteBatch batch = new WriteBatch()) {
        for (Map.Entry<String, Optional<byte[]>> write : changes.writes().entrySet()) {
          byte[] key = RepoKeys.record(write.getKey());
          if (write.getValue().isPresent()) {
            batch.put(key, write.getValue().get());
          } else {
            batch.delete(key);
          }
        }
        commit(batch, current.plusReserved(delta), true);
      } catch (RocksDBException e) {
        throw failure("write records " + changes.keys(), e);
      }
    }
  }

  /** The record at {@code path}, or empty. */
  public Optional<byte[]> record(String path) throws IOException {
    return Optional.ofNullable(read(RepoKeys.record(path)));
  }

  /** Calls {@code action} with the path and value of every record under {@code pathPrefix}, in key order. */
  public void forEachRecord(String pathPrefix, BiConsumer<String, byte[]> action) {
    forEach(
        RepoKeys.recordPrefix(pathPrefix),
        (key, value) -> action.accept(RepoKeys.recordPath(key), value));
  }

  /** Calls {@code action} with each stored manifest's CID and bytes, in key order. */
  public void forEachManifest(BiConsumer<Cid, byte[]> action) {
    forEach(RepoKeys.MANIFESTS, (key, value) -> action.accept(RepoKeys.cidOf(key), value));
  }

  /** Calls {@code action} with every key and value under {@code prefix}, in key order. */
  void forEach(byte[] prefix, BiConsumer<byte[], byte[]> action) {
    try (RocksIterator it = db.newIterator()) {
      for (it.seek(prefix); it.isValid() && RepoKeys.hasPrefix(it.key(), prefix); it.next()) {
        action.accept(it.key(), it.value());
      }
    }
  }

  /** The node's id: 32 random bytes chosen when the repository was created, in hex. */
  public String nodeId() throws IOException {
    synchronized (lock) {
      byte[] id = read(RepoKeys.NODE_ID);
      if (id == null) {
        id = new byte[32];
        new SecureRandom().nextBytes(id);
        try {
          db.put(writeOptions, RepoKeys.NODE_ID, id);
          flushLog();
        } catch (RocksDBException e) {
          throw failure("store the node id", e);
        }
      }
      return HexFormat.of().formatHex(id);
    }
  }

  /**
   * Hands the write-ahead log's buffer to the operating system: what was written so far survives
   * a killed process. Every change but {@link #store} does this itself; whoever acknowledges a
   * stored block calls it (or {@link #sync}) first.
   */
  public void flushLog() throws IOException {
    try {
      db.flushWal(false);
    } catch (RocksDBException e) {
      throw failure("flush the write-ahead log", e);
    }
  }

  /** Forces the write-ahead log to disk: what was written so far survives a power loss. */
  public void sync() throws IOException {
    try {
      db.flushWal(true);
    } catch (RocksDBException e) {
      throw failure("sync the write-ahead log", e);
    }
  }

  /** Closes the database after forcing its log to disk (its buffer would be lost otherwise). */
  @Override
  public void close() {
    try {
      db.flushWal(true);
    } catch (RocksDBException e) {
      LOG.log(System.Logger.Level.WARNING, "cannot flush the write-ahead log on close: " + e.getMessage(), e);
    }
    db.close();
    writeOptions.close();
    options.close();
  }

  /**
   * The stored manifests that hold tree {@code treeCid}. A holder record whose manifest is gone
   * (one that could not be decoded when it was deleted) holds nothing.
   */
  List<Cid> holders(Cid treeCid) throws IOException {
    List<Cid> records = new ArrayList<>();
    forEach(RepoKeys.holders(treeCid), (key, value) -> records.add(RepoKeys.manifestOfHolder(key)));
    List<Cid> stored = new ArrayList<>();
    for (Cid manifestCid : records) {
      if (blockMetadata(manifestCid).isPresent()) {
        stored.add(manifestCid);
      }
    }
    return stored;
  }

  /**
   * Brings a repository written before trees had holders to {@link #LAYOUT_VERSION}: one holder
   * record per stored manifest, with the version, in one batch. Reads the manifests once.
   */
  private void upgradeLayout() throws IOException {
    if (read(RepoKeys.LAYOUT) != null) {
      return;
    }
    synchronized (lock) {
      try (WriteBatch batch = new WriteBatch();
          RocksIterator it = db.newIterator()) {
        for (it.seek(RepoKeys.MANIFESTS); it.isValid() && RepoKeys.hasPrefix(it.key(), RepoKeys.MANIFESTS); it.next()) {
          Cid manifestCid = RepoKeys.cidOf(it.key());
          Optional<Cid> treeCid = heldTree(manifestCid, it.value());
          if (treeCid.isPresent()) {
            batch.put(RepoKeys.holder(treeCid.get(), manifestCid), EMPTY);
          }
        }
        batch.put(RepoKeys.LAYOUT, ByteBuffer.allocate(Integer.BYTES).putInt(LAYOUT_VERSION).array());
        write(batch, true);
      } catch (RocksDBException e) {
        throw failure("record the holders of the stored trees", e);
      }
    }
  }

  /**
   * The tree a stored manifest names, or empty (with a warning) if its bytes no longer decode:
   * {@link RepoCheck} reports that block, and nothing else should stop on it.
   */
  private static Optional<Cid> heldTree(Cid manifestCid, byte[] bytes) {
    try {
      return Optional.of(ManifestCodec.decode(manifestCid, bytes).treeCid());
    } catch (InvalidManifestException e) {
      LOG.log(System.Logger.Level.WARNING, "stored manifest " + manifestCid + " does not decode: " + e.getMessage());
      return Optional.empty();
    }
  }

  Optional<BlockMetadata> blockMetadata(Cid cid) throws IOException {
    byte[] bytes = read(RepoKeys.blockMetadata(cid));
    return bytes == null ? Optional.empty() : Optional.of(BlockMetadata.decode(bytes));
  }

  long now() {
    return clock.instant().getEpochSecond();
  }

  /** The metadata of {@code cid} as changed so far in this batch, or as stored, or null. */
  private BlockMetadata currentMetadata(
      Cid cid, Map<Cid, BlockMetadata> before, Map<Cid, BlockMetadata> after) throws IOException {
    BlockMetadata changed = after.get(cid);
    if (changed != null) {
      return changed;
    }
    Optional<BlockMetadata> stored = blockMetadata(cid);
    stored.ifPresent(m -> before.put(cid, m));
    return stored.orElse(null);
  }

  /** Adds to {@code batch} the block's metadata and its expiry index entry (replacing the old). */
  private static void putMetadata(
      WriteBatch batch, Cid cid, BlockMetadata old, BlockMetadata metadata) throws IOException {
    try {
      if (old != null && old.expiry() != metadata.expiry()) {
        batch.delete(RepoKeys.expiry(old.expiry(), cid));
      }
      batch.put(RepoKeys.blockMetadata(cid), metadata.encode());
      batch.put(RepoKeys.expiry(metadata.expiry(), cid), new byte[0]);
    } catch (RocksDBException e) {
      throw failure("record the metadata of " + cid, e);
    }
  }

  /** Adds to {@code batch} the removal of a block, and of its holder record if it is a manifest. */
  private QuotaUsage removeBlock(WriteBatch batch, Cid cid, BlockMetadata metadata, QuotaUsage usage)
      throws IOException {
    try {
      if (cid.contentCodec() == Multicodec.CODEX_MANIFEST) {
        byte[] bytes = read(RepoKeys.data(cid));
        Optional<Cid> treeCid = bytes == null ? Optional.empty() : heldTree(cid, bytes);
        if (treeCid.isPresent()) {
          batch.delete(RepoKeys.holder(treeCid.get(), cid));
        }
      }
      batch.delete(RepoKeys.data(cid));
      batch.delete(RepoKeys.blockMetadata(cid));
      batch.delete(RepoKeys.expiry(metadata.expiry(), cid));
    } catch (RocksDBException e) {
      throw failure("delete block " + cid, e);
    }
    return usage.minusBlock(metadata.size());
  }

  /** Writes {@code batch} with the new totals; the caller holds the lock. */
  private void commit(WriteBatch batch, QuotaUsage next, boolean flushLog) throws IOException {
    try {
      batch.put(RepoKeys.QUOTA, next.encode());
    } catch (RocksDBException e) {
      throw failure("write a batch", e);
    }
    write(batch, flushLog);
    usage = next;
  }

  /**
   * Writes {@code batch}; with {@code flushLog} also hands the log buffer to the operating system
   * (see {@link #flushLog}), which only {@link #store} leaves to its caller.
   */
  private void write(WriteBatch batch, boolean flushLog) throws IOException {
    try {
      db.write(writeOptions, batch);
    } catch (RocksDBException e) {
      throw failure("write a batch", e);
    }
    if (flushLog) {
      flushLog();
    }
  }

  private byte[] read(byte[] key) throws IOException {
    try {
      return db.get(key);
    } catch (RocksDBException e) {
      throw failure("read the repository", e);
    }
  }

  private static IOException failure(String what, RocksDBException e) {
    return new IOException("cannot " + what + ": " + e.getMessage(), e);
  }
}
