package io.slotbeam.node.sales;

import io.slotbeam.core.manifest.Manifest;
import io.slotbeam.core.manifest.ManifestCodec;
import io.slotbeam.core.slots.CircuitParams;
import io.slotbeam.node.Node;
import io.slotbeam.node.market.ManualClock;
import io.slotbeam.node.market.MockMarket;
import io.slotbeam.node.market.SlotId;
import io.slotbeam.node.market.StorageRequest;
import io.slotbeam.node.proving.Proving;
import io.slotbeam.node.proving.ProvingLoop;
import io.slotbeam.node.proving.SlotProver;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Test support: what every host test on a {@link MockMarket} starts from, one copy for all of
 * them: a client node and a host node fetching from it (real nodes on loopback, each with its
 * repository in the test's folder), the market on a {@link ManualClock} with periods of {@link
 * #PERIOD} seconds, and a {@link HostFixture.SamplingProver}. Both nodes are closed after each test.
 */
abstract class MockMarketHost {
  static final long PERIOD = 100;

  @TempDir Path dir;
  Node client;
  Node host;
  final ManualClock clock = new ManualClock(1_000_000);
  final MockMarket market = new MockMarket(MockMarket.config(PERIOD), HostFixture.HOST, clock);
  final HostFixture.SamplingProver sampling = new HostFixture.SamplingProver();
  /** The client's dataset and the request for it, once {@link #startClientWithRequest} ran. */
  Manifest verifiable;
  StorageRequest request;

  @AfterEach
  void stopNodes() {
    HostFixture.closeAll(host, client);
  }

  /** Starts {@link #client}, which fetches from no one. */
  Node startClient() throws IOException {
    client = HostFixture.startNode(dir, "client", List.of());
    return client;
  }

  /**
   * Starts {@link #client} with a verifiable dataset made from {@code seed} and a request for all
   * its slots, for 3000 s at 2 per byte-second, expiring in 600 s, told apart by {@code nonce}.
   */
  void startClientWithRequest(long seed, int nonce) throws IOException {
    verifiable = HostFixture.verifiableDataset(startClient().store(), seed);
    request = HostFixture.request(verifiable, ManifestCodec.cid(verifiable), 3000, 600, 2, nonce);
  }

  /** Starts {@link #host} (on the repository of an earlier host, if any), fetching from the client, and its sales. */
  Sales startHost(SlotProver prover, ProvingLoop.Observer proofs) throws IOException {
    host = HostFixture.startNode(dir, "host", List.of(client.baseUrl().toString()));
    return host.startSales(market, clock, new Proving(CircuitParams.SMALL, prover, 0), proofs);
  }

  /**
   * Moves the clock {@code seconds} on once {@code sales} sales wait for a time within them, so
   * none of them reads the time after the move and waits for the period after.
   */
  void advanceWhenWaiting(int sales, long seconds) throws InterruptedException {
    clock.awaitWaiters(sales, clock.now() + seconds);
    clock.advance(seconds);
  }

  /** Waits until some sale of {@code sales} is in {@code state}; returns it. */
  static SalesAgent awaitAgentIn(Sales sales, String state) throws InterruptedException {
    HostFixture.await("a sale in " + state, () -> sales.agents().stream().anyMatch(a -> a.stateName().equals(state)));
    return sales.agents().stream().filter(a -> a.stateName().equals(state)).findFirst().orElseThrow();
  }

  /** Waits until the slot's sale state (or "gone") passes {@code test}; a failure names where it is. */
  static void awaitSale(Sales sales, SlotId slot, String what, Predicate<String> test) throws InterruptedException {
    Supplier<String> state = () -> sales.agent(slot).map(SalesAgent::stateName).orElse("gone");
    try {
      HostFixture.await(what, () -> test.test(state.get()));
    } catch (AssertionError e) {
      throw new AssertionError(
          e.getMessage() + "; the sale is " + state.get() + "; skipped " + sales.skipped().list(), e);
    }
  }
}
