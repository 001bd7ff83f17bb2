package io.slotbeam.core.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotbeam.core.block.Block;
import io.slotbeam.core.block.CorruptBlockException;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.hash.Sha256Compressor;
import io.slotbeam.core.hash.Sha256Digest;
import io.slotbeam.core.merkle.CodexTree;
import io.slotbeam.core.merkle.KeyedMerkleTree;
import java.io.IOException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link BlockStore} must do; each implementation's test extends this suite. */
public abstract class BlockStoreContract {
  protected BlockStore store;

  /** A fresh, empty store. */
  protected abstract BlockStore newStore() throws IOException;

  /** Damages the stored bytes of {@code cid} in place. */
  protected abstract void corrupt(Cid cid) throws IOException;

  @BeforeEach
  void createStore() throws IOException {
    store = newStore();
  }

  private static Block block(int seed) {
    byte[] data = new byte[256];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) (seed * 31 + i);
    }
    return Block.of(data);
  }

  @Test
  void returnsWhatWasPut() throws IOException {
    Block block = block(1);
    store.put(block);
    assertTrue(store.has(block.cid()));
    assertArrayEquals(block.data(), store.get(block.cid()).orElseThrow().data());
  }

  @Test
  void answersEmptyForAnUnknownBlock() throws IOException {
    assertFalse(store.has(block(2).cid()));
    assertTrue(store.get(block(2).cid()).isEmpty());
  }

  @Test
  void puttingTheSameBlockTwiceKeepsOneCopy() throws IOException {
    store.put(block(3));
    store.put(block(3));
    assertArrayEquals(block(3).data(), store.get(block(3).cid()).orElseThrow().data());
  }

  @Test
  void deletedBlocksAreGone() throws IOException {
    store.put(block(4));
    store.delete(block(4).cid());
    assertFalse(store.has(block(4).cid()));
    store.delete(block(4).cid());
  }

  @Test
  void emptyCidReadsAsTheZeroLengthBlockWithoutBeingStored() throws IOException {
    store.put(Block.empty());
    assertTrue(store.has(Cid.emptyBlock()));
    assertEquals(0, store.get(Cid.emptyBlock()).orElseThrow().size());
  }

  @Test
  void corruptedBlockIsReportedNotReturned() throws IOException {
    store.put(block(5));
    corrupt(block(5).cid());
    var error = assertThrows(CorruptBlockException.class, () -> store.get(block(5).cid()));
    assertTrue(error.getMessage().contains(block(5).cid().toString()), error.getMessage());
  }

  @Test
  void findsBlocksAndProofsByTreeAndIndex() throws IOException {
    List<Block> blocks = IntStream.range(0, 5).mapToObj(BlockStoreContract::block).toList();
    KeyedMerkleTree<Sha256Digest> tree = CodexTree.build(blocks.stream().map(Block::cid).toList());
    Cid treeCid = CodexTree.rootCid(tree.root());
    for (Block block : blocks) {
      store.put(block);
    }
    store.putTree(treeCid, tree);
    for (int i = 0; i < blocks.size(); i++) {
      BlockStore.Leaf leaf = store.leaf(treeCid, i).orElseThrow();
      assertEquals(blocks.get(i).cid(), leaf.blockCid());
      assertTrue(leaf.proof().verify(CodexTree.leaf(leaf.blockCid()), tree.root(), Sha256Compressor.INSTANCE));
      assertArrayEquals(blocks.get(i).data(), store.get(treeCid, i).orElseThrow().data());
    }
    assertThrows(IndexOutOfBoundsException.class, () -> store.leaf(treeCid, 5));
  }

  @Test
  void unknownTreeHasNoLeaves() throws IOException {
    Cid treeCid = CodexTree.rootCid(Sha256Digest.hash(new byte[] {1}));
    assertTrue(store.leaf(treeCid, 0).isEmpty());
    assertTrue(store.get(treeCid, 0).isEmpty());
  }

  @Test
  void refusesATreeUnderAnotherRoot() {
    KeyedMerkleTree<Sha256Digest> tree = CodexTree.build(List.of(block(1).cid()));
    Cid wrong = CodexTree.rootCid(Sha256Digest.hash(new byte[] {9}));
    assertThrows(IllegalArgumentException.class, () -> store.putTree(wrong, tree));
  }
}
