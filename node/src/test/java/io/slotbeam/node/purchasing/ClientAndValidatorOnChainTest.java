package io.slotbeam.node.purchasing;

import static io.slotbeam.node.rest.NodeClient.json;
import static io.slotbeam.node.rest.NodeClient.random;
import static io.slotbeam.node.rest.NodeClient.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.slotbeam.node.purchasing.ChainTestNodes.await;
import static io.slotbeam.node.purchasing.ChainTestNodes.state;

import io.slotbeam.contracts.TestProofs;
import io.slotbeam.contracts.generated.Marketplace;
import io.slotbeam.core.field.Fr;
import io.slotbeam.core.groth16.ChainEncoding;
import io.slotbeam.core.groth16.Proof;
import io.slotbeam.node.Node;
import io.slotbeam.node.chain.DevChain;
import io.slotbeam.node.chain.OnChainClock;
import io.slotbeam.node.chain.OnChainMarket;
import io.slotbeam.node.market.Ask;
import io.slotbeam.node.market.RequestId;
import io.slotbeam.node.market.SlotId;
import io.slotbeam.node.market.StorageRequest;
import io.slotbeam.node.rest.NodeClient;
import io.slotbeam.node.validator.ValidationConfig;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client and the validator on a real marketplace (anvil, time travel): a client node buys
 * storage for an uploaded dataset, two hosts (driven by the test through their own markets, with
 * proofs for a verifier key of known logarithms) fill the three slots, one host then misses a proof,
 * a validator node marks it and earns its share of the slash, and the purchase, resumed across a
 * restart, finishes with the client's withdrawal. The numbers are spec node §5.3's: collateral per
 * slot 1 · 131072, slash 20 % of it, validator reward 20 % of the slash.
 */
class ClientAndValidatorOnChainTest {
  private static final long PERIOD = 60;
  private static final long TIMEOUT = 30;
  private static final int CLIENT = 1;
  private static final int HOST = 2;
  private static final int HOST2 = 3;
  private static final int VALIDATOR = 4;
  /** 10 periods, every period a proof (downtime 0), expiry 5 periods. */
  private static final String REQUEST = ChainTestNodes.request(600, 300);

  @TempDir Path dir;
  private ChainTestNodes nodes;
  private DevChain chain;
  private TestProofs proofs;
  private OnChainClock clock;

  @AfterEach
  void stop() throws Exception {
    nodes.close();
    if (chain != null) {
      chain.close();
    }
  }

  private Node node(String name, OnChainMarket market, Optional<ValidationConfig> validation) throws IOException {
    return Node.start(nodes.config(name, List.of(), validation), Clock.systemUTC(), market, clock);
  }

  /** The proof the contract takes for {@code slotIndex} in the next block, mined past a pointer wrap. */
  private Proof proof(OnChainMarket host, StorageRequest request, long slotIndex) throws IOException {
    SlotId slot = request.id().slotId(slotIndex);
    if (host.getPointer(slot) >= 248) { // the challenge's block moves when the pointer wraps
      chain.anvil().mine(256 - host.getPointer(slot));
    }
    List<BigInteger> inputs = ChainEncoding.publicInputs(host.getChallenge(slot), request.content().merkleRoot(), slotIndex)
        .values().stream().map(Fr::toBigInteger).toList();
    Marketplace.Groth16Proof p = proofs.proofFor(inputs);
    return ChainEncoding.proofFromWords(List.of(p.a.x, p.a.y, p.b.x.real, p.b.x.imag, p.b.y.real, p.b.y.imag, p.c.x, p.c.y));
  }

  /** Mines a block at {@code timestamp}, which the nodes' chain clock then follows. */
  private void mineAt(long timestamp) throws IOException {
    chain.anvil().setNextBlockTimestamp(timestamp);
    chain.anvil().mine(1);
  }

  private void nextPeriod() throws IOException {
    mineAt((clock.now() / PERIOD + 1) * PERIOD + 1);
  }

  @Test
  void hostsFillAPurchaseTheValidatorMarksTheMissedProofAndThePurchaseFinishes() throws Exception {
    nodes = new ChainTestNodes(dir);
    chain = DevChain.launch(Path.of(System.getProperty("slotbeam.root", ".")));
    proofs = new TestProofs(chain.anvil().web3j(), chain.anvil().accounts().get(0));
    chain.deploy(DevChain.configuration(PERIOD, TIMEOUT, 0, "test-zkey"), proofs.key());
    OnChainMarket clientMarket = nodes.opened(chain.market(CLIENT, ChainTestNodes.OPTIONS));
    clock = nodes.opened(clientMarket.startClock(Duration.ofMillis(100)));
    OnChainMarket host = nodes.opened(chain.market(HOST, ChainTestNodes.OPTIONS));
    OnChainMarket host2 = nodes.opened(chain.market(HOST2, ChainTestNodes.OPTIONS));
    OnChainMarket validatorMarket = nodes.opened(chain.market(VALIDATOR, ChainTestNodes.OPTIONS));
    nodes.opened(node("validator", validatorMarket, Optional.of(new ValidationConfig(0, OptionalInt.empty(), 0))));
    Node clientNode = nodes.opened(node("client", clientMarket, Optional.empty()));
    NodeClient client = new NodeClient(clientNode.baseUrl());

    BigInteger clientFunds = clientMarket.tokenBalance();
    String cid = client.upload(random(31, 3 * 65536 - 100));
    HttpResponse<byte[]> answer = client.send("POST", "storage/request/" + cid, REQUEST.getBytes(StandardCharsets.UTF_8));
    assertEquals(200, answer.statusCode(), text(answer));
    RequestId id = RequestId.fromHex(text(answer));
    await(() -> state(client, id), "submitted", "the purchase");
    StorageRequest request = clientMarket.getRequest(id).orElseThrow();
    assertEquals(new Ask(BigInteger.ONE, BigInteger.ONE, BigInteger.ONE, 3, 131072, 600, 1), request.ask());
    // maxPrice = 3 slots · 600 s · 1 · 131072 bytes, paid up front (spec node §5.3)
    assertEquals(clientFunds.subtract(BigInteger.valueOf(3L * 600 * 131072)), clientMarket.tokenBalance());

    OnChainMarket[] hostOf = {host, host, host2};
    for (int i = 0; i < 3; i++) {
      hostOf[i].reserveSlot(id, i);
    }
    nextPeriod();
    for (int i = 0; i < 3; i++) {
      hostOf[i].fillSlot(id, i, proof(hostOf[i], request, i), hostOf[i].slotCollateral(id, i));
    }
    await(() -> state(client, id), "started", "the purchase");

    clientNode.close(); // the purchase resumes from its saved state and the chain's (closing twice is harmless)
    NodeClient restarted = new NodeClient(nodes.opened(node("client", clientMarket, Optional.empty())).baseUrl());
    await(() -> state(restarted, id), "started", "the resumed purchase");

    nextPeriod(); // slots 0 and 1 are proven; host2 misses slot 2's proof
    host.submitProof(id.slotId(0), proof(host, request, 0));
    host.submitProof(id.slotId(1), proof(host, request, 1));
    BigInteger validatorFunds = validatorMarket.tokenBalance();
    nextPeriod(); // the validator checks the period before
    BigInteger slash = BigInteger.valueOf(131072L * 20 / 100);
    await(validatorMarket::tokenBalance, validatorFunds.add(slash.multiply(BigInteger.valueOf(20)).divide(BigInteger.valueOf(100))),
        "the validator's balance");
    assertEquals(BigInteger.valueOf(131072).subtract(slash), host2.currentCollateral(id.slotId(2)));
    assertEquals(BigInteger.valueOf(131072), host.currentCollateral(id.slotId(0)));
    assertEquals(BigInteger.valueOf(131072), host.currentCollateral(id.slotId(1)));

    BigInteger beforeWithdrawal = clientMarket.tokenBalance();
    mineAt(clientMarket.requestEnd(id) + 1);
    await(() -> state(restarted, id), "finished", "the purchase");
    await(() -> clientMarket.tokenBalance().compareTo(beforeWithdrawal) > 0, true, "the client's withdrawal");
    assertTrue(json(restarted.get("storage/purchases/" + id.hex())).get("error").isNull());
  }
}
