package io.slotbeam.core.store;

import io.slotbeam.core.block.Block;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.hash.Sha256Compressor;
import io.slotbeam.core.hash.Sha256Digest;
import io.slotbeam.core.merkle.CodexTree;
import io.slotbeam.core.merkle.CodexTreeCodec;
import io.slotbeam.core.merkle.KeyedMerkleTree;
import io.slotbeam.core.merkle.MerkleProof;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Where blocks live, addressed by CID, and where the SHA-256 trees of datasets live, so that a
 * block can also be found by its {@code (treeCid, index)} with an inclusion proof (spec datapath
 * §2.3; spec node §3).
 *
 * <p>Every block a store hands out is checked against its CID ({@link Block#verified}); stored
 * bytes that no longer match raise {@link io.slotbeam.core.block.CorruptBlockException}. The empty
 * CID (spec §1.4) always reads as the zero-length block and is never stored. Writes are atomic and
 * idempotent: putting what is already there changes nothing.
 */
public interface BlockStore {
  /** Stores {@code block} unless a block with its CID is already stored. */
  void put(Block block) throws IOException;

  /** The block named {@code cid}, or empty if it is not stored. */
  Optional<Block> get(Cid cid) throws IOException;

  /** Whether a block named {@code cid} is stored (without reading or checking it). */
  boolean has(Cid cid) throws IOException;

  /** Removes the block named {@code cid}, if stored (for repair, tests and maintenance). */
  void delete(Cid cid) throws IOException;

  /**
   * Stores {@code bytes} about the object named {@code key} (a dataset tree under its treeCid, a
   * slot tree under its slot-root CID), unless something is already stored under that key. Kept
   * apart from blocks: the same CID may name a block and its metadata.
   */
  void putMetadata(Cid key, byte[] bytes) throws IOException;

  /** The metadata stored under {@code key}, or empty. */
  Optional<byte[]> metadata(Cid key) throws IOException;

  /** Stores the SHA-256 tree whose root CID is {@code treeCid}, in the §3.5 encoding. */
  default void putTree(Cid treeCid, KeyedMerkleTree<Sha256Digest> tree) throws IOException {
    Cid actual = CodexTree.rootCid(tree.root());
    if (!actual.equals(treeCid)) {
      throw new IllegalArgumentException("tree has root " + actual + ", not " + treeCid);
    }
    putMetadata(treeCid, CodexTreeCodec.encode(tree));
  }

  /** The stored tree named {@code treeCid}, rebuilt from its leaves and checked, or empty. */
  default Optional<KeyedMerkleTree<Sha256Digest>> tree(Cid treeCid) throws IOException {
    Optional<byte[]> bytes = metadata(treeCid);
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    KeyedMerkleTree<Sha256Digest> tree = CodexTreeCodec.decode(bytes.get());
    if (!CodexTree.rootCid(tree.root()).equals(treeCid)) {
      throw new IllegalStateException("tree stored under " + treeCid + " has another root");
    }
    return Optional.of(tree);
  }

  /** The block CIDs of the stored dataset tree {@code treeCid}, in order; the tree must be stored. */
  default List<Cid> blockCids(Cid treeCid) throws IOException {
    return tree(treeCid)
        .orElseThrow(() -> new IllegalArgumentException("the store has no dataset tree " + treeCid))
        .leaves()
        .stream()
        .map(CodexTree::leafCid)
        .toList();
  }

  /** A block's CID and its proof in a stored tree. */
  record Leaf(Cid blockCid, MerkleProof<Sha256Digest> proof) {}

  /** Leaf {@code index} of the stored tree {@code treeCid}, or empty if that tree is unknown. */
  default Optional<Leaf> leaf(Cid treeCid, int index) throws IOException {
    Optional<KeyedMerkleTree<Sha256Digest>> tree = tree(treeCid);
    if (tree.isEmpty()) {
      return Optional.empty();
    }
    Sha256Digest leaf = tree.get().leaves().get(checkedIndex(index, tree.get().leafCount()));
    return Optional.of(
        new Leaf(CodexTree.leafCid(leaf), tree.get().proof(index, Sha256Compressor.INSTANCE)));
  }

  /** Block {@code index} of dataset {@code treeCid}, or empty if the tree or block is missing. */
  default Optional<Block> get(Cid treeCid, int index) throws IOException {
    Optional<Leaf> leaf = leaf(treeCid, index);
    return leaf.isEmpty() ? Optional.empty() : get(leaf.get().blockCid());
  }

  private static int checkedIndex(int index, int leafCount) {
    if (index < 0 || index >= leafCount) {
      throw new IndexOutOfBoundsException("block " + index + " not in [0, " + leafCount + ")");
    }
    return index;
  }
}
