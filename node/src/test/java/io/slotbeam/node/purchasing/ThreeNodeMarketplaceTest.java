package io.slotbeam.node.purchasing;

import static io.slotbeam.node.rest.NodeClient.random;
import static io.slotbeam.node.rest.NodeClient.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.slotbeam.node.purchasing.ChainTestNodes.await;
import static io.slotbeam.node.purchasing.ChainTestNodes.state;

import io.slotbeam.core.slots.CircuitParams;
import io.slotbeam.node.Node;
import io.slotbeam.node.chain.DevChain;
import io.slotbeam.node.chain.OnChainClock;
import io.slotbeam.node.chain.OnChainMarket;
import io.slotbeam.node.market.RequestId;
import io.slotbeam.node.market.SlotId;
import io.slotbeam.node.market.SlotState;
import io.slotbeam.node.proving.Proving;
import io.slotbeam.node.rest.NodeClient;
import io.slotbeam.node.sales.Sales;
import io.slotbeam.node.validator.ValidationConfig;
import io.slotbeam.prover.circuit.ProvingCircuit;
import java.io.IOException;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 23's flow on anvil, three nodes and a validator on loopback (the dev chain: 10 s periods,
 * 5 s timeout, downtime 64, the verifier of the small circuit's dev setup): a client node uploads a
 * dataset and requests storage over REST; two host nodes with availabilities pick the slots from
 * their queues, download them from the client, fill them with real proofs and prove every period;
 * one host submits invalid periodic proofs (simulated failures, spec node §8.4), a validator node
 * marks its missed proof; at the request's end the honest host frees its slots and is paid, and the
 * client's purchase shows {@code finished} after its withdrawal. About 45 s, most of it proving.
 */
class ThreeNodeMarketplaceTest {
  private static final Path ROOT = Path.of(System.getProperty("slotbeam.root", "."));
  private static final int CLIENT = 1;
  private static final int HOST = 2;
  private static final int FAILING_HOST = 3;
  private static final int VALIDATOR = 4;
  /** The dev chain's proof period (timeout 5 s, downtime 64). */
  private static final long PERIOD = 10;
  private static final long SLOT_SIZE = 2 * 65536; // 3 blocks, K = 2, M = 1: 2 blocks a slot
  /** 120 periods, expiry 60, a proof every period (1 · 192 / 256 = 0). */
  private static final String REQUEST = ChainTestNodes.request(1200, 600);

  @TempDir Path dir;
  private ChainTestNodes nodes;
  private DevChain chain;
  private OnChainClock clock;
  private Sales honestSales;
  /** Proofs the honest host submitted, as "slotId period". */
  private final Set<String> honestProofs = ConcurrentHashMap.newKeySet();

  @AfterEach
  void stop() throws Exception {
    nodes.close();
  }

  /** A host node fetching from {@code client}; the honest one's proofs are recorded. */
  private Node host(String name, OnChainMarket market, String client, Proving proving, boolean honest) throws IOException {
    Node node = nodes.opened(Node.start(nodes.config(name, List.of(client), Optional.empty()), Clock.systemUTC()));
    node.startSales(market, clock, proving, (slot, period, proof) -> {
      if (honest) {
        honestProofs.add(slot.hex() + " " + period);
      }
    });
    return node;
  }

  private void availability(Node node, int slots) throws IOException {
    String body = "{\"totalSize\": " + slots * SLOT_SIZE + ", \"duration\": 2000, \"minPricePerBytePerSecond\": \"1\","
        + " \"totalCollateral\": \"" + slots * SLOT_SIZE + "\"}";
    HttpResponse<byte[]> created = new NodeClient(node.baseUrl()).send("POST", "sales/availability", body.getBytes(StandardCharsets.UTF_8));
    assertEquals(201, created.statusCode(), text(created));
  }

  private long nextPeriod() throws IOException {
    long period = clock.now() / PERIOD + 1;
    chain.anvil().setNextBlockTimestamp(period * PERIOD + 1);
    chain.anvil().mine(1);
    return period;
  }

  /**
   * Waits for {@code slots} of {@code sales}'s agents to download their slots, then moves the chain
   * a period at a time (the fill proof waits for a period whose pointer is not about to wrap) until
   * they prove. No period starts while a fill is under way (its proof answers this period's
   * challenge) or before the honest host has proven, for the period begun, every slot it proved in
   * the one before: the honest host must never miss a proof.
   */
  private void fill(Sales sales, long slots) throws Exception {
    await(() -> agents(sales, "SaleInitialProving") + agents(sales, "SaleProving"), slots,
        "slots downloaded (" + diagnosis(sales) + ")");
    for (int attempt = 0; attempt < 6 && agents(sales, "SaleProving") < slots; attempt++) {
      List<SlotId> proving = honestSales.agents().stream()
          .filter(a -> a.stateName().equals("SaleProving")).map(a -> a.slotId()).toList();
      long period = nextPeriod();
      long deadline = System.nanoTime() + 30_000_000_000L;
      while ((agents(sales, "SaleInitialProving") + agents(sales, "SaleFilling") > 0
              || !proving.stream().allMatch(slot -> honestProofs.contains(slot.hex() + " " + period)))
          && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
    }
    await(() -> agents(sales, "SaleProving"), slots, "slots filled and proving (" + diagnosis(sales) + ")");
  }

  private static long agents(Sales sales, String state) {
    return sales.agents().stream().filter(a -> a.stateName().equals(state)).count();
  }

  private static String diagnosis(Sales... sales) {
    StringBuilder text = new StringBuilder();
    for (Sales one : sales) {
      text.append(one.agents().stream().map(a -> a.slotIndex() + ":" + a.stateName()).toList())
          .append(" skipped ").append(one.skipped().list()).append("; ");
    }
    return text.toString();
  }

  @Test
  void clientHostsAndValidatorRunTheMarketplaceFlow() throws Exception {
    nodes = new ChainTestNodes(dir);
    ProvingCircuit circuit = nodes.opened(ProvingCircuit.open(ProvingCircuit.devFolder(ROOT, CircuitParams.SMALL)));
    chain = nodes.opened(DevChain.startDev(ROOT, circuit.verificationKey(), "small-dev"));
    OnChainMarket clientMarket = nodes.opened(chain.market(CLIENT, ChainTestNodes.OPTIONS));
    clock = nodes.opened(clientMarket.startClock(Duration.ofMillis(100)));
    OnChainMarket hostMarket = nodes.opened(chain.market(HOST, ChainTestNodes.OPTIONS));
    OnChainMarket failingMarket = nodes.opened(chain.market(FAILING_HOST, ChainTestNodes.OPTIONS));
    OnChainMarket validatorMarket = nodes.opened(chain.market(VALIDATOR, ChainTestNodes.OPTIONS));

    Node clientNode = nodes.opened(Node.start(nodes.config("client", List.of(), Optional.empty()), Clock.systemUTC(), clientMarket, clock));
    NodeClient client = new NodeClient(clientNode.baseUrl());
    nodes.opened(Node.start(nodes.config("validator", List.of(), Optional.of(new ValidationConfig(0, OptionalInt.empty(), 0))),
        Clock.systemUTC(), validatorMarket, clock));
    String clientUrl = clientNode.baseUrl().toString();
    Node honest = host("host", hostMarket, clientUrl, Proving.of(circuit, 0), true);
    Node failing = host("failing-host", failingMarket, clientUrl, Proving.of(circuit, 1), false);
    availability(honest, 1);

    String cid = client.upload(random(41, 3 * 65536 - 100));
    HttpResponse<byte[]> answer = client.send("POST", "storage/request/" + cid, REQUEST.getBytes(StandardCharsets.UTF_8));
    assertEquals(200, answer.statusCode(), text(answer));
    RequestId id = RequestId.fromHex(text(answer));
    await(() -> state(client, id), "submitted", "the purchase");

    // One slot at a time: the honest host takes two, then the failing host the third (hosts that
    // race for one slot leave the loser's availability spent).
    honestSales = honest.sales().orElseThrow();
    Sales failingSales = failing.sales().orElseThrow();
    fill(honestSales, 1);
    availability(honest, 1);
    fill(honestSales, 2);
    availability(failing, 1);
    fill(failingSales, 1);
    await(() -> state(client, id), "started", "the purchase (" + diagnosis(honestSales, failingSales) + ")");
    List<SlotId> slots = List.of(id.slotId(0), id.slotId(1), id.slotId(2));
    SlotId failingSlot = slots.stream().filter(s -> failingMarket.getHost(s).orElse("").equalsIgnoreCase(failingMarket.signer()))
        .findFirst().orElseThrow();
    List<SlotId> honestSlots = slots.stream().filter(s -> !s.equals(failingSlot)).toList();
    for (SlotId slot : honestSlots) {
      assertEquals(Optional.of(hostMarket.signer().toLowerCase()), hostMarket.getHost(slot).map(String::toLowerCase));
    }

    // A period: the honest host proves both its slots, the failing host's proof is rejected.
    long period = nextPeriod();
    for (SlotId slot : honestSlots) {
      await(() -> honestProofs.contains(slot.hex() + " " + period), true, "the honest proof of " + slot + " in period " + period);
    }
    BigInteger validatorFunds = validatorMarket.tokenBalance();
    long next = nextPeriod(); // the validator checks the period before
    // Spec node §5.3: a slash takes 20 % of the slot's collateral (131072 · 20 / 100 = 26214), the
    // validator gets 20 % of that (5242). Periods of 10 s also pass on their own while the test
    // waits, so the failing slot may be marked again, and after the second slash it is freed.
    BigInteger slash = BigInteger.valueOf(SLOT_SIZE * 20 / 100);
    BigInteger reward = slash.multiply(BigInteger.valueOf(20)).divide(BigInteger.valueOf(100));
    await(() -> validatorMarket.tokenBalance().compareTo(validatorFunds) > 0, true, "the validator's reward");
    BigInteger earned = validatorMarket.tokenBalance().subtract(validatorFunds);
    assertEquals(BigInteger.ZERO, earned.mod(reward), "the validator earns whole rewards of " + reward + ": " + earned);
    BigInteger failingCollateral = failingMarket.currentCollateral(failingSlot);
    assertTrue(failingCollateral.equals(BigInteger.valueOf(SLOT_SIZE).subtract(slash))
            || failingCollateral.signum() == 0 && failingMarket.slotState(failingSlot) == SlotState.REPAIR,
        "the failing slot is slashed once (" + failingCollateral + ") or freed after two slashes");
    // The honest host proves every period within seconds; on a loaded machine a proof can still
    // come after its 10 s period, and the validator rightly marks it: at most one slash, then.
    for (SlotId slot : honestSlots) {
      await(() -> honestProofs.contains(slot.hex() + " " + next), true, "the honest proof of " + slot + " in period " + next);
      assertTrue(hostMarket.currentCollateral(slot).compareTo(BigInteger.valueOf(SLOT_SIZE).subtract(slash)) >= 0,
          "the honest host keeps its collateral: " + hostMarket.currentCollateral(slot));
      assertEquals(SlotState.FILLED, hostMarket.slotState(slot));
    }

    BigInteger hostFunds = hostMarket.tokenBalance();
    BigInteger clientFunds = clientMarket.tokenBalance();
    chain.anvil().setNextBlockTimestamp(clientMarket.requestEnd(id) + 1);
    chain.anvil().mine(1);
    await(() -> state(client, id), "finished", "the purchase");
    await(() -> clientMarket.tokenBalance().compareTo(clientFunds) > 0, true, "the client's withdrawal");
    await(() -> hostMarket.tokenBalance().compareTo(hostFunds) > 0, true, "the honest host's payout");
    for (SlotId slot : honestSlots) {
      await(() -> hostMarket.slotState(slot), SlotState.PAID, "the honest host's slot");
    }
  }
}
