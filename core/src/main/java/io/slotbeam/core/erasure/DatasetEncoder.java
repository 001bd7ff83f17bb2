package io.slotbeam.core.erasure;

import io.slotbeam.core.block.Block;
import io.slotbeam.core.block.BlockRef;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.concurrent.ParallelTasks;
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
import java.util.Collections;
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
    List<List<Cid>> parity = new ArrayList<>(Collections.nCopies(layout.steps(), null));
    ParallelTasks.forEach(
        executor,
        layout.steps(),
        group -> parity.set(group, encodeGroup(groupData(layout, dataCids, group), params)));
    return storeProtected(plain, params, dataCids, parity);
  }

  /**
   * The K data blocks of erasure group {@code group}, in Leopard input order, padding included:
   * the work of one group, for callers that spread groups over workers.
   */
  public static List<BlockRef> groupData(SteppedLayout layout, List<Cid> dataCids, int group) {
    if (dataCids.size() != layout.originalBlocks()) {
      throw new IllegalArgumentException(
          dataCids.size() + " data CIDs for a layout of " + layout.originalBlocks() + " blocks");
    }
    return Arrays.stream(layout.dataIndices(group))
        .mapToObj(
            i ->
                new BlockRef(
                    i, layout.isPadding(i) ? Cid.emptyBlock() : dataCids.get(Math.toIntExact(i))))
        .toList();
  }

  /**
   * Encodes one group: reads its K data blocks from the store (zeros for padding), stores the M
   * parity blocks Leopard computes from them and returns their CIDs, parity 0 first.
   */
  public List<Cid> encodeGroup(List<BlockRef> data, ErasureParams params) throws IOException {
    if (data.size() != params.k()) {
      throw new IllegalArgumentException(data.size() + " data blocks for a group of K = " + params.k());
    }
    byte[][] shards = new byte[params.k()][];
    for (int i = 0; i < shards.length; i++) {
      shards[i] = data.get(i).isPadding() ? new byte[params.blockSize()] : readBlock(data.get(i));
    }
    List<Cid> parityCids = new ArrayList<>(params.m());
    for (byte[] parity : leopard.encode(shards, params.m())) {
      Block block = Block.of(parity);
      store.put(block);
      parityCids.add(block.cid());
    }
    return parityCids;
  }

  /**
   * The last step of {@link #protect}, for callers that encoded the groups themselves: stores the
   * protected tree (data, padding, then the parity of {@code parityByGroup.get(s)} for every group
   * {@code s} at its stepped place) and the protected manifest.
   */
  public Upload.Stored storeProtected(
      Manifest plain, ErasureParams params, List<Cid> dataCids, List<List<Cid>> parityByGroup)
      throws IOException {
    SteppedLayout layout = new SteppedLayout(dataCids.size(), params.k(), params.m());
    if (parityByGroup.size() != layout.steps()) {
      throw new IllegalArgumentException(
          "parity of " + parityByGroup.size() + " groups for a layout of " + layout.steps());
    }
    Cid[] parityCids = new Cid[Math.toIntExact(layout.total() - layout.rounded())];
    for (int group = 0; group < layout.steps(); group++) {
      List<Cid> parity = parityByGroup.get(group);
      if (parity.size() != params.m()) {
        throw new IllegalArgumentException(
            "group " + group + " has " + parity.size() + " parity blocks, not M = " + params.m());
      }
      for (int j = 0; j < params.m(); j++) {
        parityCids[Math.toIntExact(layout.parityIndex(group, j) - layout.rounded())] = parity.get(j);
      }
    }
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

  /** The bytes of a data block, which must be stored and intact. */
  private byte[] readBlock(BlockRef ref) throws IOException {
    return store
        .get(ref.cid())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "block " + ref.index() + " (" + ref.cid() + ") is missing from the store; run repair"))
        .data();
  }
}
