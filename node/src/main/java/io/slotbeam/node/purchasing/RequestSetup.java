package io.slotbeam.node.purchasing;

import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.dataset.Upload;
import io.slotbeam.core.erasure.DatasetEncoder;
import io.slotbeam.core.erasure.ErasureParams;
import io.slotbeam.core.erasure.InvalidErasureParamsException;
import io.slotbeam.core.erasure.LeopardEncoder;
import io.slotbeam.core.erasure.SteppedLayout;
import io.slotbeam.core.hash.BlockHasher;
import io.slotbeam.core.manifest.Manifest;
import io.slotbeam.core.manifest.StoredManifests;
import io.slotbeam.core.manifest.VerificationInfo;
import io.slotbeam.core.slots.DatasetSlots;
import io.slotbeam.core.slots.SlotGeometry;
import io.slotbeam.node.market.Ask;
import io.slotbeam.node.market.Content;
import io.slotbeam.node.market.MarketConfig;
import io.slotbeam.node.repo.RocksBlockStore;
import io.slotbeam.node.repo.UndoableWrites;
import java.io.IOException;
import java.util.concurrent.Executor;

/**
 * Turns a stored dataset and a client's parameters into what a storage request carries (nim-codex
 * {@code setupRequest}, spec node §2.5): checks the parameters, erasure-codes the dataset with K =
 * {@code nodes − tolerance}, M = {@code tolerance} and builds its slots with the same core code as
 * {@code slotbeam encode} ({@link DatasetEncoder}, {@link DatasetSlots}), storing the protected and
 * the verifiable manifests; the ask takes its slots and slot size from the verifiable dataset, the
 * content its CID and verify root. {@link #estimate} works out the same ask without encoding.
 *
 * <p>A failed encode takes back the blocks and trees it stored, so a refused request does not eat
 * the quota. Groups and slots run on the caller's executor.
 */
public final class RequestSetup {
  /** The ask, content and expiry of a request, before the purchase adds nonce and client. */
  public record Prepared(Cid verifiableCid, Ask ask, Content content, long expiry) {}

  private final RocksBlockStore store;
  private final Executor workers;
  private final BlockHasher hasher;

  public RequestSetup(RocksBlockStore store, Executor workers, BlockHasher hasher) {
    this.store = store;
    this.workers = workers;
    this.hasher = hasher;
  }

  /** The request's numbers for the dataset {@code cid}, after every check, storing nothing. */
  public Estimate estimate(Cid cid, StorageRequestParams params, MarketConfig config)
      throws IOException {
    Manifest plain = checkedManifest(cid, params, config);
    SteppedLayout layout = new SteppedLayout(plain.blocksCount(), params.ecK(), params.ecM());
    SlotGeometry geometry =
        new SlotGeometry(plain.blockSize(), VerificationInfo.DEFAULT_CELL_SIZE, layout.steps());
    return Estimate.of(ask(params, params.nodes(), geometry.slotBytes()), params.ecK(), params.ecM(), config);
  }

  /** Encodes the dataset {@code cid}, builds its slots, and returns what the request carries. */
  public Prepared prepare(Cid cid, StorageRequestParams params, MarketConfig config)
      throws IOException {
    Manifest plain = checkedManifest(cid, params, config);
    UndoableWrites writes = new UndoableWrites(store);
    DatasetSlots.Built verifiable;
    try {
      Upload.Stored protectedDataset =
          new DatasetEncoder(writes, workers, LeopardEncoder.fastest())
              .protect(plain, params.ecK(), params.ecM());
      verifiable =
          new DatasetSlots(writes, workers, hasher)
              .build(protectedDataset.manifest(), VerificationInfo.DEFAULT_CELL_SIZE);
      store.sync();
    } catch (IOException | RuntimeException e) {
      writes.undo();
      throw e;
    }
    Manifest manifest = verifiable.verifiable().manifest();
    long slotSize = DatasetSlots.geometry(manifest, VerificationInfo.DEFAULT_CELL_SIZE).slotBytes();
    Cid verifiableCid = verifiable.verifiable().manifestCid();
    Content content = new Content(verifiableCid.toBytes(), verifiable.verifyRoot().toBytes());
    return new Prepared(verifiableCid, ask(params, manifest.numSlots(), slotSize), content, params.expiry());
  }

  /**
   * The plain manifest of {@code cid} once the parameters pass spec node §2.5 in order: items 2–9,
   * then the dataset must have at least K blocks (item 10) and fit Leopard's limits.
   *
   * @throws InvalidPurchaseException naming the first rule broken
   */
  private Manifest checkedManifest(Cid cid, StorageRequestParams params, MarketConfig config)
      throws IOException {
    params.check(config.requestDurationLimit());
    Manifest plain = StoredManifests.get(store, cid);
    if (plain.isProtected()) {
      throw new InvalidPurchaseException(
          "Dataset " + cid + " is already erasure-coded; request storage for its original manifest");
    }
    if (plain.blocksCount() < params.ecK()) {
      throw new InvalidPurchaseException(
          "Dataset too small for erasure parameters, need at least "
              + (long) params.ecK() * plain.blockSize() + " bytes");
    }
    try {
      new ErasureParams(params.ecK(), params.ecM(), plain.blockSize());
    } catch (InvalidErasureParamsException e) {
      throw new InvalidPurchaseException("Invalid parameters: " + e.getMessage());
    }
    return plain;
  }

  /** The ask of spec node §2.5: one slot per node, {@code maxSlotLoss = tolerance}. */
  private static Ask ask(StorageRequestParams params, long slots, long slotSize) {
    return new Ask(
        params.proofProbability(),
        params.pricePerBytePerSecond(),
        params.collateralPerByte(),
        slots,
        slotSize,
        params.duration(),
        params.tolerance());
  }
}
