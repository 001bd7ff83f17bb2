package io.slotbeam.node.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.manifest.Manifest;
import io.slotbeam.core.manifest.ManifestCodec;
import io.slotbeam.core.slots.CircuitParams;
import io.slotbeam.core.store.InMemoryBlockStore;
import io.slotbeam.node.Node;
import io.slotbeam.node.NodeConfig;
import io.slotbeam.node.market.Ask;
import io.slotbeam.node.market.ManualClock;
import io.slotbeam.node.market.MockMarket;
import io.slotbeam.node.market.StorageRequest;
import io.slotbeam.node.proving.Proving;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Requests a host does not take, each recorded with its reason, and what a new availability changes. */
class SalesSkipsTest {
  @TempDir Path dir;
  private Node node;
  private Sales sales;
  private final ManualClock clock = new ManualClock(1000);
  private final MockMarket market = new MockMarket(MockMarket.config(10), HostFixture.HOST, clock);
  private static Manifest verifiable;
  private static Cid manifestCid;

  @BeforeAll
  static void datasetNoPeerHolds() throws Exception {
    verifiable = HostFixture.verifiableDataset(new InMemoryBlockStore(), 3);
    manifestCid = ManifestCodec.cid(verifiable);
  }

  @BeforeEach
  void start() throws Exception {
    node = Node.start(new NodeConfig(dir, "127.0.0.1", 0, NodeConfig.DEFAULT_QUOTA, NodeConfig.DEFAULT_BLOCK_TTL,
        NodeConfig.DEFAULT_MAINTENANCE_INTERVAL, 1000, List.of()), Clock.systemUTC());
    sales = node.startSales(market, clock, new Proving(CircuitParams.SMALL, new HostFixture.SamplingProver(), 0),
        (s, p, proof) -> {});
  }

  @AfterEach
  void stop() {
    node.close();
  }

  private List<SkipReason> reasons() {
    return sales.skipped().list().stream().map(SkippedSlots.Skipped::reason).toList();
  }

  @Test
  void requestsBeyondTheCircuitAreNotQueued() throws Exception {
    StorageRequest fits = HostFixture.request(verifiable, manifestCid, 100, 50, 1, 1);
    Ask tooManySlots = new Ask(BigInteger.ONE, BigInteger.ONE, BigInteger.ONE, 9, 65536, 100, 1);
    Ask tooBigSlots = new Ask(BigInteger.ONE, BigInteger.ONE, BigInteger.ONE, 3, 9L * 65536, 100, 1);
    market.requestStorage(new StorageRequest(HostFixture.CLIENT, tooManySlots, fits.content(), 50, new byte[32]));
    market.requestStorage(new StorageRequest(HostFixture.CLIENT, tooBigSlots, fits.content(), 50, new byte[32]));
    assertEquals(List.of(SkipReason.CIRCUIT_LIMITS, SkipReason.CIRCUIT_LIMITS), reasons());
    String detail = sales.skipped().list().get(0).detail();
    assertTrue(detail.contains("nSlotsPerDataSet 9 exceeds the 8 slots"), detail);
    String blocks = sales.skipped().list().get(1).detail();
    assertTrue(blocks.contains("9 blocks") && blocks.contains("exceed the 8 blocks"), blocks);
    assertEquals(List.of(), sales.queue().items());
  }

  @Test
  void noAvailabilityRequeuesTheSlotsAsSeenAndANewAvailabilityTakesThemUp() throws Exception {
    StorageRequest request = HostFixture.request(verifiable, manifestCid, 100, 50, 1, 1);
    market.requestStorage(request);
    HostFixture.await("every slot looked at and queued again as seen", () ->
        sales.queue().items().size() == 3 && sales.queue().items().stream().allMatch(SlotQueueItem::seen)
            && sales.queue().paused());
    assertEquals(List.of(SkipReason.NO_MATCHING_AVAILABILITY), reasons().stream().distinct().toList());
    assertTrue(sales.skipped().list().get(0).detail().contains("no availability takes " + request.ask().slotSize()),
        sales.skipped().list().get(0).detail());

    long total = 10 * request.ask().slotSize();
    Availability availability =
        sales.reservations().createAvailability(total, 1000, BigInteger.ONE, BigInteger.valueOf(total), true, 0);
    // the slots are taken up again; without a peer holding the dataset each download fails
    try {
      HostFixture.await("every slot tried and failed", () ->
          sales.skipped().list().stream().filter(s -> s.reason() == SkipReason.ERROR).count() == 3
              && sales.agents().isEmpty());
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; agents " + sales.agents().stream().map(SalesAgent::stateName).toList()
          + ", queue " + sales.queue().items() + (sales.queue().paused() ? " (paused)" : "") + ", skipped "
          + sales.skipped().list(), e);
    }
    assertTrue(sales.skipped().list().stream().filter(s -> s.reason() == SkipReason.ERROR)
        .allMatch(s -> s.detail().equals("no peer has the manifest " + manifestCid)), sales.skipped().list().toString());
    assertEquals(List.of("reserveSlot", "reserveSlot", "reserveSlot"),
        market.transactions().stream().map(t -> t.split(" ")[0]).filter(t -> !t.equals("requestStorage")).toList());
    Availability after = sales.reservations().availability(availability.id()).orElseThrow();
    assertEquals(total, after.freeSize(), "every reservation returned its space");
    assertEquals(BigInteger.valueOf(total), after.totalRemainingCollateral(),
        "no collateral was put down, so all of it is back (else a slot tried later finds too little per byte)");
    assertEquals(List.of(), sales.reservations().reservations());
    assertEquals(total, node.store().usage().reserved());
    assertEquals(List.of(), sales.queue().items(), "errored slots are not queued again");
  }
}
