package io.slotbeam.core.store;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.util.concurrent.UncheckedExecutionException;
import io.slotbeam.core.block.Block;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.hash.Sha256Digest;
import io.slotbeam.core.merkle.CodexTree;
import io.slotbeam.core.merkle.CodexTreeCodec;
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
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

/**
 * A {@link BlockStore} in a folder, one file per block and per tree:
 *
 * <pre>
 * DIR/blocks/ab/zDxWB8ED…   the block whose sha2-256 digest starts with byte 0xab
 * DIR/trees/zDzSvJT…        a dataset's SHA-256 tree in the CodexTree encoding (spec §3.5)
 * </pre>
 *
 * Each file is written to a temporary name in its folder, forced to disk and renamed into place,
 * so a reader never sees half a file and a crash leaves at most a temporary file, which the next
 * {@link #open} removes. Content addressing makes every write idempotent. Thread-safe.
 */
public final class FileBlockStore implements BlockStore {
  private static final String TEMP_SUFFIX = ".tmp";

  private final Path blocks;
  private final Path trees;
  private final Cache<Cid, KeyedMerkleTree<Sha256Digest>> treeCache =
      CacheBuilder.newBuilder().maximumSize(8).build();

  private FileBlockStore(Path root) {
    this.blocks = root.resolve("blocks");
    this.trees = root.resolve("trees");
  }

  /** Opens (creating if needed) the store in {@code root}, removing temporary files of a crash. */
  public static FileBlockStore open(Path root) throws IOException {
    FileBlockStore store = new FileBlockStore(root);
    Files.createDirectories(store.blocks);
    Files.createDirectories(store.trees);
    try (Stream<Path> files = Files.walk(root)) {
      for (Path stale : (Iterable<Path>) files.filter(FileBlockStore::isTemporary)::iterator) {
        Files.deleteIfExists(stale);
      }
    }
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
  public void putTree(Cid treeCid, KeyedMerkleTree<Sha256Digest> tree) throws IOException {
    Cid actual = CodexTree.rootCid(tree.root());
    if (!actual.equals(treeCid)) {
      throw new IllegalArgumentException("tree has root " + actual + ", not " + treeCid);
    }
    Path path = trees.resolve(treeCid.toString());
    if (!Files.exists(path)) {
      writeAtomically(path, ByteBuffer.wrap(CodexTreeCodec.encode(tree)));
    }
  }

  @Override
  public Optional<KeyedMerkleTree<Sha256Digest>> tree(Cid treeCid) throws IOException {
    Path path = trees.resolve(treeCid.toString());
    if (!Files.exists(path)) {
      return Optional.empty();
    }
    try {
      return Optional.of(treeCache.get(treeCid, () -> readTree(treeCid, path)));
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    } catch (UncheckedExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  private static KeyedMerkleTree<Sha256Digest> readTree(Cid treeCid, Path path) throws IOException {
    KeyedMerkleTree<Sha256Digest> tree = CodexTreeCodec.decode(Files.readAllBytes(path));
    if (!CodexTree.rootCid(tree.root()).equals(treeCid)) {
      throw new IllegalStateException("stored tree " + path + " does not have root " + treeCid);
    }
    return tree;
  }

  private Path blockPath(Cid cid) {
    byte[] digest = cid.multihash().digest();
    String fanOut = digest.length == 0 ? "00" : HexFormat.of().toHexDigits(digest[0]);
    return blocks.resolve(fanOut).resolve(cid.toString());
  }

  private static void writeAtomically(Path target, ByteBuffer content) throws IOException {
    Path folder = target.getParent();
    Files.createDirectories(folder);
    Path temp = folder.resolve("." + target.getFileName() + "." + UUID.randomUUID() + TEMP_SUFFIX);
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

  private static boolean isTemporary(Path path) {
    String name = path.getFileName().toString();
    return name.startsWith(".") && name.endsWith(TEMP_SUFFIX);
  }
}
