package io.slotbeam.node.purchasing;

import static io.slotbeam.node.rest.NodeClient.json;
import static io.slotbeam.node.rest.NodeClient.random;
import static io.slotbeam.node.rest.NodeClient.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.slotbeam.core.block.Chunker;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.dataset.Upload;
import io.slotbeam.core.erasure.DatasetEncoder;
import io.slotbeam.core.erasure.LeopardEncoder;
import io.slotbeam.core.groth16.G1Point;
import io.slotbeam.core.groth16.G2Point;
import io.slotbeam.core.groth16.Proof;
import io.slotbeam.core.hash.BlockHasher;
import io.slotbeam.core.manifest.Manifest;
import io.slotbeam.core.manifest.StoredManifests;
import io.slotbeam.core.manifest.VerificationInfo;
import io.slotbeam.core.slots.DatasetSlots;
import io.slotbeam.core.store.InMemoryBlockStore;
import io.slotbeam.node.Node;
import io.slotbeam.node.NodeConfig;
import io.slotbeam.node.market.Ask;
import io.slotbeam.node.market.ManualClock;
import io.slotbeam.node.market.MarketException;
import io.slotbeam.node.market.MockMarket;
import io.slotbeam.node.market.RequestId;
import io.slotbeam.node.market.StorageRequest;
import io.slotbeam.node.market.StorageRequestJson;
import io.slotbeam.node.rest.NodeClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Purchasing through a real node's REST API on loopback, over the in-memory market and a manual
 * clock: nim-codex's checks and messages, the purchase's states as events arrive and deadlines
 * pass, restarts, and the dry run's numbers against the spec's formulas worked by hand.
 */
class PurchasingTest {
  private static final int BLOCK = Chunker.DEFAULT_BLOCK_SIZE;
  private static final long PERIOD = 60;
  private static final long START = 1_800_000_000;
  private static final String CLIENT = "0x" + "Ab".repeat(20);
  /** The in-memory market takes any proof. */
  private static final Proof ANY_PROOF = new Proof(G1Point.INFINITY, G2Point.INFINITY, G1Point.INFINITY);
  /** 1200 s at 7 per byte per second, a proof every 4 periods, collateral 5 per byte; 3 nodes, 1 may fail. */
  private static final String VALID =
      "{\"duration\": 1200, \"pricePerBytePerSecond\": \"7\", \"proofProbability\": \"4\","
          + " \"collateralPerByte\": 5, \"expiry\": 300, \"nodes\": 3, \"tolerance\": 1}";

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock(START);
  private final MockMarket market = new MockMarket(MockMarket.config(PERIOD), CLIENT, clock);
  private Node node;
  private NodeClient client;

  private NodeConfig config(long quota) {
    return new NodeConfig(
        dir.resolve("data"), "127.0.0.1", 0, quota, NodeConfig.DEFAULT_BLOCK_TTL,
        NodeConfig.DEFAULT_MAINTENANCE_INTERVAL, 1000, List.of());
  }

  private NodeConfig config() {
    return config(NodeConfig.DEFAULT_QUOTA);
  }

  private void start() throws IOException {
    start(config());
  }

  private void start(NodeConfig config) throws IOException {
    node = Node.start(config, Clock.systemUTC(), market, clock);
    client = new NodeClient(node.baseUrl());
  }

  private void restart() throws IOException {
    node.close();
    start();
  }

  @AfterEach
  void stop() {
    if (node != null) {
      node.close();
    }
  }

  /** Three blocks of data, the last one short: with K = 2, M = 1, slots of 2 blocks. */
  private static byte[] dataset() {
    return random(11, 3 * BLOCK - 100);
  }

  private HttpResponse<byte[]> post(String path, String body) throws IOException {
    return client.send("POST", path, body.getBytes(StandardCharsets.UTF_8));
  }

  private static void assertAnswer(int status, String message, HttpResponse<byte[]> response) {
    assertEquals(status, response.statusCode(), text(response));
    assertEquals(message, text(response));
  }

  private RequestId purchase(String cid) throws IOException {
    HttpResponse<byte[]> response = post("storage/request/" + cid, VALID);
    assertEquals(200, response.statusCode(), text(response));
    assertTrue(text(response).matches("[0-9a-f]{64}"), text(response)); // no 0x (spec node §12.2)
    return RequestId.fromHex(text(response));
  }

  private JsonNode purchaseJson(RequestId id) throws IOException {
    return json(client.get("storage/purchases/" + id.hex()));
  }

  private JsonNode awaitState(RequestId id, String state) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    JsonNode purchase = purchaseJson(id);
    while (!purchase.get("state").asText().equals(state)) {
      assertTrue(System.nanoTime() < deadline, "purchase still " + purchase + ", not " + state);
      Thread.sleep(5);
      purchase = purchaseJson(id);
    }
    return purchase;
  }

  /** A request of this node's signer, made without this node's knowledge. */
  private static StorageRequest ownRequest(int seed) {
    StorageRequest other = PurchaseStoreTest.request(seed);
    return new StorageRequest(CLIENT, other.ask(), other.content(), other.expiry(), other.nonce());
  }

  private void fillEverySlot(RequestId id) {
    StorageRequest request = market.getRequest(id).orElseThrow();
    for (int i = 0; i < request.ask().slots(); i++) {
      market.reserveSlot(id, i);
      market.fillSlot(id, i, ANY_PROOF, request.ask().collateralPerSlot());
    }
  }

  private long withdrawals(RequestId id) {
    return market.transactions().stream().filter(t -> t.equals("withdrawFunds " + id.hex())).count();
  }

  @Test
  void everyBadRequestGetsNimCodexsStatusAndMessageInNimCodexsOrder() throws IOException {
    start();
    String cid = client.upload(dataset());
    String tiny = client.upload(random(12, BLOCK)); // one block: too small for K = 2
    JsonNode spaceBefore = json(client.get("space"));
    String path = "storage/request/" + cid;

    assertAnswer(400, "Incorrect Cid", post("storage/request/notacid", VALID));
    assertEquals(400, post(path, "{\"duration\":").statusCode());
    // "{" in UTF-32BE (Jackson detects it by the three zero bytes), then a code point beyond U+10FFFF
    HttpResponse<byte[]> badUtf32 = client.send("POST", path, new byte[] {0, 0, 0, '{', 0x7f, -1, -1, -1});
    assertEquals(400, badUtf32.statusCode(), text(badUtf32));
    assertTrue(text(badUtf32).startsWith("the body is not JSON: ") && text(badUtf32).contains("UTF-32"),
        text(badUtf32));
    assertAnswer(400, "the body must be a JSON object of storage request parameters", post(path, "[1]"));
    assertAnswer(400, "Parsed integer outside of valid range", post(path, "{\"duration\": -5}"));
    assertAnswer(400, "Parsed integer outside of valid range", post(path, "{\"proofProbability\": \"-1\"}"));
    assertAnswer(400, "Parsed integer outside of valid range", post(path, "{\"collateralPerByte\": \"0x1" + "0".repeat(64) + "\"}"));
    assertAnswer(400, "nodes must be an unsigned integer, not \"three\"", post(path, "{\"nodes\": \"three\"}"));
    assertAnswer(400, "dryRun must be true or false, not 'maybe'", post(path + "?dryRun=maybe", VALID));

    // Each step mends the rule the step before broke, so each answer shows the next rule in line.
    String expiryRule = "Expiry must be greater than zero and less than the request's duration";
    assertAnswer(422, expiryRule, post(path, "{}"));
    assertAnswer(422, expiryRule, post(path, "{\"duration\": 2592001, \"expiry\": 2592001}"));
    assertAnswer(422, "Proof probability must be greater than zero",
        post(path, "{\"duration\": 2592001, \"expiry\": 300}"));
    assertAnswer(422, "Collateral per byte must be greater than zero",
        post(path, "{\"duration\": 2592001, \"expiry\": 300, \"proofProbability\": \"0b100\"}"));
    assertAnswer(422, "Price per byte per second must be greater than zero",
        post(path, "{\"duration\": \"2592001\", \"expiry\": 300, \"proofProbability\": 4, \"collateralPerByte\": \"0o5\"}"));
    String paid = "\"expiry\": 300, \"proofProbability\": 4, \"collateralPerByte\": 5, \"pricePerBytePerSecond\": \"0x7\"";
    assertAnswer(422, "Duration exceeds limit of 2592000 seconds", post(path, "{\"duration\": 2592001, " + paid + "}"));
    assertAnswer(422, "Tolerance needs to be bigger then zero",
        post(path, "{\"duration\": 1200, " + paid + ", \"tolerance\": 0}"));
    assertAnswer(422, "Invalid parameters: `tolerance` cannot be greater than `nodes`",
        post(path, "{\"duration\": 1200, " + paid + ", \"nodes\": 3, \"tolerance\": 4}"));
    String shape = "Invalid parameters: parameters must satify `1 < (nodes - tolerance) ≥ tolerance`";
    assertAnswer(422, shape, post(path, "{\"duration\": 1200, " + paid + ", \"nodes\": 3, \"tolerance\": 2}"));
    assertAnswer(422, shape, post(path, "{\"duration\": 1200, " + paid + ", \"nodes\": 5, \"tolerance\": 3}"));
    assertAnswer(422, shape, post(path, "{\"duration\": 1200, " + paid + ", \"nodes\": 2}"));
    assertAnswer(422, "Dataset too small for erasure parameters, need at least 131072 bytes",
        post("storage/request/" + tiny, "{\"duration\": 1200, " + paid + "}"));
    assertAnswer(422, "Dataset too small for erasure parameters, need at least 131072 bytes",
        post("storage/request/" + tiny + "?dryRun=true", "{\"duration\": 1200, " + paid + "}"));

    String unknown = Upload.store(new ByteArrayInputStream(random(13, 10)), BLOCK, Optional.empty(), Optional.empty(), new InMemoryBlockStore())
        .manifestCid().toString();
    assertEquals(404, post("storage/request/" + unknown, VALID).statusCode());

    assertAnswer(400, "request id 'xyz' is not 32 bytes of hex (64 digits)", client.get("storage/purchases/xyz"));
    HttpResponse<byte[]> missing = client.get("storage/purchases/0x" + "00".repeat(32));
    assertEquals(404, missing.statusCode());
    assertEquals(0, missing.body().length);

    assertEquals(List.of(), market.transactions());
    assertEquals(spaceBefore, json(client.get("space")));
    assertEquals(0, json(client.get("storage/purchases")).size());
  }

  @Test
  void anEncodingTheQuotaCannotHoldIsRefusedWith507AndLeavesNothingBehind() throws IOException {
    // Room for 4 uploaded blocks and one more, not for the 2 parity blocks of K = 2, M = 1. (With
    // 3 blocks the second group is block 1 and padding, whose XOR parity is block 1 itself.)
    start(config(5L * BLOCK + 4096));
    String cid = client.upload(random(14, 4 * BLOCK));
    JsonNode spaceBefore = json(client.get("space"));
    HttpResponse<byte[]> refused = post("storage/request/" + cid, VALID);
    assertEquals(507, refused.statusCode(), text(refused));
    assertEquals(spaceBefore, json(client.get("space")));
    assertEquals(List.of(), market.transactions());
    assertEquals(0, json(client.get("storage/purchases")).size());
  }

  @Test
  void withoutAMarketplaceThePurchasingRoutesAnswer503() throws IOException {
    node = Node.start(config(), Clock.systemUTC());
    client = new NodeClient(node.baseUrl());
    String cid = client.upload(dataset());
    String disabled = "Persistence is not enabled";
    assertAnswer(503, disabled, post("storage/request/" + cid, VALID));
    assertAnswer(503, disabled, client.get("storage/purchases"));
    assertAnswer(503, disabled, client.get("storage/purchases/0x" + "00".repeat(32)));
  }

  @Test
  void requestCarriesTheVerifiableDatasetThatCoreBuildsAndGoesFromPendingToFinishedAcrossRestarts()
      throws IOException, InterruptedException {
    start();
    byte[] data = dataset();
    String cid = client.upload(data);
    RequestId id = purchase(cid);
    JsonNode submitted = awaitState(id, "submitted");
    assertEquals(List.of(id.hex()), List.of(json(client.get("storage/purchases")).get(0).asText()));

    // The same dataset through core alone (scalar Leopard, Java Poseidon2) gives the same CID and root.
    InMemoryBlockStore reference = new InMemoryBlockStore();
    Manifest plain = Upload.store(new ByteArrayInputStream(data), BLOCK, Optional.empty(), Optional.empty(), reference).manifest();
    Manifest protectedManifest = new DatasetEncoder(reference, Runnable::run, LeopardEncoder.scalar()).protect(plain, 2, 1).manifest();
    DatasetSlots.Built built = new DatasetSlots(reference, Runnable::run, BlockHasher.java()).build(protectedManifest, VerificationInfo.DEFAULT_CELL_SIZE);

    StorageRequest request = market.getRequest(id).orElseThrow();
    assertEquals(id, request.id());
    assertArrayEquals(built.verifiable().manifestCid().toBytes(), request.content().cid());
    assertArrayEquals(built.verifyRoot().toBytes(), request.content().merkleRoot());
    assertTrue(StoredManifests.get(node.store(), built.verifiable().manifestCid()).isVerifiable());
    // 3 blocks, K = 2: rounded 4, steps 2, so 2 blocks a slot, already a power of two (datapath §5.3).
    assertEquals(new Ask(BigInteger.valueOf(4), BigInteger.valueOf(7), BigInteger.valueOf(5), 3, 2L * BLOCK, 1200, 1), request.ask());
    assertEquals(300, request.expiry());

    JsonNode json = submitted.get("request");
    assertEquals("0x" + "ab".repeat(20), json.get("client").asText());
    assertEquals("4", json.get("ask").get("proofProbability").asText());
    assertEquals(131072, json.get("ask").get("slotSize").asLong());
    assertEquals(built.verifiable().manifestCid().toString(), json.get("content").get("cid").asText());
    assertFalse(json.get("content").has("merkleRoot"));
    assertEquals(id.hex(), json.get("id").asText());
    assertEquals(id.hex(), submitted.get("requestId").asText());
    assertTrue(submitted.get("error").isNull());

    restart();
    awaitState(id, "submitted");
    fillEverySlot(id);
    awaitState(id, "started");
    restart();
    awaitState(id, "started");
    assertEquals(0, withdrawals(id));

    clock.set(market.requestEnd(id) + 1);
    JsonNode finished = awaitState(id, "finished");
    assertTrue(finished.get("error").isNull());
    awaitWithdrawals(id, 1);
    restart();
    assertEquals("finished", purchaseJson(id).get("state").asText());
    assertEquals(1, withdrawals(id));
    assertEquals(json, purchaseJson(id).get("request"));
  }

  private void awaitWithdrawals(RequestId id, long count) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (withdrawals(id) < count) {
      assertTrue(System.nanoTime() < deadline, "no withdrawal: " + market.transactions());
      Thread.sleep(5);
    }
    assertEquals(count, withdrawals(id));
  }

  @Test
  void aRequestNobodyFillsBeforeExpiryIsCancelledAndWithdrawn() throws IOException, InterruptedException {
    start();
    RequestId id = purchase(client.upload(dataset()));
    awaitState(id, "submitted");
    clock.set(market.requestExpiresAt(id)); // not yet: the purchase waits one second past expiry
    clock.set(market.requestExpiresAt(id) + 1);
    JsonNode cancelled = awaitState(id, "cancelled");
    awaitWithdrawals(id, 1);
    assertEquals("Purchase cancelled due to timeout", purchaseJson(id).get("error").asText());
    assertEquals("cancelled", cancelled.get("state").asText());
  }

  @Test
  void aFailedRequestIsWithdrawnAndEndsErroredPurchaseFailed() throws IOException, InterruptedException {
    start();
    RequestId id = purchase(client.upload(dataset()));
    awaitState(id, "submitted");
    fillEverySlot(id);
    awaitState(id, "started");
    market.emit(listener -> listener.requestFailed(id));
    JsonNode errored = awaitState(id, "errored");
    assertEquals("Purchase failed", errored.get("error").asText());
    assertEquals(1, withdrawals(id));
  }

  @Test
  void aRefusedTransactionErrorsThePurchaseWithTheMarketsMessage() throws IOException, InterruptedException {
    start();
    market.failNext("requestStorage", new MarketException("requestStorage: Marketplace_InvalidClientAddress"));
    RequestId id = purchase(client.upload(dataset()));
    JsonNode errored = awaitState(id, "errored");
    assertEquals("requestStorage: Marketplace_InvalidClientAddress", errored.get("error").asText());
    assertFalse(market.getRequest(id).isPresent());
  }

  @Test
  void aSavedPendingPurchaseWhoseTransactionNeverWentOutIsSentAfterARestart()
      throws IOException, InterruptedException {
    StorageRequest request = ownRequest(9);
    PurchaseStore.open(dir.resolve("data").resolve("purchases")).save(Purchase.pending(request));
    start();
    awaitState(request.id(), "submitted");
    assertEquals(request, market.getRequest(request.id()).orElseThrow());
  }

  @Test
  void theSignersRequestsWithoutARecordAreTakenUpFromTheMarketplace() throws IOException, InterruptedException {
    StorageRequest request = ownRequest(8);
    market.requestStorage(request);
    fillEverySlot(request.id());
    start();
    JsonNode started = awaitState(request.id(), "started");
    assertEquals(StorageRequestJson.of(request).toString(), started.get("request").toString());
  }

  @Test
  void dryRunWorksOutPriceCollateralAndProofsWithoutStoringOrSendingAnything() throws IOException {
    start();
    String cid = client.upload(dataset());
    JsonNode spaceBefore = json(client.get("space"));
    JsonNode estimate = json(post("storage/request/" + cid + "?dryRun=true", VALID));

    // By hand, spec node §5.1 and §5.5, datapath §5.3 and §6.2: 3 blocks, K = 2, M = 1: rounded 4,
    // steps 2, 2 blocks a slot, slotSize = 2 · 65536 = 131072.
    assertEquals(3, estimate.get("ask").get("slots").asLong());
    assertEquals(131072, estimate.get("ask").get("slotSize").asLong());
    assertEquals(1, estimate.get("ask").get("maxSlotLoss").asLong());
    assertEquals(2, estimate.get("ecK").asInt());
    assertEquals(1, estimate.get("ecM").asInt());
    // maxPrice = slots · duration · pricePerBytePerSecond · slotSize = 3 · 1200 · 7 · 131072
    assertEquals("3303014400", estimate.get("totalPrice").asText());
    // collateralPerSlot = collateralPerByte · slotSize = 5 · 131072; three hosts: 1966080
    assertEquals("655360", estimate.get("collateralPerSlot").asText());
    assertEquals("1966080", estimate.get("totalCollateral").asText());
    // 1200 s / 60 s = 20 periods; slotProbability = 4 · (256 − 64) / 256 = 3: 20 / 3 proofs a slot
    assertEquals(60, estimate.get("period").asLong());
    assertEquals(20, estimate.get("periods").asLong());
    assertEquals("3", estimate.get("slotProbability").asText());
    assertEquals(20.0 / 3, estimate.get("expectedProofsPerSlot").asDouble(), 1e-12);
    assertEquals(20.0, estimate.get("expectedProofs").asDouble(), 1e-12);

    assertEquals(List.of(), market.transactions());
    assertEquals(spaceBefore, json(client.get("space")));

    // proofProbability 1: 1 · 192 / 256 = 0, a proof every period.
    JsonNode everyPeriod = json(post("storage/request/" + cid + "?dryRun=true", VALID.replace("\"4\"", "\"1\"")));
    assertEquals("0", everyPeriod.get("slotProbability").asText());
    assertEquals(20.0, everyPeriod.get("expectedProofsPerSlot").asDouble(), 1e-12);

    // The real request asks exactly what the dry run said.
    RequestId id = purchase(cid);
    assertEquals(estimate.get("ask").toString(), StorageRequestJson.ask(market.getRequest(id).orElseThrow().ask()).toString());
  }
}
