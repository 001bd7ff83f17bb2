package io.slotbeam.node.sales;

import static io.slotbeam.node.rest.NodeClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.manifest.Manifest;
import io.slotbeam.core.manifest.ManifestCodec;
import io.slotbeam.core.slots.CellSelector;
import io.slotbeam.node.Node;
import io.slotbeam.node.market.ManualClock;
import io.slotbeam.node.market.MockMarket;
import io.slotbeam.node.market.SlotId;
import io.slotbeam.node.market.StorageRequest;
import io.slotbeam.node.rest.NodeClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A host on a {@link MockMarket} with a {@link ManualClock}: it picks a client's request from its
 * queue, downloads its slots from the client's node (a real second node on loopback), fills them,
 * proves whenever a proof is required, and resumes proving after a restart on the same repository.
 */
class HostFlowTest extends MockMarketHost {
  private final List<Long> submittedPeriods = new CopyOnWriteArrayList<>();

  private Node startHost() throws IOException {
    startHost(sampling, (slot, period, proof) -> submittedPeriods.add(period));
    return host;
  }

  private String state(NodeClient rest, SlotId slot) throws IOException {
    var response = rest.get("sales/slots/" + slot.hex());
    return response.statusCode() == 200 ? json(response).get("state").asText() : "status " + response.statusCode();
  }

  @Test
  void hostFillsEverySlotProvesEachPeriodAndResumesAfterARestart() throws Exception {
    Manifest verifiable = HostFixture.verifiableDataset(startClient().store(), 7);
    Cid manifestCid = ManifestCodec.cid(verifiable);
    host = startHost();
    NodeClient rest = new NodeClient(host.baseUrl());
    var created = rest.send("POST", "sales/availability", ("{\"totalSize\": 10000000, \"duration\": 5000,"
        + " \"minPricePerBytePerSecond\": \"1\", \"totalCollateral\": \"100000000\"}").getBytes(StandardCharsets.UTF_8));
    assertEquals(201, created.statusCode(), NodeClient.text(created));
    String availabilityId = json200(created).get("id").asText();

    StorageRequest request = HostFixture.request(verifiable, manifestCid, 3000, 600, 2, 1);
    market.requestStorage(request);
    List<SlotId> slots = new ArrayList<>();
    for (int i = 0; i < verifiable.numSlots(); i++) {
      slots.add(request.id().slotId(i));
    }
    for (SlotId slot : slots) {
      awaitState(rest, slot, "SaleInitialProving");
    }
    advanceWhenWaiting(slots.size(), PERIOD + 1); // one second into the next period: the initial proofs and the fills
    for (SlotId slot : slots) {
      awaitState(rest, slot, "SaleProving");
    }
    assertEquals(3, market.submittedProofs().size(), "one fill proof per slot");
    assertEquals(3, json(rest.get("sales/slots")).size());
    JsonNode reservations = json(rest.get("sales/availability/" + availabilityId + "/reservations"));
    assertEquals(3, reservations.size());
    reservations.forEach(r -> assertEquals(0, r.get("size").asLong(), "every byte downloaded: " + r));

    byte[] challenge = new byte[32];
    for (int round = 1; round <= 3; round++) {
      proveOnePeriod(slots, challenge, round);
    }

    // round 3's period is proven: a chain would refuse a second proof for it, the mock would take it
    // and the restarted loops (which prove at once what is due) would race round 4 for its counts
    slots.forEach(slot -> market.setProofRequired(slot, false));
    host.close(); // the restart: a new node and Sales on the same repository and market
    assertSalesThreadsEnded();
    host = startHost();
    NodeClient restarted = new NodeClient(host.baseUrl());
    for (SlotId slot : slots) {
      awaitState(restarted, slot, "SaleProving");
    }
    assertEquals(3, json(restarted.get("sales/availability/" + availabilityId + "/reservations")).size(),
        "the reservations of filled slots survive the restart");
    proveOnePeriod(slots, challenge, 4);

    var usage = host.store().usage();
    long free = host.sales().orElseThrow().reservations().availabilities().stream().mapToLong(Availability::freeSize).sum();
    assertEquals(free, usage.reserved(), "reserved quota = free bytes (every reservation fully downloaded)");
    assertEquals(10_000_000 - 3 * request.ask().slotSize(), free);
  }

  @Test
  void aRequestThatExpiresUnstartedIsCancelledAndItsSpaceReturned() throws Exception {
    Manifest verifiable = HostFixture.verifiableDataset(startClient().store(), 8);
    host = startHost();
    Sales sales = host.sales().orElseThrow();
    long total = 10_000_000;
    Availability availability =
        sales.reservations().createAvailability(total, 5000, java.math.BigInteger.ONE, java.math.BigInteger.valueOf(total), true, 0);
    StorageRequest request = HostFixture.request(verifiable, ManifestCodec.cid(verifiable), 3000, 50, 2, 2);
    market.requestStorage(request);
    HostFixture.await("every slot downloaded and waiting for the next period", () -> sales.agents().size() == 3
        && sales.agents().stream().allMatch(a -> a.stateName().equals("SaleInitialProving")));
    assertEquals(total - 3 * request.ask().slotSize(), host.store().usage().reserved(), "downloaded bytes are used");

    market.setRequestState(request.id(), io.slotbeam.node.market.RequestState.CANCELLED);
    clock.set(market.requestExpiresAt(request.id()) + 1); // before the period ends: only the watchers wake
    HostFixture.await("every sale cancelled and cleaned up", () -> sales.agents().isEmpty());
    assertEquals(total, sales.reservations().availability(availability.id()).orElseThrow().freeSize());
    assertEquals(List.of(), sales.reservations().reservations());
    assertEquals(total, host.store().usage().reserved(), "the downloaded bytes are reserved for the availability again");
    assertEquals(List.of(), market.submittedProofs(), "nothing was filled");
  }

  /**
   * The node ended the threads it gave its sales, proving loops and queue workers included, when
   * it closed (a thread may take a moment to die once its task has returned; an idle pooled one
   * would live for a minute).
   */
  private static void assertSalesThreadsEnded() throws InterruptedException {
    long deadline = System.nanoTime() + 2_000_000_000L;
    List<Thread> alive = salesThreads();
    while (!alive.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
      alive = salesThreads();
    }
    assertEquals(List.of(), alive, "sales threads still alive after the node closed");
  }

  private static List<Thread> salesThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("slotbeam-sales")).toList();
  }

  /** Requires a proof of every slot for one period and checks each is proved for that challenge. */
  private void proveOnePeriod(List<SlotId> slots, byte[] challenge, int round) throws Exception {
    challenge[0] = (byte) round;
    challenge[31] = (byte) 0xff; // not part of the entropy
    for (SlotId slot : slots) {
      market.setChallenge(slot, challenge);
      market.setProofRequired(slot, true);
    }
    int before = market.submittedProofs().size();
    int callsBefore = sampling.calls.size();
    clock.advance(PERIOD);
    HostFixture.await("proofs of round " + round, () -> market.submittedProofs().size() == before + slots.size());
    Set<Integer> proved = new HashSet<>();
    for (HostFixture.SamplingProver.Call call : sampling.calls.subList(callsBefore, sampling.calls.size())) {
      assertEquals(CellSelector.entropy(challenge), call.entropy());
      proved.add(call.slotIndex());
    }
    assertEquals(Set.of(0, 1, 2), proved);
    assertTrue(market.submittedProofs().subList(before, before + slots.size()).stream()
        .allMatch(HostFixture.FAKE_PROOF::equals));
    long period = clock.now() / PERIOD;
    HostFixture.await("observer told", () -> submittedPeriods.stream().filter(p -> p == period).count() == slots.size());
  }

  /** Waits until the slot's sale is in {@code expected}; fails with its last state and the ignored slots. */
  private void awaitState(NodeClient rest, SlotId slot, String expected) throws Exception {
    try {
      HostFixture.await("slot " + slot + " in " + expected, () -> {
        try {
          return state(rest, slot).equals(expected);
        } catch (IOException e) {
          throw new AssertionError(e);
        }
      });
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; it is " + state(rest, slot) + "; ignored: "
          + NodeClient.text(rest.get("sales/ignored")), e);
    }
  }

  private static JsonNode json200(java.net.http.HttpResponse<byte[]> response) throws IOException {
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
  }
}
