package io.slotbeam.node.peer;

import io.slotbeam.core.block.Block;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.cid.Multicodec;
import io.slotbeam.core.manifest.InvalidManifestException;
import io.slotbeam.core.manifest.Manifest;
import io.slotbeam.core.manifest.ManifestCodec;
import io.slotbeam.core.merkle.CodexTree;
import io.slotbeam.node.repo.RocksBlockStore;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * The local repository first, then the peers (nim-codex's {@code NetworkStore}, spec node §3.5,
 * with peers' REST APIs in place of libp2p block exchange). Every block fetched from a peer is
 * checked against the tree ({@link PeerClient}) and stored before it is used. A dataset becomes
 * local only when all its blocks are: then its tree and manifest are stored, so a partial download
 * never shows up in the listing.
 */
public final class NetworkStore {
  private static final System.Logger LOG = System.getLogger(NetworkStore.class.getName());

  /** A manifest, its CID, and the block it was decoded from. */
  public record Dataset(Cid manifestCid, Block manifestBlock, Manifest manifest) {}

  private final RocksBlockStore store;
  private final Peers peers;
  private final PeerClient client = new PeerClient();
  private final Set<Cid> downloading = ConcurrentHashMap.newKeySet();

  public NetworkStore(RocksBlockStore store, Peers peers) {
    this.store = store;
    this.peers = peers;
  }

  /** The dataset named {@code manifestCid} if its manifest is stored locally. */
  public Optional<Dataset> localDataset(Cid manifestCid) throws IOException {
    requireManifestCid(manifestCid);
    Optional<Block> block = store.get(manifestCid);
    return block.isEmpty() ? Optional.empty() : Optional.of(decode(manifestCid, block.get()));
  }

  /**
   * The dataset named {@code manifestCid}, from the local repository or else the first peer that
   * has its manifest, or empty if none has.
   *
   * @throws PeerException if a peer sent bytes that are not that manifest
   * @throws InvalidManifestException if the manifest that hashes to {@code manifestCid} does not
   *     decode, or names no blocks
   */
  public Optional<Dataset> dataset(Cid manifestCid) throws IOException {
    Optional<Dataset> local = localDataset(manifestCid);
    if (local.isPresent()) {
      return local;
    }
    for (URI peer : peers.list()) {
      Optional<Block> block = client.block(peer, manifestCid);
      if (block.isPresent()) {
        return Optional.of(decode(manifestCid, block.get()));
      }
    }
    return Optional.empty();
  }

  /** The CID of block {@code index} of the dataset if both its leaf record and the block are here. */
  public Optional<Cid> localBlockCid(Manifest manifest, int index) throws IOException {
    Optional<Cid> cid = store.leafCid(manifest.treeCid(), index);
    return cid.isPresent() && store.has(cid.get()) ? cid : Optional.empty();
  }

  /** Whether the dataset is local: its manifest is stored only once all its blocks are. */
  public boolean isComplete(Dataset dataset) throws IOException {
    return store.has(dataset.manifestCid());
  }

  /** Block {@code index} of the dataset if it is stored locally (its leaf record and its bytes). */
  public Optional<Block> localBlock(Manifest manifest, int index) throws IOException {
    Optional<Cid> cid = store.leafCid(manifest.treeCid(), index);
    return cid.isEmpty() ? Optional.empty() : store.get(cid.get());
  }

  /**
   * Block {@code index} of the dataset: the local one, or else fetched from the first peer that
   * has it, checked and stored.
   *
   * @throws PeerException if no peer has it or a peer sent a block that fails its checks (its CID,
   *     its proof, or the manifest's block size)
   */
  public Block block(Manifest manifest, int index) throws IOException {
    Optional<Block> local = localBlock(manifest, index);
    if (local.isPresent()) {
      return local.get();
    }
    Block block = fromPeers(manifest, index).orElseThrow(() -> new PeerException(
        "no peer has block " + index + " of tree " + manifest.treeCid() + " (peers: " + peers.list() + ")"));
    store.store(block);
    return block;
  }

  /**
   * Block {@code index} of the dataset, the local one or else fetched from the first peer that has
   * it and checked as {@link #block} checks it, but not stored; empty if no peer has it. For a
   * caller that needs a block only to compute others from it (erasure repair).
   *
   * @throws PeerException if a peer sent a block that fails its checks
   */
  public Optional<Block> fetch(Manifest manifest, int index) throws IOException {
    Optional<Block> local = localBlock(manifest, index);
    return local.isPresent() ? local : fromPeers(manifest, index);
  }

  private Optional<Block> fromPeers(Manifest manifest, int index) throws IOException {
    for (URI peer : peers.list()) {
      Optional<Block> fetched = client.leafBlock(peer, manifest.treeCid(), index, manifest.blocksCount());
      if (fetched.isPresent()) {
        Block block = fetched.get();
        // its CID is in the tree, but a manifest can name a block size its tree does not have
        if (!manifest.fitsBlockSize(block.cid(), block.size())) {
          throw new PeerException(
              "block " + index + " of tree " + manifest.treeCid() + " from peer " + peer + " has " + block.size()
                  + " bytes, not the manifest's blockSize " + manifest.blockSize());
        }
        return fetched;
      }
    }
    return Optional.empty();
  }

  /**
   * Records a dataset whose blocks are all stored: its tree over {@code blockCids}, checked against
   * the manifest's treeCid, and its manifest block; then forces both to disk.
   */
  public void complete(Dataset dataset, List<Cid> blockCids) throws IOException {
    store.storeTree(dataset.manifest().treeCid(), CodexTree.build(blockCids));
    store.store(dataset.manifestBlock());
    store.sync();
  }

  /** Fetches every missing block of the dataset, then {@link #complete}s it. */
  public void download(Dataset dataset) throws IOException {
    List<Cid> cids = new ArrayList<>();
    for (int i = 0; i < dataset.manifest().blocksCount(); i++) {
      cids.add(block(dataset.manifest(), i).cid());
    }
    complete(dataset, cids);
  }

  /** Starts {@link #download} on {@code executor} unless that dataset is already downloading. */
  public void downloadInBackground(Dataset dataset, Executor executor) {
    if (!downloading.add(dataset.manifestCid())) {
      return;
    }
    executor.execute(
        () -> {
          try {
            download(dataset);
          } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "download of " + dataset.manifestCid() + " failed: " + e.getMessage(), e);
          } finally {
            downloading.remove(dataset.manifestCid());
          }
        });
  }

  /**
   * The dataset of a manifest block. A manifest of zero blocks is well formed but names nothing to
   * download (Codex refuses empty uploads), so it is refused here, before anything is fetched.
   */
  private static Dataset decode(Cid manifestCid, Block block) {
    Manifest manifest = ManifestCodec.decode(manifestCid, block.data());
    if (manifest.blocksCount() == 0) {
      throw new InvalidManifestException(
          "The requested CID could not be retrieved (manifest " + manifestCid + " has datasetSize 0: no blocks).");
    }
    return new Dataset(manifestCid, block, manifest);
  }

  private static void requireManifestCid(Cid cid) {
    if (cid.contentCodec() != Multicodec.CODEX_MANIFEST) {
      throw new InvalidManifestException(
          "The requested CID could not be retrieved (" + cid + " is a " + cid.contentCodec()
              + " CID, not a manifest: only datasets are downloaded).");
    }
  }
}
