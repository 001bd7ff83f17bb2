package io.slotbeam.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotbeam.core.block.Block;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.hash.Sha256Digest;
import io.slotbeam.core.merkle.CodexTree;
import io.slotbeam.core.merkle.KeyedMerkleTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBlockStoreTest extends BlockStoreContract {
  @TempDir Path root;

  @Override
  protected BlockStore newStore() throws IOException {
    return FileBlockStore.open(root);
  }

  @Override
  protected void corrupt(Cid cid) throws IOException {
    try (Stream<Path> files = Files.walk(root.resolve("blocks"))) {
      Path file = files.filter(p -> p.getFileName().toString().equals(cid.toString())).findFirst().orElseThrow();
      byte[] bytes = Files.readAllBytes(file);
      bytes[0] ^= 1;
      Files.write(file, bytes);
    }
  }

  @Test
  void leavesNoTemporaryFilesBehind() throws IOException {
    store.put(Block.of(new byte[] {1, 2, 3}));
    store.putMetadata(Block.of(new byte[] {4}).cid(), new byte[] {5});
    assertEquals(0, temporaryFiles());
  }

  @Test
  void reopeningRemovesTemporaryFilesOfACrashAndKeepsBlocks() throws IOException {
    Block block = Block.of(new byte[] {4, 5, 6});
    store.put(block);
    Path stale = root.resolve("tmp").resolve("zDxWB8ED-half-written.1234");
    Files.write(stale, new byte[] {0});
    BlockStore reopened = FileBlockStore.open(root);
    assertFalse(Files.exists(stale));
    assertTrue(reopened.has(block.cid()));
  }

  @Test
  void attachingLeavesAnotherWritersTemporaryFilesAlone() throws IOException {
    Path inProgress = root.resolve("tmp").resolve("zDxWB8ED-being-written.5678");
    Files.write(inProgress, new byte[] {0});
    BlockStore attached = FileBlockStore.attach(root);
    assertTrue(Files.exists(inProgress));
    Block block = Block.of(new byte[] {7});
    attached.put(block);
    assertTrue(store.has(block.cid()), "both handles see one repository");
  }

  @Test
  void aBatchShowsNothingBeforeItsCommitAndEveryBlockAfter() throws IOException {
    List<Block> blocks = IntStream.range(0, 6).mapToObj(i -> Block.of(new byte[] {9, (byte) i})).toList();
    FileBlockStore files = FileBlockStore.open(root);
    ExecutorService disk = Executors.newFixedThreadPool(3);
    try (FileBlockStore.Batch batch = files.batch()) {
      for (Block block : blocks) {
        batch.add(block);
      }
      batch.add(blocks.get(0)); // twice in one batch: one file
      batch.add(Block.empty());
      for (Block block : blocks) {
        assertFalse(store.has(block.cid()), "before the commit");
      }
      assertEquals(7, temporaryFiles());
      batch.commit(disk);
    } finally {
      disk.shutdownNow();
    }
    for (Block block : blocks) {
      assertEquals(block.cid(), store.get(block.cid()).orElseThrow().cid());
    }
    assertEquals(0, temporaryFiles());
  }

  @Test
  void closingAnUncommittedBatchLeavesNeitherBlocksNorTemporaryFiles() throws IOException {
    Block block = Block.of(new byte[] {10, 11});
    try (FileBlockStore.Batch batch = FileBlockStore.open(root).batch()) {
      batch.add(block);
      assertEquals(1, temporaryFiles());
    }
    assertFalse(store.has(block.cid()));
    assertEquals(0, temporaryFiles());
  }

  private long temporaryFiles() throws IOException {
    try (Stream<Path> files = Files.list(root.resolve("tmp"))) {
      return files.count();
    }
  }

  @Test
  void treesSurviveReopening() throws IOException {
    KeyedMerkleTree<Sha256Digest> tree = CodexTree.build(List.of(Block.of(new byte[] {7}).cid()));
    Cid treeCid = CodexTree.rootCid(tree.root());
    store.putTree(treeCid, tree);
    assertEquals(tree.root(), FileBlockStore.open(root).tree(treeCid).orElseThrow().root());
  }

  @Test
  void tamperedTreeFileIsAnError() throws IOException {
    List<Cid> cids = List.of(Block.of(new byte[] {7}).cid(), Block.of(new byte[] {8}).cid());
    KeyedMerkleTree<Sha256Digest> tree = CodexTree.build(cids);
    Cid treeCid = CodexTree.rootCid(tree.root());
    store.putTree(treeCid, tree);
    Path file = root.resolve("metadata").resolve(treeCid.toString());
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 1] ^= 1; // the root node's last byte
    Files.write(file, bytes);
    assertThrows(RuntimeException.class, () -> FileBlockStore.open(root).tree(treeCid));
  }
}
