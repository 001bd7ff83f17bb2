package io.slotbeam.core.store;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import io.slotbeam.core.block.Block;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.hash.Sha256Digest;
import io.slotbeam.core.merkle.KeyedMerkleTree;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A {@link BlockStore} in a folder, one file per block and per tree:
 *
 * <pre>
 * DIR/blocks/ab/zDxWB8ED…   the block whose sha2-256 digest starts with byte 0xab
 * DIR/metadata/zDzSvJT…     a dataset's SHA-256 tree in the CodexTree encoding (spec §3.5)
 * DIR/metadata/zE2PfUHW…    a slot's Poseidon2 tree, for sampling
 * DIR/tmp/                  files being written
 * </pre>
 *
 * Each file is written under {@code tmp/}, forced to disk and renamed into place (one file system,
 * so the rename is atomic), so a reader never sees half a file and a crash leaves at most a
 * temporary file, which the next {@link #open} removes without walking the whole repository. Content addressing makes every write idempotent. Thread-safe.
 */
public final class FileBlockStore implements BlockStore {
  private final Path blocks;
  private final Path metadata;
  private final Path temporary;
  private final Cache<Cid, KeyedMerkleTree<Sha256Digest>> treeCache =
      CacheBuilder.newBuilder().maximumSize(8).build();

  private FileBlockStore(Path root) {
    this.blocks = root.resolve("blocks");
    this.metadata = root.resolve("metadata");
    this.temporary = root.resolve("tmp");
  }

  /** Opens (creating if needed) the store in {@code root}, removing temporary files of a crash. */
  public static FileBlockStore open(Path root) throws IOException {
    FileBlockStore store = attach(root);
    try (Stream<Path> stale = Files.list(store.temporary)) {
      for (Path file : (Iterable<Path>) stale::iterator) {
        Files.deleteIfExists(file);
      }
    }
    return store;
  }

  /**
   * The store in {@code root} as one of several writers that share it (e.g. the workers of a
   * pipeline): creates missing folders but, unlike {@link #open}, leaves {@code tmp/} alone, since
   * its files may be another writer's work in progress. Open the store once with {@link #open}
   * before starting the writers, to clean up after a crash.
   */
  public static FileBlockStore attach(Path root) throws IOException {
    FileBlockStore store = new FileBlockStore(root);
    Files.createDirectories(store.blocks);
    Files.createDirectories(store.metadata);
    Files.createDirectories(store.temporary);
    return store;
  }

  @Override
  public void put(Block block) throws IOException {
    if (block.cid().equals(Cid.emptyBlock())) {
      return;
    }
    Path path = blockPath(block.cid());
    if (!Files.exists(path)) {
      writeAtomically(path, block.buffer());
    }
  }

  @Override
  public Optional<Block> get(Cid cid) throws IOException {
    if (cid.equals(Cid.emptyBlock())) {
      return Optional.of(Block.empty());
    }
    try {
      return Optional.of(Block.verified(cid, Files.readAllBytes(blockPath(cid))));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  @Override
  public boolean has(Cid cid) {
    return cid.equals(Cid.emptyBlock()) || Files.exists(blockPath(cid));
  }

  @Override
  public void delete(Cid cid) throws IOException {
    Files.deleteIfExists(blockPath(cid));
  }

  @Override
  public void putMetadata(Cid key, byte[] bytes) throws IOException {
    Path path = metadataPath(key);
    if (!Files.exists(path)) {
      writeAtomically(path, ByteBuffer.wrap(bytes));
    }
  }

  @Override
  public Optional<byte[]> metadata(Cid key) throws IOException {
    try {
      return Optional.of(Files.readAllBytes(metadataPath(key)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  /** Decoding a large tree takes a while, so the last few are kept. */
  @Override
  public Optional<KeyedMerkleTree<Sha256Digest>> tree(Cid treeCid) throws IOException {
    KeyedMerkleTree<Sha256Digest> cached = treeCache.getIfPresent(treeCid);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<KeyedMerkleTree<Sha256Digest>> tree = BlockStore.super.tree(treeCid);
    tree.ifPresent(t -> treeCache.put(treeCid, t));
    return tree;
  }

  private Path metadataPath(Cid key) {
    return metadata.resolve(key.toString());
  }

  private Path blockPath(Cid cid) {
    byte[] digest = cid.multihash().digest();
    String fanOut = digest.length == 0 ? "00" : HexFormat.of().toHexDigits(digest[0]);
    return blocks.resolve(fanOut).resolve(cid.toString());
  }

  private void writeAtomically(Path target, ByteBuffer content) throws IOException {
    Path folder = target.getParent();
    Files.createDirectories(folder);
    Path temp = temporary.resolve(target.getFileName() + "." + UUID.randomUUID());
    try {
      try (FileChannel channel =
          FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        while (content.hasRemaining()) {
          channel.write(content);
        }
        channel.force(true);
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("the file system of " + folder + " cannot rename atomically", e);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
