package io.slotbeam.core.slots;

import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.cid.Multicodec;
import io.slotbeam.core.field.Fr;
import io.slotbeam.core.merkle.KeyedMerkleTree;
import io.slotbeam.core.merkle.TreeCodec;
import io.slotbeam.core.store.BlockStore;
import java.io.IOException;

/**
 * Slot trees kept in a {@link BlockStore} as metadata under their slot-root CID, in the §3.5 tree
 * encoding with LE32 nodes and hash codec 0x00, as nim-codex marks its Poseidon2 proofs (spec
 * datapath §5.7). What sampling needs later without rebuilding the dataset.
 */
public final class SlotTrees {
  private SlotTrees() {}

  public static void put(BlockStore store, KeyedMerkleTree<Fr> slotTree) throws IOException {
    store.putMetadata(
        SlotCids.slotRoot(slotTree.root()), TreeCodec.encode(Multicodec.IDENTITY, slotTree, Fr::toBytes));
  }

  /**
   * The stored tree of the slot named {@code slotRootCid}. Its nodes are trusted as stored; every
   * path taken from it is checked against the slot root by whoever uses it.
   */
  public static KeyedMerkleTree<Fr> get(BlockStore store, Cid slotRootCid) throws IOException {
    byte[] bytes =
        store
            .metadata(slotRootCid)
            .orElseThrow(
                () -> new IllegalStateException("the store has no slot tree for " + slotRootCid));
    KeyedMerkleTree<Fr> tree =
        KeyedMerkleTree.fromLayers(TreeCodec.decodeLayers(bytes, Multicodec.IDENTITY, Fr::fromBytes));
    if (!tree.root().equals(SlotCids.root(slotRootCid))) {
      throw new IllegalStateException("slot tree stored under " + slotRootCid + " has another root");
    }
    return tree;
  }
}
