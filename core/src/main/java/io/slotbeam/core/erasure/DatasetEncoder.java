package io.slotbeam.core.erasure;

import io.slotbeam.core.block.Block;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.dataset.ParallelTasks;
import io.slotbeam.core.dataset.Upload;
import io.slotbeam.core.hash.Sha256Digest;
import io.slotbeam.core.manifest.Manifest;
import io.slotbeam.core.manifest.StoredManifests;
import io.slotbeam.core.merkle.CodexTree;
import io.slotbeam.core.merkle.KeyedMerkleTree;
import io.slotbeam.core.store.BlockStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Erasure-codes a stored plain dataset as nim-codex does (spec datapath §6.2–§6.3): every stepped
 * group of K blocks, read back from the store, gets M Leopard parity blocks; padding blocks are
 * zeros for the code and the empty CID in the protected tree, never stored. Stores the parity, the
 * protected tree and the protected manifest.
 *
 * <p>Only the Stepped layout is offered: nim-codex's encoder also accepts Linear, but its groups
 * then collide and the result cannot be decoded (the quirk of spec §6.3).
 *
 * <p>Groups run on the caller's {@link Executor}; each holds K + M blocks while it runs, so memory
 * is bounded by block size and worker count, never by the dataset. Re-running stores nothing new.
 */
public final class DatasetEncoder {
  private final BlockStore store;
  private final Executor executor;
  private final LeopardEncoder leopard;

  public DatasetEncoder(BlockStore store, Executor executor, LeopardEncoder leopard) {
    this.store = store;
    this.executor = executor;
    this.leopard = leopard;
  }

  /** Protects the plain dataset of {@code plain} with K = {@code k}, M = {@code m}. */
  public Upload.Stored protect(Manifest plain, int k, int m) throws IOException {
    if (plain.isProtected()) {
      throw new IllegalArgumentException("manifest of " + plain.treeCid() + " is already protected");
    }
    ErasureParams params = new ErasureParams(k, m, plain.blockSize());
    List<Cid> dataCids = store.blockCids(plain.treeCid());
    SteppedLayout layout = new SteppedLayout(dataCids.size(), params.k(), params.m());
    Cid[] parityCids = new Cid[Math.toIntExact(layout.total() - layout.rounded())];

    ParallelTasks.forEach(
        executor, layout.steps(), group -> encodeGroup(layout, params, dataCids, group, parityCids));

    List<Cid> leaves = new ArrayList<>(Math.toIntExact(layout.total()));
    leaves.addAll(dataCids);
    for (long i = layout.originalBlocks(); i < layout.rounded(); i++) {
      leaves.add(Cid.emptyBlock());
    }
    leaves.addAll(Arrays.asList(parityCids));
    KeyedMerkleTree<Sha256Digest> tree = CodexTree.build(leaves);
    Cid treeCid = CodexTree.rootCid(tree.root());
    store.putTree(treeCid, tree);
    Manifest protectedManifest = plain.protect(params.k(), params.m(), treeCid);
    return new Upload.Stored(StoredManifests.put(store, protectedManifest), protectedManifest);
  }

  private void encodeGroup(
      SteppedLayout layout, ErasureParams params, List<Cid> dataCids, int group, Cid[] parityCids)
      throws IOException {
    long[] indices = layout.dataIndices(group);
    byte[][] data = new byte[params.k()][];
    for (int i = 0; i < indices.length; i++) {
      data[i] =
          layout.isPadding(indices[i])
              ? new byte[params.blockSize()]
              : readBlock(dataCids.get(Math.toIntExact(indices[i])), indices[i]);
    }
    byte[][] parity = leopard.encode(data, params.m());
    for (int j = 0; j < parity.length; j++) {
      Block block = Block.of(parity[j]);
      store.put(block);
      parityCids[Math.toIntExact(layout.parityIndex(group, j) - layout.rounded())] = block.cid();
    }
  }

  /** The bytes of data block {@code index}, which must be stored and intact. */
  private byte[] readBlock(Cid cid, long index) throws IOException {
    return store
        .get(cid)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "block " + index + " (" + cid + ") is missing from the store; run repair"))
        .data();
  }
}
