package io.slotbeam.node.chain;

import static io.slotbeam.node.chain.TestMarketChain.CLIENT;
import static io.slotbeam.node.chain.TestMarketChain.HOST;
import static io.slotbeam.node.chain.TestMarketChain.HOST2;
import static io.slotbeam.node.chain.TestMarketChain.PERIOD;
import static io.slotbeam.node.chain.TestMarketChain.VALIDATOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotbeam.node.market.ActiveSlot;
import io.slotbeam.node.market.Market;
import io.slotbeam.node.market.MarketConfig;
import io.slotbeam.node.market.MarketException;
import io.slotbeam.node.market.ProofInvalidException;
import io.slotbeam.node.market.RequestId;
import io.slotbeam.node.market.RequestState;
import io.slotbeam.node.market.SlotId;
import io.slotbeam.node.market.SlotReservationNotAllowedException;
import io.slotbeam.node.market.SlotState;
import io.slotbeam.node.market.SlotStateMismatchException;
import io.slotbeam.node.market.StorageRequest;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** OnChainMarket against the marketplace on a real anvil chain, with anvil's time travel. */
class OnChainMarketTest {
  private static TestMarketChain chain;
  private static OnChainMarket client;
  private static OnChainMarket host;
  private static OnChainMarket validator;

  @BeforeAll
  static void startChain() throws Exception {
    chain = TestMarketChain.start();
    client = chain.market(CLIENT);
    host = chain.market(HOST);
    validator = chain.market(VALIDATOR);
  }

  @AfterAll
  static void stopChain() {
    for (OnChainMarket market : new OnChainMarket[] {client, host, validator}) {
      if (market != null) {
        market.close();
      }
    }
    if (chain != null) {
      chain.close();
    }
  }

  @Test
  void configurationIsTheDeployedOne() {
    assertEquals(new MarketConfig(10, 2, 20, 20, PERIOD, TestMarketChain.TIMEOUT, 0, 67,
        "test-zkey", 3, 30L * 24 * 3600), host.config());
    assertEquals(chain.chain.deployment().token().toLowerCase(), host.tokenAddress().toLowerCase());
  }

  @Test
  void devKeysAreAnvilsAccounts() throws Exception {
    List<String> accounts = chain.chain.anvil().accounts();
    for (int i = 0; i < accounts.size(); i++) {
      assertEquals(accounts.get(i).toLowerCase(), DevChain.devKey(i).getAddress(), "account " + i);
    }
  }

  /**
   * The whole life of a one-slot request through OnChainMarket: the id the contract stores is
   * {@link StorageRequest#id()}; the host reserves and fills with a valid proof; a due proof is
   * accepted and a second one in the same period refused; a proof for other public inputs is
   * rejected; a missed proof is marked and slashed; the request finishes, the host is paid and the
   * client withdraws the rest, and every event arrives.
   */
  @Test
  void requestFillProveMissFinishAndWithdraw() throws Exception {
    RecordingListener events = new RecordingListener();
    try (Market.Subscription subscription = host.subscribe(events)) {
      StorageRequest request = TestMarketChain.request(client.signer(), 1, 1);
      RequestId id = request.id();
      BigInteger clientBefore = client.tokenBalance();
      client.requestStorage(request);
      assertEquals(List.of(id), client.myRequests(), "the contract's id is StorageRequest.id()");
      assertEquals(Optional.of(request), host.getRequest(id));
      assertEquals(Optional.of(RequestState.NEW), host.requestState(id));
      assertEquals(clientBefore.subtract(request.ask().totalPrice()), client.tokenBalance());
      events.await("storageRequested " + id + " " + request.ask() + " " + client.requestExpiresAt(id));

      SlotId slot = id.slotId(0);
      assertTrue(host.canReserveSlot(id, 0));
      host.reserveSlot(id, 0);
      assertFalse(host.canReserveSlot(id, 0), "a host reserves a slot once");
      BigInteger collateral = host.slotCollateral(id, 0);
      assertEquals(request.ask().collateralPerSlot(), collateral);
      BigInteger hostBefore = host.tokenBalance();
      chain.startNextPeriod();
      host.fillSlot(id, 0, chain.proof(host, request, 0), collateral);
      assertEquals(SlotState.FILLED, host.slotState(slot));
      assertEquals(host.signer(), host.getHost(slot).orElseThrow().toLowerCase());
      assertEquals(List.of(slot), host.mySlots());
      assertEquals(Optional.of(new ActiveSlot(request, 0)), host.getActiveSlot(slot));
      assertEquals(Optional.of(RequestState.STARTED), client.requestState(id));
      assertEquals(collateral, host.currentCollateral(slot));
      assertEquals(hostBefore.subtract(collateral), host.tokenBalance());
      events.await("slotFilled " + id + " 0", "requestFulfilled " + id);

      chain.startNextPeriod();
      assertTrue(host.isProofRequired(slot), "proof probability 1 and no downtime: every period");
      assertFalse(host.willProofBeRequired(slot));
      host.submitProof(slot, chain.proof(host, request, 0));
      events.await("proofSubmitted " + slot);
      MarketException twice = assertThrows(MarketException.class,
          () -> host.submitProof(slot, chain.proof(host, request, 0)));
      assertEquals("submitProof(" + slot + "): reverted with Proofs_ProofAlreadySubmitted (0x3edef7db)",
          twice.getMessage());

      long missed = chain.startNextPeriod();
      ProofInvalidException invalid = assertThrows(ProofInvalidException.class,
          () -> host.submitProof(slot, chain.proof(host, request, 1)), "the inputs of slot 1");
      assertEquals("submitProof(" + slot + "): reverted with Proofs_InvalidProof (0xfcd03a47)",
          invalid.getMessage());
      assertFalse(validator.canMarkProofAsMissing(slot, missed), "the period has not ended");
      chain.mineAt((missed + 1) * PERIOD + 1);
      assertTrue(validator.canMarkProofAsMissing(slot, missed));
      BigInteger validatorBefore = validator.tokenBalance();
      validator.markProofAsMissing(slot, missed);
      BigInteger slashed = collateral.multiply(BigInteger.valueOf(20)).divide(BigInteger.valueOf(100));
      assertEquals(collateral.subtract(slashed), host.currentCollateral(slot));
      assertEquals(validatorBefore.add(slashed.multiply(BigInteger.valueOf(20)).divide(BigInteger.valueOf(100))),
          validator.tokenBalance(), "the validator's reward is 20 % of the slash");
      assertFalse(validator.canMarkProofAsMissing(slot, missed), "marked once");

      chain.mineAt(client.requestEnd(id) + 1);
      assertEquals(Optional.of(RequestState.FINISHED), client.requestState(id));
      assertEquals(SlotState.FINISHED, host.slotState(slot));
      BigInteger collateralLeft = host.currentCollateral(slot);
      BigInteger hostBeforeFree = host.tokenBalance();
      host.freeSlot(slot);
      BigInteger payout = host.tokenBalance().subtract(hostBeforeFree).subtract(collateralLeft);
      BigInteger clientBeforeWithdraw = client.tokenBalance();
      client.withdrawFunds(id);
      BigInteger refund = client.tokenBalance().subtract(clientBeforeWithdraw);
      assertTrue(payout.signum() > 0, "payout " + payout);
      assertEquals(request.ask().totalPrice(), payout.add(refund),
          "the host's payout and the client's refund share the price");
      assertEquals(SlotState.PAID, host.slotState(slot));
      assertEquals(List.of(), client.myRequests());
      assertEquals(List.of(), host.mySlots());
      MarketException again = assertThrows(MarketException.class, () -> client.withdrawFunds(id));
      assertTrue(again.getMessage().startsWith("withdrawFunds(" + id + "): reverted with Marketplace_"),
          again.getMessage());
      // fillSlot verifies its proof through submitProof, whose event comes first.
      assertEquals(List.of("storageRequested", "proofSubmitted", "slotFilled", "requestFulfilled",
              "proofSubmitted"),
          events.events().stream().map(e -> e.split(" ")[0]).toList(), "in chain order");
    }
  }

  @Test
  void revertsBecomeTheExceptionsNamingCallAndError() throws Exception {
    try (OnChainMarket client = chain.market(TestMarketChain.CLIENT2)) {
      revertsOf(client);
    }
  }

  private static void revertsOf(OnChainMarket client) throws Exception {
    StorageRequest request = TestMarketChain.request(client.signer(), 2, 2);
    RequestId id = request.id();
    assertEquals(Optional.empty(), host.getRequest(id));
    assertEquals(Optional.empty(), host.requestState(id));
    client.requestStorage(request);
    MarketException exists = assertThrows(MarketException.class, () -> client.requestStorage(request));
    assertEquals("requestStorage(" + id + "): reverted with Marketplace_RequestAlreadyExists (0xfc7d0690)",
        exists.getMessage());

    SlotId slot = id.slotId(1);
    assertEquals(Optional.empty(), host.getActiveSlot(slot), "free");
    assertEquals(Optional.empty(), host.getHost(slot));
    assertFalse(host.isProofRequired(slot));
    MarketException unreserved = assertThrows(MarketException.class,
        () -> host.fillSlot(id, 1, chain.proof(host, request, 1), host.slotCollateral(id, 1)));
    assertEquals("fillSlot(" + id + ", 1): reverted with Marketplace_ReservationRequired (0xd651ce18)",
        unreserved.getMessage());
    host.reserveSlot(id, 1);
    SlotReservationNotAllowedException reserved =
        assertThrows(SlotReservationNotAllowedException.class, () -> host.reserveSlot(id, 1));
    assertEquals("reserveSlot(" + id + ", 1): reverted with SlotReservations_ReservationNotAllowed (0x424a04ab)",
        reserved.getMessage());
    SlotStateMismatchException free = assertThrows(SlotStateMismatchException.class, () -> host.freeSlot(slot));
    assertEquals("freeSlot(" + slot + "): reverted with Marketplace_SlotIsFree (0x8b41ec7f)", free.getMessage());
    MarketException running = assertThrows(MarketException.class, () -> client.withdrawFunds(id));
    assertEquals("withdrawFunds(" + id + "): reverted with Marketplace_InvalidState (0xc00b5b57)",
        running.getMessage());
  }

  /**
   * A node restarted on the same key reads its nonce at the pending block and carries on; the
   * instance that was running before has a stale nonce, is told "nonce too low", reads it again
   * and sends too.
   */
  @Test
  void aRestartedMarketOnTheSameKeyKeepsSending() throws Exception {
    List<RequestId> sent = new java.util.ArrayList<>();
    try (OnChainMarket before = chain.market(HOST2)) {
      StorageRequest first = TestMarketChain.request(before.signer(), 3, 1);
      before.requestStorage(first);
      sent.add(first.id());
      try (OnChainMarket restarted = chain.market(HOST2)) {
        StorageRequest second = TestMarketChain.request(restarted.signer(), 4, 1);
        restarted.requestStorage(second);
        sent.add(second.id());
      }
      StorageRequest third = TestMarketChain.request(before.signer(), 5, 1);
      before.requestStorage(third);
      sent.add(third.id());
      assertEquals(sent, before.myRequests());
    }
  }

  @Test
  void neverShowsTheKey() {
    String key = DevChain.devKey(HOST).getEcKeyPair().getPrivateKey().toString(16);
    assertFalse(host.toString().contains(key), host.toString());
    assertTrue(host.toString().contains(host.signer()));
  }
}
