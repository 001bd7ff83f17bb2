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

import io.slotbeam.contracts.generated.Marketplace;
import io.slotbeam.node.market.ActiveSlot;
import io.slotbeam.node.market.Ask;
import io.slotbeam.node.market.Market;
import io.slotbeam.node.market.MarketConfig;
import io.slotbeam.node.market.MarketException;
import io.slotbeam.node.market.MarketListener;
import io.slotbeam.node.market.ProofInvalidException;
import io.slotbeam.node.market.RequestId;
import io.slotbeam.node.market.RequestState;
import io.slotbeam.node.market.SlotId;
import io.slotbeam.node.market.SlotReservationNotAllowedException;
import io.slotbeam.node.market.SlotState;
import io.slotbeam.node.market.SlotStateMismatchException;
import io.slotbeam.node.market.StorageRequest;
import io.slotbeam.node.validator.Validation;
import io.slotbeam.node.validator.ValidationConfig;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.Web3j;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.StaticGasProvider;

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
      events.await("proofSubmitted " + slot, "proofSubmitted " + slot); // the fill's, then this one
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
    List<RequestId> sent = new ArrayList<>();
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

  /**
   * Two missed proofs (maxNumberOfSlashes 2) free a slot for repair; the request, which may lose
   * one slot, keeps running; another host then fills it for the collateral less the repair
   * reward (10 %), and the freed slot's events arrive.
   */
  @Test
  void aSlotFreedForMissedProofsIsRepairedForLessCollateral() throws Exception {
    try (OnChainMarket client = chain.market(TestMarketChain.CLIENT3);
        OnChainMarket host = chain.market(TestMarketChain.HOST4);
        OnChainMarket repairer = chain.market(HOST2)) {
      RecordingListener events = new RecordingListener();
      try (Market.Subscription subscription = repairer.subscribe(events)) {
        StorageRequest request = new StorageRequest(client.signer(),
            new Ask(BigInteger.ONE, BigInteger.valueOf(2), BigInteger.valueOf(3), 2, 1024,
                10 * PERIOD, 1),
            TestMarketChain.request(client.signer(), 6, 2).content(), 5 * PERIOD, new byte[32]);
        RequestId id = request.id();
        client.requestStorage(request);
        chain.startNextPeriod();
        for (long slotIndex = 0; slotIndex < 2; slotIndex++) {
          host.reserveSlot(id, slotIndex);
          host.fillSlot(id, slotIndex, chain.proof(host, request, slotIndex), host.slotCollateral(id, slotIndex));
        }
        SlotId slot = id.slotId(0);
        for (int miss = 0; miss < 2; miss++) {
          long missed = chain.startNextPeriod();
          host.submitProof(id.slotId(1), chain.proof(host, request, 1));
          chain.mineAt((missed + 1) * PERIOD + 1);
          validator.markProofAsMissing(slot, missed);
        }
        events.await("slotFreed " + id + " 0");
        assertEquals(SlotState.REPAIR, repairer.slotState(slot));
        assertEquals(Optional.of(RequestState.STARTED), client.requestState(id), "one slot may be lost");
        BigInteger perSlot = request.ask().collateralPerSlot();
        BigInteger repairCollateral = repairer.slotCollateral(id, 0);
        assertEquals(perSlot.subtract(perSlot.divide(BigInteger.TEN)), repairCollateral);
        assertEquals(perSlot, repairer.slotCollateral(id, 1), "a filled slot: the full collateral");

        repairer.reserveSlot(id, 0);
        BigInteger before = repairer.tokenBalance();
        repairer.fillSlot(id, 0, chain.proof(repairer, request, 0), repairCollateral);
        assertEquals(before.subtract(repairCollateral), repairer.tokenBalance());
        assertEquals(SlotState.FILLED, repairer.slotState(slot));
        assertEquals(repairer.signer(), repairer.getHost(slot).orElseThrow().toLowerCase());
        events.await("slotFilled " + id + " 0", "slotFilled " + id + " 0"); // the first fill, the repair
      }
    }
  }

  /**
   * With a reward recipient the payout of a finished slot goes to it and the collateral back to
   * the signer ({@code freeSlot(slotId, recipient, signer)}).
   */
  @Test
  void aRewardRecipientReceivesThePayout() throws Exception {
    String recipient = DevChain.devKey(TestMarketChain.RECIPIENT).getAddress();
    OnChainMarket.Options options = new OnChainMarket.Options(
        OnChainMarket.Options.DEFAULT_REQUEST_CACHE_SIZE, Optional.of(recipient),
        OnChainMarket.Options.DEFAULT_MAX_PRIORITY_FEE_PER_GAS, TestMarketChain.OPTIONS.eventPollInterval());
    try (OnChainMarket client = chain.market(TestMarketChain.CLIENT3);
        OnChainMarket paidHost = chain.chain.market(TestMarketChain.HOST3, options);
        OnChainMarket recipientView = chain.market(TestMarketChain.RECIPIENT)) {
      StorageRequest request = TestMarketChain.request(client.signer(), 7, 1);
      RequestId id = request.id();
      client.requestStorage(request);
      chain.startNextPeriod();
      paidHost.reserveSlot(id, 0);
      BigInteger collateral = paidHost.slotCollateral(id, 0);
      BigInteger hostBefore = paidHost.tokenBalance();
      paidHost.fillSlot(id, 0, chain.proof(paidHost, request, 0), collateral);
      chain.mineAt(client.requestEnd(id) + 1);
      BigInteger recipientBefore = recipientView.tokenBalance();
      paidHost.freeSlot(id.slotId(0));
      assertEquals(hostBefore, paidHost.tokenBalance(), "the collateral came back to the host");
      BigInteger payout = recipientView.tokenBalance().subtract(recipientBefore);
      BigInteger clientBefore = client.tokenBalance();
      client.withdrawFunds(id);
      assertEquals(request.ask().totalPrice(), payout.add(client.tokenBalance().subtract(clientBefore)));
    }
  }

  /**
   * A restarted validator's look back (spec node §6 {@code queryPastSlotFilledEvents}): the fills
   * from a time on, oldest first, found across more blocks than one eth_getLogs range; a validator
   * started afterwards watches them.
   */
  @Test
  void slotsFilledSinceATimeAreFoundAcrossManyBlocks() throws Exception {
    try (OnChainMarket client = chain.market(TestMarketChain.CLIENT3);
        OnChainMarket filler = chain.market(TestMarketChain.HOST3)) {
      long beforeFirst = chain.latestTimestamp() + 1;
      SlotId first = fillOneSlot(client, filler, 14);
      chain.chain.anvil().mine(2L * EventPoller.MAX_BLOCKS_PER_QUERY + 10);
      long since = chain.latestTimestamp() + 10;
      chain.mineAt(since);
      SlotId second = fillOneSlot(client, filler, 15);

      List<SlotId> fromSince = host.slotsFilledSince(since);
      assertTrue(fromSince.contains(second), second + " was filled after " + since + ": " + fromSince);
      assertFalse(fromSince.contains(first), first + " was filled before " + since + ": " + fromSince);
      List<SlotId> fromBefore = validator.slotsFilledSince(beforeFirst);
      assertTrue(fromBefore.contains(first) && fromBefore.indexOf(first) < fromBefore.indexOf(second),
          "both, oldest first: " + fromBefore);
      try (OnChainClock clock = validator.startClock(Duration.ofMillis(100));
          Validation started = Validation.start(validator, clock, new ValidationConfig(0, OptionalInt.empty(), 0))) {
        assertTrue(started.slots().containsAll(List.of(first, second)),
            "a validator started after both fills watches them: " + started.slots());
      }
    }
  }

  /** Requests one slot of nonce {@code nonce} and fills it with {@code filler}; returns the slot. */
  private static SlotId fillOneSlot(OnChainMarket client, OnChainMarket filler, int nonce) throws Exception {
    StorageRequest request = TestMarketChain.request(client.signer(), nonce, 1);
    client.requestStorage(request);
    chain.startNextPeriod();
    filler.reserveSlot(request.id(), 0);
    filler.fillSlot(request.id(), 0, chain.proof(filler, request, 0), filler.slotCollateral(request.id(), 0));
    return request.id().slotId(0);
  }

  /** Events on both sides of a gap wider than one eth_getLogs range arrive, in order. */
  @Test
  void eventsAcrossManyBlocksArriveInOrder() throws Exception {
    RecordingListener events = new RecordingListener();
    try (OnChainMarket client = chain.market(TestMarketChain.CLIENT3);
        Market.Subscription subscription = client.subscribe(events)) {
      StorageRequest before = TestMarketChain.request(client.signer(), 12, 1);
      StorageRequest after = TestMarketChain.request(client.signer(), 13, 1);
      client.requestStorage(before);
      chain.chain.anvil().mine(2L * EventPoller.MAX_BLOCKS_PER_QUERY + 10);
      client.requestStorage(after);
      String first = "storageRequested " + before.id() + " " + before.ask() + " " + client.requestExpiresAt(before.id());
      String second = "storageRequested " + after.id() + " " + after.ask() + " " + client.requestExpiresAt(after.id());
      events.await(first, second);
      assertEquals(List.of(first, second), events.events());
    }
  }

  /** A listener that throws loses that event only; after close no more events arrive. */
  @Test
  void aFailingListenerDoesNotStopTheEventsAndCloseDoes() throws Exception {
    RecordingListener events = new RecordingListener();
    MarketListener failing = new MarketListener() {
      @Override
      public void storageRequested(RequestId id, Ask ask, long expiresAt) {
        events.storageRequested(id, ask, expiresAt);
        throw new IllegalStateException("listener bug");
      }
    };
    try (OnChainMarket client = chain.market(TestMarketChain.CLIENT3)) {
      StorageRequest first = TestMarketChain.request(client.signer(), 8, 1);
      StorageRequest second = TestMarketChain.request(client.signer(), 9, 1);
      StorageRequest third = TestMarketChain.request(client.signer(), 10, 1);
      try (Market.Subscription subscription = client.subscribe(failing)) {
        client.requestStorage(first);
        client.requestStorage(second);
        events.await("storageRequested " + first.id() + " " + first.ask() + " " + client.requestExpiresAt(first.id()),
            "storageRequested " + second.id() + " " + second.ask() + " " + client.requestExpiresAt(second.id()));
      }
      client.requestStorage(third);
      Thread.sleep(500);
      assertEquals(2, events.events().size(), "nothing after close: " + events.events());
    }
  }

  /**
   * A transaction that passes its estimate but fails in its block (here: given half the gas it
   * needs) is reported with its hash and block; its nonce is spent, so the next one still goes out.
   */
  @Test
  void aTransactionRevertedInItsBlockIsReportedAndTheNextOneSent() throws Exception {
    TransactionSender sender = new TransactionSender(
        new ChainRpc(chain.chain.anvil().web3j(), chain.chain.rpcUrl()),
        DevChain.devKey(TestMarketChain.CLIENT2), OnChainMarket.Options.DEFAULT_MAX_PRIORITY_FEE_PER_GAS);
    StorageRequest request = TestMarketChain.request(sender.address(), 11, 1);
    RequestId id = request.id();
    try (OnChainMarket client = chain.market(TestMarketChain.CLIENT2)) {
      client.requestStorage(request);
      Web3j web3j = chain.chain.anvil().web3j();
      String reserve = Marketplace.load(chain.chain.deployment().marketplace(), web3j,
              new ReadonlyTransactionManager(web3j, sender.address()),
              new StaticGasProvider(BigInteger.ZERO, BigInteger.ZERO))
          .reserveSlot(id.bytes(), BigInteger.ZERO).encodeFunctionCall();
      MarketException outOfGas = assertThrows(MarketException.class,
          () -> sender.send("reserveSlot(half gas)", chain.chain.deployment().marketplace(), reserve, 50));
      assertTrue(outOfGas.getMessage().matches("reserveSlot\\(half gas\\): transaction 0x[0-9a-f]{64} reverted in block \\d+ "
          + "\\(gas used \\d+ of \\d+\\)"), outOfGas.getMessage());
      assertTrue(client.canReserveSlot(id, 0), "nothing was reserved");
      sender.send("reserveSlot", chain.chain.deployment().marketplace(), reserve, OnChainMarket.RESERVE_GAS_PERCENT);
      assertFalse(client.canReserveSlot(id, 0), "reserved by the same account now");
    }
  }

  @Test
  void neverShowsTheKey() {
    String key = DevChain.devKey(HOST).getEcKeyPair().getPrivateKey().toString(16);
    assertFalse(host.toString().contains(key), host.toString());
    assertTrue(host.toString().contains(host.signer()));
  }
}
