package io.slotbeam.node.sales;

import io.slotbeam.core.block.Block;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.erasure.LeopardDecoder;
import io.slotbeam.core.erasure.SteppedLayout;
import io.slotbeam.core.indexing.StrategyType;
import io.slotbeam.core.manifest.ErasureInfo;
import io.slotbeam.core.manifest.Manifest;
import io.slotbeam.core.merkle.CodexTree;
import io.slotbeam.node.peer.NetworkStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Rebuilds the blocks of a freed slot from the rest of its protected dataset, for a host that
 * fills a slot in state Repair: the host that held it was slashed out, so its blocks may be on no
 * peer (nim-codex {@code onStore} with {@code isRepairing}, which runs erasure {@code repair} over
 * the whole manifest: spec node §7.5, datapath §6.5).
 *
 * <p>Each column of the stepped layout (one erasure group of K + M blocks) is rebuilt from the
 * first K of its blocks that the local repository or a peer has; the rest are decoded. Only one
 * column's blocks are held at a time. Two passes keep memory at that bound and still check every
 * decoded block before anything is stored: the first rebuilds every column only to learn every
 * block's CID and requires the tree over them to be the manifest's {@code treeCid} (a block
 * fetched from a peer is also checked on its own against its proof); the second rebuilds the
 * columns again and hands out the slot's blocks, each required to have the CID the checked tree
 * names. The price is fetching those columns twice; holding the slot's decoded blocks until the
 * tree is checked would cost memory in proportion to the slot instead.
 */
final class SlotRepair {
  /** Told of each block of the slot once it is checked, with its dataset index. */
  @FunctionalInterface
  interface Sink {
    void accept(long index, Block block) throws IOException;
  }

  private final NetworkStore network;
  private final LeopardDecoder decoder;
  private final Manifest manifest;
  private final SteppedLayout layout;

  /**
   * @throws SlotDownloadException if {@code manifest} is not protected with the stepped layout,
   *     the only one nim-codex decodes (datapath §6.3)
   */
  SlotRepair(NetworkStore network, LeopardDecoder decoder, Manifest manifest) {
    this.network = network;
    this.decoder = decoder;
    this.manifest = manifest;
    ErasureInfo erasure = manifest.erasure().orElseThrow(() -> new SlotDownloadException(
        "manifest of " + manifest.treeCid() + " is not protected: a freed slot cannot be repaired without parity"));
    if (erasure.protectedStrategy() != StrategyType.STEPPED) {
      throw new SlotDownloadException("manifest of " + manifest.treeCid() + " uses the "
          + erasure.protectedStrategy() + " erasure layout: only Stepped can be decoded");
    }
    this.layout = new SteppedLayout(manifest.originalBlocksCount(), erasure.ecK(), erasure.ecM());
    if (layout.total() != manifest.blocksCount()) {
      throw new SlotDownloadException("manifest of " + manifest.treeCid() + " has " + manifest.blocksCount()
          + " blocks, but its erasure layout (K = " + layout.k() + ", M = " + layout.m() + ") has " + layout.total());
    }
  }

  /**
   * Hands {@code sink} each block of the dataset at {@code indices}, fetched or decoded, once the
   * whole tree is checked; nothing is handed out if any column cannot be rebuilt or the tree
   * differs.
   *
   * @throws SlotDownloadException if a column has fewer than K blocks on any peer, or the rebuilt
   *     blocks do not give the manifest's tree
   */
  void restore(long[] indices, Sink sink) throws IOException {
    Cid[] cids = new Cid[Math.toIntExact(layout.total())];
    for (int column = 0; column < layout.steps(); column++) {
      long[] group = layout.groupIndices(column);
      Block[] blocks = rebuild(column, group);
      for (int r = 0; r < group.length; r++) {
        cids[Math.toIntExact(group[r])] = blocks[r].cid();
      }
    }
    Cid root = CodexTree.rootCid(CodexTree.build(Arrays.asList(cids)).root());
    if (!root.equals(manifest.treeCid())) {
      throw new SlotDownloadException("the blocks rebuilt by erasure decoding give tree " + root
          + ", not the manifest's " + manifest.treeCid() + ": the dataset's parity does not match its data");
    }
    Set<Long> wanted = new HashSet<>();
    for (long index : indices) {
      wanted.add(index);
    }
    for (int column = 0; column < layout.steps(); column++) {
      long[] group = layout.groupIndices(column);
      if (Arrays.stream(group).noneMatch(wanted::contains)) {
        continue;
      }
      Block[] blocks = rebuild(column, group);
      for (int r = 0; r < group.length; r++) {
        if (wanted.contains(group[r])) {
          Cid expected = cids[Math.toIntExact(group[r])];
          if (!blocks[r].cid().equals(expected)) {
            throw new SlotDownloadException("block " + group[r] + " rebuilt again is " + blocks[r].cid()
                + ", not the " + expected + " the checked tree names: a peer answers differently now");
          }
          sink.accept(group[r], blocks[r]);
        }
      }
    }
  }

  /**
   * Every block of one column, from its first K available blocks: padding is the zero block (the
   * empty CID), the others come from the repository or a peer until K are present; the rest are
   * decoded.
   */
  private Block[] rebuild(int column, long[] group) throws IOException {
    int blockSize = manifest.blockSize();
    byte[][] shards = new byte[group.length][];
    Block[] blocks = new Block[group.length];
    List<Long> absent = new ArrayList<>();
    int present = 0;
    for (int r = 0; r < group.length && present < layout.k(); r++) {
      Optional<Block> block = layout.isPadding(group[r])
          ? Optional.of(Block.empty())
          : network.fetch(manifest, Math.toIntExact(group[r]));
      if (block.isEmpty()) {
        absent.add(group[r]);
        continue;
      }
      blocks[r] = block.get();
      shards[r] = block.get().cid().equals(Cid.emptyBlock()) ? new byte[blockSize] : block.get().data();
      present++;
    }
    if (present < layout.k()) {
      throw new SlotDownloadException("cannot repair column " + column + " of " + manifest.treeCid() + ": only "
          + present + " of its " + group.length + " blocks are on any peer (K = " + layout.k() + ", M = " + layout.m()
          + ": at least " + layout.k() + " are needed); blocks " + absent + " are on no peer");
    }
    if (present < group.length) {
      decoder.reconstruct(shards, layout.k(), layout.m());
    }
    for (int r = 0; r < group.length; r++) {
      if (blocks[r] == null) {
        blocks[r] = layout.isPadding(group[r]) ? Block.empty() : Block.of(shards[r]);
      }
    }
    return blocks;
  }
}
