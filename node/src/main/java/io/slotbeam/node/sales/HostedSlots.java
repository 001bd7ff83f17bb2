package io.slotbeam.node.sales;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slotbeam.core.block.Block;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.erasure.LeopardDecoder;
import io.slotbeam.core.field.Fr;
import io.slotbeam.core.hash.BlockHasher;
import io.slotbeam.core.indexing.IndexingStrategy;
import io.slotbeam.core.indexing.StrategyType;
import io.slotbeam.core.manifest.Manifest;
import io.slotbeam.core.manifest.ManifestCodec;
import io.slotbeam.core.manifest.VerificationInfo;
import io.slotbeam.core.merkle.KeyedMerkleTree;
import io.slotbeam.core.slots.SlotBuilder;
import io.slotbeam.core.slots.SlotCids;
import io.slotbeam.core.slots.SlotGeometry;
import io.slotbeam.core.slots.SlotTrees;
import io.slotbeam.core.store.BlockStore;
import io.slotbeam.node.market.SlotId;
import io.slotbeam.node.market.StorageRequest;
import io.slotbeam.node.peer.NetworkStore;
import io.slotbeam.node.repo.ForwardingBlockStore;
import io.slotbeam.node.repo.RecordBatch;
import io.slotbeam.node.repo.RocksBlockStore;
import java.io.IOException;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The slots this host stores: downloading one from the client's node and checking it (nim-codex
 * {@code onStore}, spec node §7.5), raising its blocks' expiry, and the view of the repository a
 * proof of it samples. A host holds one slot of a dataset, not its whole tree, so each downloaded
 * slot is recorded under {@code /sales/slots/<slotId>}: the verifiable manifest's CID and bytes and
 * the CIDs of the slot's blocks by dataset index. The slot tree is stored under its root (as the
 * slot builder stores it), so the sampler finds it.
 */
public final class HostedSlots {
  /** Blocks per {@code onBatch} call, as nim-codex's fetch batches (§10.3). */
  static final int BATCH_BLOCKS = 128;
  private static final String PREFIX = "/sales/slots/";

  /** Told of the bytes of each batch of blocks once they are stored. */
  @FunctionalInterface
  public interface BatchListener {
    void stored(long bytes) throws IOException;
  }

  /** A recorded slot: its verifiable manifest and its blocks' CIDs by dataset index. */
  public record Slot(Cid manifestCid, Manifest manifest, int slotIndex, Map<Long, Cid> blocks) {}

  private final RocksBlockStore repo;
  private final NetworkStore network;
  private final Executor executor;
  private final BlockHasher hasher;
  private final LeopardDecoder decoder;

  /**
   * @param executor runs the slot builder's parallel hashing
   * @param decoder rebuilds the blocks of a slot under repair
   */
  public HostedSlots(RocksBlockStore repo, NetworkStore network, Executor executor, BlockHasher hasher,
      LeopardDecoder decoder) {
    this.repo = repo;
    this.network = network;
    this.executor = executor;
    this.hasher = hasher;
    this.decoder = decoder;
  }

  /**
   * Fetches the blocks of slot {@code slotIndex} of the request's dataset (its verifiable
   * manifest's indexing strategy), raising each to {@code expiry}; calls {@code onBatch} with the
   * bytes of each batch of up to {@link #BATCH_BLOCKS} blocks once they are stored; rebuilds the
   * slot tree and requires its root to be the manifest's; then records the slot. When {@code
   * repairing} (the slot was freed by slashing its host, whose blocks may be gone), the blocks are
   * rebuilt by erasure decoding from the rest of the dataset instead ({@link SlotRepair}).
   *
   * @throws SlotDownloadException if the manifest is not verifiable, the index is out of range, a
   *     repair cannot rebuild the blocks, or the root differs
   */
  public Slot download(StorageRequest request, int slotIndex, long expiry, boolean repairing, BatchListener onBatch)
      throws IOException {
    Cid manifestCid = Cid.fromBytes(request.content().cid());
    NetworkStore.Dataset dataset = network.dataset(manifestCid)
        .orElseThrow(() -> new SlotDownloadException("no peer has the manifest " + manifestCid));
    Manifest manifest = dataset.manifest();
    VerificationInfo verification = manifest.verification()
        .orElseThrow(() -> new SlotDownloadException("manifest " + manifestCid + " is not verifiable"));
    if (slotIndex < 0 || slotIndex >= verification.slotRoots().size()) {
      throw new SlotDownloadException(
          "slot " + slotIndex + " not in [0, " + verification.slotRoots().size() + ") of manifest " + manifestCid);
    }
    long[] indices = strategy(manifest, verification).indices(slotIndex);
    // a padding index past the dataset stands for an empty block: nothing to fetch
    long[] stored = Arrays.stream(indices).filter(index -> index < manifest.blocksCount()).toArray();
    Batches batches = new Batches(expiry, onBatch);
    if (repairing) {
      new SlotRepair(network, decoder, manifest).restore(stored, (index, block) -> {
        repo.store(block);
        batches.add(index, block);
      });
    } else {
      for (long index : stored) {
        batches.add(index, network.block(manifest, Math.toIntExact(index)));
      }
    }
    batches.flush();
    Slot slot = new Slot(manifestCid, manifest, slotIndex, batches.blocks);
    KeyedMerkleTree<Fr> tree = slotTree(slot, indices);
    Fr expected = SlotCids.root(verification.slotRoots().get(slotIndex));
    if (!tree.root().equals(expected)) {
      throw new SlotDownloadException(
          "Slot root mismatch: slot " + slotIndex + " of " + manifestCid + " hashes to " + tree.root()
              + ", the manifest says " + expected);
    }
    SlotTrees.put(repo, tree);
    repo.apply(new RecordBatch().put(key(request.id().slotId(slotIndex)), encode(slot, dataset.manifestBlock())));
    return slot;
  }

  /** The stored blocks of a slot by dataset index, raised to the expiry and reported in batches. */
  private final class Batches {
    final Map<Long, Cid> blocks = new LinkedHashMap<>();
    private final long expiry;
    private final BatchListener onBatch;
    private int count;
    private long bytes;

    Batches(long expiry, BatchListener onBatch) {
      this.expiry = expiry;
      this.onBatch = onBatch;
    }

    void add(long index, Block block) throws IOException {
      if (!block.cid().equals(Cid.emptyBlock())) {
        repo.ensureExpiry(block.cid(), expiry);
        bytes += block.size();
      }
      blocks.put(index, block.cid());
      if (++count == BATCH_BLOCKS) {
        flush();
      }
    }

    void flush() throws IOException {
      if (count > 0) {
        onBatch.stored(bytes);
        count = 0;
        bytes = 0;
      }
    }
  }

  /** The recorded slot, or empty when this host has not downloaded it. */
  public Optional<Slot> slot(SlotId id) throws IOException {
    Optional<byte[]> record = repo.record(key(id));
    return record.isEmpty() ? Optional.empty() : Optional.of(decode(SalesJson.parse(record.get(), "hosted slot")));
  }

  /** Raises the expiry of the slot's stored blocks to {@code expiry} (after the fill, §7.5). */
  public void updateExpiry(SlotId id, long expiry) throws IOException {
    Optional<Slot> slot = slot(id);
    if (slot.isPresent()) {
      for (Cid cid : slot.get().blocks().values()) {
        if (!cid.equals(Cid.emptyBlock()) && repo.has(cid)) {
          repo.ensureExpiry(cid, expiry);
        }
      }
    }
  }

  /**
   * The repository as the sampler of {@code slot} reads it: its blocks by dataset index come from
   * the slot's record, since the host does not store the dataset's tree.
   */
  public BlockStore proofStore(Slot slot) {
    return new SlotView(repo, slot);
  }

  private KeyedMerkleTree<Fr> slotTree(Slot slot, long[] indices) throws IOException {
    VerificationInfo verification = slot.manifest().verification().orElseThrow();
    SlotGeometry geometry =
        new SlotGeometry(slot.manifest().blockSize(), verification.cellSize(), slot.manifest().numSlotBlocks());
    SlotBuilder builder = new SlotBuilder(geometry, executor, hasher);
    return builder.build(position -> {
      Cid cid = position < indices.length ? slot.blocks().get(indices[Math.toIntExact(position)]) : null;
      if (cid == null || cid.equals(Cid.emptyBlock())) {
        return new byte[0];
      }
      return repo.get(cid).orElseThrow(() -> new SlotDownloadException("block " + cid + " vanished")).data();
    });
  }

  private static IndexingStrategy strategy(Manifest manifest, VerificationInfo verification) {
    long last = manifest.blocksCount() - 1;
    return verification.verifiableStrategy() == StrategyType.LINEAR
        ? IndexingStrategy.linear(0, last, manifest.numSlots())
        : IndexingStrategy.stepped(0, last, manifest.numSlots());
  }

  private static String key(SlotId id) {
    return PREFIX + id.hex().substring(2);
  }

  private static byte[] encode(Slot slot, Block manifestBlock) {
    ObjectNode json = SalesJson.object();
    json.put("manifestCid", slot.manifestCid().toString());
    json.put("manifest", Base64.getEncoder().encodeToString(manifestBlock.data()));
    json.put("slotIndex", slot.slotIndex());
    ArrayNode blocks = json.putArray("blocks");
    slot.blocks().forEach((index, cid) -> blocks.addObject().put("index", index).put("cid", cid.toString()));
    return SalesJson.bytes(json);
  }

  private static Slot decode(JsonNode json) {
    Cid manifestCid = Cid.parse(SalesJson.textField(json, "manifestCid", "hosted slot"));
    Manifest manifest = ManifestCodec.decode(manifestCid, Base64.getDecoder().decode(json.path("manifest").asText()));
    Map<Long, Cid> blocks = new LinkedHashMap<>();
    json.path("blocks").forEach(b -> blocks.put(b.path("index").asLong(), Cid.parse(b.path("cid").asText())));
    return new Slot(manifestCid, manifest, json.path("slotIndex").asInt(), blocks);
  }

  /** The repository, with the dataset's block list answered from one slot's record. */
  private static final class SlotView extends ForwardingBlockStore {
    private final Slot slot;

    SlotView(RocksBlockStore repo, Slot slot) {
      super(repo);
      this.slot = slot;
    }

    @Override
    public List<Cid> blockCids(Cid treeCid) {
      if (!treeCid.equals(slot.manifest().treeCid())) {
        throw new IllegalArgumentException("this host holds slot " + slot.slotIndex() + " of tree "
            + slot.manifest().treeCid() + ", not tree " + treeCid);
      }
      int size = Math.toIntExact(slot.manifest().blocksCount());
      return new AbstractList<>() {
        @Override
        public Cid get(int index) {
          Cid cid = slot.blocks().get((long) index);
          if (cid == null) {
            throw new IllegalArgumentException("block " + index + " is not in slot " + slot.slotIndex()
                + " (blocks " + slot.blocks().keySet() + ")");
          }
          return cid;
        }

        @Override
        public int size() {
          return size;
        }
      };
    }
  }
}
