package io.slotbeam.core.merkle;

import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.cid.Multicodec;
import io.slotbeam.core.cid.Multihash;
import io.slotbeam.core.hash.Sha256Compressor;
import io.slotbeam.core.hash.Sha256Digest;
import java.util.List;

/**
 * The SHA-256 "Codex tree" over a list of blocks (spec datapath §3): leaf i is the digest inside
 * block i's sha2-256 CID (the SHA-256 of the block), and the root is named by a {@code codex-root}
 * CID.
 */
public final class CodexTree {
  private CodexTree() {}

  /** The tree over {@code blockCids}, in order. */
  public static KeyedMerkleTree<Sha256Digest> build(List<Cid> blockCids) {
    List<Sha256Digest> leaves = blockCids.stream().map(CodexTree::leaf).toList();
    return KeyedMerkleTree.build(leaves, Sha256Compressor.INSTANCE);
  }

  /** The leaf of a block: the digest inside its CID's sha2-256 multihash. */
  public static Sha256Digest leaf(Cid blockCid) {
    Multihash multihash = blockCid.multihash();
    if (multihash.codec() != Multicodec.SHA2_256) {
      throw new IllegalArgumentException(
          "Codex tree leaves need sha2-256 block CIDs, got " + multihash.codec() + " in " + blockCid);
    }
    return Sha256Digest.of(multihash.digest());
  }

  /** The {@code codex-root} CID of a tree root, the {@code treeCid} of a manifest (§3.3). */
  public static Cid rootCid(Sha256Digest root) {
    return Cid.of(Multicodec.CODEX_ROOT, Multihash.of(Multicodec.SHA2_256, root.toBytes()));
  }

  /** The block CID that a leaf names (§3.3). */
  public static Cid leafCid(Sha256Digest leaf) {
    return Cid.of(Multicodec.CODEX_BLOCK, Multihash.of(Multicodec.SHA2_256, leaf.toBytes()));
  }
}
