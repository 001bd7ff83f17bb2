package io.slotbeam.contracts;

import static io.slotbeam.contracts.MarketFixture.CLIENT;
import static io.slotbeam.contracts.MarketFixture.HOST;
import static io.slotbeam.contracts.MarketFixture.HOST2;
import static io.slotbeam.contracts.MarketFixture.HOST3;
import static io.slotbeam.contracts.MarketFixture.VALIDATOR;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotbeam.contracts.generated.Marketplace;
import io.slotbeam.contracts.generated.Marketplace.Request;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * The marketplace on anvil through the flows that hosts, clients and validators go through (spec
 * node.md §5.3–5.5), with time moved by pinning block timestamps. Proofs come from {@link
 * TestProofs}, so every accepted fillSlot/submitProof also checks the public inputs.
 */
class MarketplaceTest {
  private static final AtomicLong NONCES = new AtomicLong(1);
  private static final String ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";
  // RequestState and SlotState ordinals (spec node.md §5.1)
  private static final BigInteger REQUEST_NEW = BigInteger.ZERO;
  private static final BigInteger REQUEST_STARTED = BigInteger.ONE;
  private static final BigInteger REQUEST_CANCELLED = BigInteger.valueOf(2);
  private static final BigInteger REQUEST_FINISHED = BigInteger.valueOf(3);
  private static final BigInteger REQUEST_FAILED = BigInteger.valueOf(4);
  private static final BigInteger SLOT_FILLED = BigInteger.ONE;
  private static final BigInteger SLOT_FINISHED = BigInteger.valueOf(2);
  private static final BigInteger SLOT_FAILED = BigInteger.valueOf(3);
  private static final BigInteger SLOT_PAID = BigInteger.valueOf(4);
  private static final BigInteger SLOT_CANCELLED = BigInteger.valueOf(5);
  private static final BigInteger SLOT_REPAIR = BigInteger.valueOf(6);
  /** Gas used by the calls the issue asks to measure, printed after the class. */
  private static final Map<String, BigInteger> GAS = new TreeMap<>();

  private static TestChain chain;
  private static MarketFixture f;

  @BeforeAll
  static void deploy() throws Exception {
    chain = TestChain.start();
    f = MarketFixture.deploy(chain, MarketFixture.config(0));
  }

  @AfterAll
  static void stopChain() {
    GAS.forEach((call, gas) -> System.out.println("gas used by " + call + ": " + gas));
    if (chain != null) {
      chain.close();
    }
  }

  private static Request newRequest() {
    return TestRequests.request(f.address(CLIENT), NONCES.getAndIncrement());
  }

  /** A new default request, already stored on chain. */
  private static Request storedRequest() throws Exception {
    Request request = newRequest();
    f.requestStorage(request);
    return request;
  }

  private static void assertReverts(String error, int account, RemoteFunctionCall<?> call)
      throws Exception {
    assertEquals(MarketFixture.selector(error + "()"), f.revertOf(account, call), error);
  }

  private static long timestampOf(TransactionReceipt receipt) throws Exception {
    return f.block(DefaultBlockParameter.valueOf(receipt.getBlockNumber()))
        .getTimestamp().longValueExact();
  }

  @Test
  void requestStoragePullsTheMaximumPriceAndEmitsTheCodexRequestId() throws Exception {
    Request request = newRequest();
    byte[] id = TestRequests.requestId(request);
    // web3j's ABI encoding of the request as one dynamic parameter gives the same id (§5.2)
    assertArrayEquals(id, Hash.sha3(Numeric.hexStringToByteArray(
        FunctionEncoder.encodeConstructor(List.<Type>of(request)))));
    BigInteger before = f.balance(CLIENT);

    TransactionReceipt receipt = f.requestStorage(request);

    long now = timestampOf(receipt);
    var events = Marketplace.getStorageRequestedEvents(receipt);
    assertEquals(1, events.size());
    assertArrayEquals(id, events.get(0).requestId);
    assertEquals(BigInteger.valueOf(now + TestRequests.EXPIRY), events.get(0).expiry);
    assertEquals(request.ask.duration, events.get(0).ask.duration);
    assertEquals(before.subtract(TestRequests.maxPrice(request)), f.balance(CLIENT));
    Marketplace market = f.market(CLIENT);
    Request stored = market.getRequest(id).send();
    assertArrayEquals(id, TestRequests.requestId(stored));
    assertEquals(BigInteger.ZERO, market.requestState(id).send()); // New
    assertEquals(BigInteger.valueOf(now + TestRequests.DURATION), market.requestEnd(id).send());
    assertEquals(BigInteger.valueOf(now + TestRequests.EXPIRY), market.requestExpiry(id).send());
    assertTrue(contains(market.myRequests().send(), id));
  }

  /** myRequests/mySlots come back from the raw web3j wrapper as a List of byte[]. */
  private static boolean contains(List<?> ids, byte[] id) {
    return ids.stream().anyMatch(each -> Arrays.equals((byte[]) each, id));
  }

  private static byte[] slotId(Request request, long slotIndex) {
    return TestRequests.slotId(TestRequests.requestId(request), slotIndex);
  }

  private static BigInteger big(long value) {
    return BigInteger.valueOf(value);
  }

  @Test
  void requestStorageRejectsInvalidRequests() throws Exception {
    Request stored = storedRequest();
    Marketplace client = f.market(CLIENT);
    assertReverts("Marketplace_RequestAlreadyExists", CLIENT, client.requestStorage(stored));
    Request forHost = TestRequests.request(f.address(HOST), NONCES.getAndIncrement());
    assertReverts("Marketplace_InvalidClientAddress", CLIENT, client.requestStorage(forHost));
    Request valid = newRequest();
    assertReverts("Marketplace_InvalidExpiry", CLIENT, client.requestStorage(new Request(
        valid.client, valid.ask, valid.content, valid.ask.duration, valid.nonce)));
    assertReverts("Marketplace_InvalidCid", CLIENT, client.requestStorage(new Request(
        valid.client, valid.ask, new Marketplace.Content(new byte[0], valid.content.merkleRoot),
        valid.expiry, valid.nonce)));
    long nonce = NONCES.getAndIncrement();
    assertReverts("Marketplace_InsufficientSlots", CLIENT,
        client.requestStorage(TestRequests.request(f.address(CLIENT), nonce, 0, 0, 1)));
    assertReverts("Marketplace_InvalidMaxSlotLoss", CLIENT,
        client.requestStorage(TestRequests.request(f.address(CLIENT), nonce, 2, 3, 1)));
    assertReverts("Marketplace_InsufficientProofProbability", CLIENT,
        client.requestStorage(TestRequests.request(f.address(CLIENT), nonce, 2, 0, 0)));
    assertEquals("no revert", f.revertOf(CLIENT, client.requestStorage(valid)));
  }

  @Test
  void reservationsAreLimitedAndNeededToFill() throws Exception {
    Request request = storedRequest();
    byte[] id = TestRequests.requestId(request);
    Marketplace host = f.market(HOST);
    assertTrue(host.canReserveSlot(id, BigInteger.ZERO).send());
    host.reserveSlot(id, BigInteger.ZERO).send();
    assertFalse(host.canReserveSlot(id, BigInteger.ZERO).send());
    assertReverts("SlotReservations_ReservationNotAllowed", HOST, host.reserveSlot(id, BigInteger.ZERO));
    TransactionReceipt second = f.market(HOST2).reserveSlot(id, BigInteger.ZERO).send();
    assertTrue(Marketplace.getSlotReservationsFullEvents(second).isEmpty());
    TransactionReceipt third = f.market(HOST3).reserveSlot(id, BigInteger.ZERO).send();
    var full = Marketplace.getSlotReservationsFullEvents(third);
    assertEquals(1, full.size());
    assertArrayEquals(id, full.get(0).requestId);
    assertEquals(BigInteger.ZERO, full.get(0).slotIndex);
    Marketplace fourth = f.market(VALIDATOR);
    assertFalse(fourth.canReserveSlot(id, BigInteger.ZERO).send());
    assertTrue(fourth.canReserveSlot(id, BigInteger.ONE).send());
    assertReverts("Marketplace_ReservationRequired", VALIDATOR,
        fourth.fillSlot(id, BigInteger.ZERO, MarketFixture.UNCHECKED_PROOF));
    assertReverts("Marketplace_InvalidSlot", HOST, host.fillSlot(id, big(2), MarketFixture.UNCHECKED_PROOF));
    assertReverts("Marketplace_UnknownRequest", HOST,
        host.fillSlot(new byte[32], BigInteger.ZERO, MarketFixture.UNCHECKED_PROOF));
  }

  @Test
  void fillSlotAcceptsOnlyTheProofOfTheSlotsOwnPublicInputs() throws Exception {
    Request request = storedRequest();
    byte[] id = TestRequests.requestId(request);
    Marketplace host = f.market(HOST);
    host.reserveSlot(id, BigInteger.ZERO).send();
    MarketFixture.Head head = f.head();
    List<BigInteger> inputs = f.publicInputs(request, 0, head);
    assertEquals("no revert", f.revertOf(HOST, host.fillSlot(id, BigInteger.ZERO, f.proofFor(inputs))));
    // the dataset root read big-endian, the whole 32-byte challenge, another slot's inputs
    List<List<BigInteger>> wrong = List.of(
        List.of(inputs.get(0), new BigInteger(1, request.content.merkleRoot), inputs.get(2)),
        List.of(new BigInteger(1, reversed(f.challenge(slotId(request, 0), head))),
            inputs.get(1), inputs.get(2)),
        f.publicInputs(request, 1, head));
    for (List<BigInteger> other : wrong) {
      assertReverts("Proofs_InvalidProof", HOST, host.fillSlot(id, BigInteger.ZERO, f.proofFor(other)));
    }
  }

  private static byte[] reversed(byte[] bytes) {
    byte[] out = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      out[i] = bytes[bytes.length - 1 - i];
    }
    return out;
  }

  @Test
  void fillingEverySlotStartsTheRequest() throws Exception {
    Request request = storedRequest();
    byte[] id = TestRequests.requestId(request);
    byte[] slot0 = slotId(request, 0);
    BigInteger collateral = TestRequests.collateralPerSlot(request);
    BigInteger hostBefore = f.balance(HOST);

    TransactionReceipt first = f.fill(request, 0, HOST);

    GAS.put("fillSlot (a slot of a request still New)", first.getGasUsed());
    var filled = Marketplace.getSlotFilledEvents(first);
    assertEquals(1, filled.size());
    assertArrayEquals(id, filled.get(0).requestId);
    assertEquals(BigInteger.ZERO, filled.get(0).slotIndex);
    assertTrue(Marketplace.getRequestFulfilledEvents(first).isEmpty());
    assertEquals(hostBefore.subtract(collateral), f.balance(HOST));
    Marketplace host = f.market(HOST);
    assertEquals(SLOT_FILLED, host.slotState(slot0).send());
    assertEquals(f.address(HOST), host.getHost(slot0).send());
    assertEquals(collateral, host.currentCollateral(slot0).send());
    assertTrue(contains(host.mySlots().send(), slot0));
    Marketplace.ActiveSlot active = host.getActiveSlot(slot0).send();
    assertEquals(BigInteger.ZERO, active.slotIndex);
    assertArrayEquals(id, TestRequests.requestId(active.request));
    assertEquals(REQUEST_NEW, host.requestState(id).send());

    TransactionReceipt second = f.fill(request, 1, HOST2);

    GAS.put("fillSlot (the last slot: starts the request)", second.getGasUsed());
    var fulfilled = Marketplace.getRequestFulfilledEvents(second);
    assertEquals(1, fulfilled.size());
    assertArrayEquals(id, fulfilled.get(0).requestId);
    assertEquals(REQUEST_STARTED, host.requestState(id).send());
    assertReverts("Marketplace_SlotNotFree", HOST, host.fillSlot(id, BigInteger.ZERO, MarketFixture.UNCHECKED_PROOF));
    byte[] neverFilled = slotId(newRequest(), 0);
    assertReverts("Marketplace_SlotIsFree", HOST, host.getActiveSlot(neverFilled));
    assertReverts("Marketplace_SlotIsFree", HOST, host.freeSlot(neverFilled));
    assertReverts("Marketplace_UnknownRequest", HOST, host.submitProof(neverFilled, MarketFixture.UNCHECKED_PROOF));
    assertReverts("Marketplace_InvalidClientAddress", HOST, host.withdrawFunds(id));
    assertReverts("Marketplace_InvalidState", CLIENT, f.market(CLIENT).withdrawFunds(id));
  }

  @Test
  void aProofIsRequiredAfterTheFillPeriodAndAcceptedOncePerPeriod() throws Exception {
    Request request = storedRequest();
    f.fill(request, 0, HOST);
    byte[] slot = slotId(request, 0);
    Marketplace host = f.market(HOST);
    assertFalse(host.isProofRequired(slot).send(), "not in the period of the fill");

    f.startNextPeriod(1);

    // downtime 0 and proofProbability 1: slotProbability 1, so every period needs a proof
    assertEquals(BigInteger.ONE, host.slotProbability(slot).send());
    assertTrue(host.isProofRequired(slot).send());
    assertFalse(host.willProofBeRequired(slot).send());
    MarketFixture.Head head = f.head();
    assertEquals(f.pointer(slot, head), host.getPointer(slot).send().intValueExact());
    assertArrayEquals(f.challenge(slot, head), host.getChallenge(slot).send());
    assertReverts("Marketplace_ProofNotSubmittedByHost", HOST2,
        f.market(HOST2).submitProof(slot, MarketFixture.UNCHECKED_PROOF));

    TransactionReceipt proven = f.submitProof(request, 0, HOST);

    GAS.put("submitProof", proven.getGasUsed());
    var events = Marketplace.getProofSubmittedEvents(proven);
    assertEquals(1, events.size());
    assertArrayEquals(slot, events.get(0).id);
    assertReverts("Proofs_ProofAlreadySubmitted", HOST, host.submitProof(slot, MarketFixture.UNCHECKED_PROOF));
  }

  @Test
  void missedProofsAreSlashedAndTheSecondFreesTheSlotAndFailsTheRequest() throws Exception {
    Request request = newRequest(); // two slots, none may be lost
    f.requestStorage(request);
    byte[] id = TestRequests.requestId(request);
    long fillPeriod = ProofRules.period(timestampOf(f.fill(request, 0, HOST)), f.periodSeconds());
    f.fill(request, 1, HOST2);
    byte[] slot = slotId(request, 0);
    Marketplace validator = f.market(VALIDATOR);
    BigInteger collateral = TestRequests.collateralPerSlot(request);
    BigInteger slash = collateral.multiply(big(20)).divide(big(100));
    BigInteger reward = slash.multiply(big(20)).divide(big(100));

    long missed = f.startNextPeriod(1);
    assertReverts("Proofs_PeriodNotEnded", VALIDATOR, validator.markProofAsMissing(slot, big(missed)));
    // fillSlot's proof counts for the period of the fill
    assertReverts("Proofs_ProofNotMissing", VALIDATOR, validator.markProofAsMissing(slot, big(fillPeriod)));
    long proven = f.startNextPeriod(1);
    assertEquals("no revert", f.revertOf(VALIDATOR, canMarkProofAsMissing(slot, missed)));
    BigInteger validatorBefore = f.balance(VALIDATOR);

    TransactionReceipt marked = validator.markProofAsMissing(slot, big(missed)).send();

    GAS.put("markProofAsMissing (first miss: slash)", marked.getGasUsed());
    assertEquals(validatorBefore.add(reward), f.balance(VALIDATOR));
    assertEquals(collateral.subtract(slash), validator.currentCollateral(slot).send());
    assertEquals(BigInteger.ONE, validator.missingProofs(slot).send());
    assertReverts("Proofs_ProofAlreadyMarkedMissing", VALIDATOR, validator.markProofAsMissing(slot, big(missed)));
    f.submitProof(request, 0, HOST);
    long late = f.startNextPeriod(1);
    assertReverts("Proofs_ProofNotMissing", VALIDATOR, validator.markProofAsMissing(slot, big(proven)));
    f.startNextPeriod(f.config.proofs.timeout.longValueExact());
    assertReverts("Proofs_ValidationTimedOut", VALIDATOR, validator.markProofAsMissing(slot, big(late)));
    long second = f.startNextPeriod(1) - 1;

    TransactionReceipt freed = validator.markProofAsMissing(slot, big(second)).send();

    GAS.put("markProofAsMissing (second miss: frees the slot, fails the request)", freed.getGasUsed());
    var slotFreed = Marketplace.getSlotFreedEvents(freed);
    assertEquals(1, slotFreed.size());
    assertEquals(BigInteger.ZERO, slotFreed.get(0).slotIndex);
    assertEquals(1, Marketplace.getRequestFailedEvents(freed).size());
    assertEquals(REQUEST_FAILED, validator.requestState(id).send());
    // a failed request ended the second before it failed
    assertEquals(big(timestampOf(freed) - 1), validator.requestEnd(id).send());
    assertEquals(SLOT_FAILED, validator.slotState(slot).send());
    assertEquals(ZERO_ADDRESS, validator.getHost(slot).send());
    assertEquals(BigInteger.ZERO, validator.currentCollateral(slot).send());
    assertFalse(contains(f.market(HOST).mySlots().send(), slot));
    assertReverts("Marketplace_SlotNotAcceptingProofs", VALIDATOR, validator.markProofAsMissing(slot, big(second)));

    // the other host's slot failed with the request: freeing it returns nothing
    byte[] other = slotId(request, 1);
    BigInteger host2Before = f.balance(HOST2);
    f.market(HOST2).freeSlot(other).send();
    assertEquals(host2Before, f.balance(HOST2));
    assertFalse(contains(f.market(HOST2).mySlots().send(), other));
    // a failed request refunds the client in full
    BigInteger clientBefore = f.balance(CLIENT);
    f.market(CLIENT).withdrawFunds(id).send();
    assertEquals(clientBefore.add(TestRequests.maxPrice(request)), f.balance(CLIENT));
    assertReverts("Marketplace_NothingToWithdraw", CLIENT, f.market(CLIENT).withdrawFunds(id));
  }

  private static String canMarkProofAsMissing(byte[] slot, long period) {
    return FunctionEncoder.encode(MarketplaceCalls.canMarkProofAsMissing(slot, big(period)));
  }

  @Test
  void aFinishedRequestPaysTheHostsAndReturnsTheRestToTheClient() throws Exception {
    BigInteger marketBefore = f.marketBalance();
    Request request = newRequest();
    long requested = timestampOf(f.requestStorage(request));
    byte[] id = TestRequests.requestId(request);
    long filledAt0 = timestampOf(f.fill(request, 0, HOST));
    long filledAt1 = timestampOf(f.fill(request, 1, HOST2));
    long endsAt = requested + TestRequests.DURATION;
    BigInteger price = TestRequests.pricePerSlotPerSecond(request);
    BigInteger collateral = TestRequests.collateralPerSlot(request);
    Marketplace host = f.market(HOST);
    assertReverts("Marketplace_InvalidState", CLIENT, f.market(CLIENT).withdrawFunds(id));

    f.mineAt(endsAt + 1);

    assertEquals(REQUEST_FINISHED, host.requestState(id).send());
    assertEquals(SLOT_FINISHED, host.slotState(slotId(request, 0)).send());
    BigInteger hostBefore = f.balance(HOST);
    host.freeSlot(slotId(request, 0)).send();
    BigInteger payout0 = price.multiply(big(endsAt - filledAt0));
    assertEquals(hostBefore.add(payout0).add(collateral), f.balance(HOST));
    assertEquals(SLOT_PAID, host.slotState(slotId(request, 0)).send());
    assertReverts("Marketplace_AlreadyPaid", HOST, host.freeSlot(slotId(request, 0)));
    assertReverts("Marketplace_InvalidSlotHost", HOST, host.freeSlot(slotId(request, 1)));

    // the three-argument freeSlot sends reward and collateral to the given recipients
    BigInteger rewardBefore = f.balance(HOST3);
    BigInteger host2Before = f.balance(HOST2);
    f.market(HOST2).freeSlot(slotId(request, 1), f.address(HOST3), f.address(HOST2)).send();
    BigInteger payout1 = price.multiply(big(endsAt - filledAt1));
    assertEquals(rewardBefore.add(payout1), f.balance(HOST3));
    assertEquals(host2Before.add(collateral), f.balance(HOST2));

    BigInteger clientBefore = f.balance(CLIENT);
    f.market(CLIENT).withdrawFunds(id).send();
    assertEquals(clientBefore.add(TestRequests.maxPrice(request)).subtract(payout0).subtract(payout1),
        f.balance(CLIENT));
    assertEquals(marketBefore, f.marketBalance(), "everything paid in was paid out");
    assertFalse(contains(f.market(CLIENT).myRequests().send(), id));
  }

  @Test
  void anExpiredRequestIsCancelledAndPaysFilledSlotsUntilExpiry() throws Exception {
    BigInteger marketBefore = f.marketBalance();
    Request request = newRequest();
    long expiresAt = timestampOf(f.requestStorage(request)) + TestRequests.EXPIRY;
    byte[] id = TestRequests.requestId(request);
    long filledAt = timestampOf(f.fill(request, 0, HOST));

    f.mineAt(expiresAt + 1);

    Marketplace host = f.market(HOST);
    assertEquals(REQUEST_CANCELLED, host.requestState(id).send());
    assertEquals(SLOT_CANCELLED, host.slotState(slotId(request, 0)).send());
    assertEquals(big(expiresAt), host.requestEnd(id).send());
    BigInteger payout = TestRequests.pricePerSlotPerSecond(request).multiply(big(expiresAt - filledAt));
    BigInteger hostBefore = f.balance(HOST);
    host.freeSlot(slotId(request, 0)).send();
    assertEquals(hostBefore.add(payout).add(TestRequests.collateralPerSlot(request)), f.balance(HOST));

    BigInteger clientBefore = f.balance(CLIENT);
    TransactionReceipt withdrawn = f.market(CLIENT).withdrawFunds(id).send();
    assertEquals(1, Marketplace.getRequestCancelledEvents(withdrawn).size());
    assertEquals(clientBefore.add(TestRequests.maxPrice(request)).subtract(payout), f.balance(CLIENT));
    assertEquals(marketBefore, f.marketBalance(), "everything paid in was paid out");
  }

  @Test
  void aHostLeavingARunningSlotForfeitsItsCollateralAndTheRepairingHostGetsADiscount()
      throws Exception {
    Request request = TestRequests.request(f.address(CLIENT), NONCES.getAndIncrement(), 2, 1, 1);
    f.requestStorage(request);
    byte[] id = TestRequests.requestId(request);
    f.fill(request, 0, HOST);
    f.fill(request, 1, HOST2);
    byte[] slot = slotId(request, 0);
    BigInteger hostBefore = f.balance(HOST);

    TransactionReceipt left = f.market(HOST).freeSlot(slot).send();

    assertEquals(1, Marketplace.getSlotFreedEvents(left).size());
    assertTrue(Marketplace.getRequestFailedEvents(left).isEmpty(), "one lost slot is allowed");
    assertEquals(hostBefore, f.balance(HOST));
    Marketplace host3 = f.market(HOST3);
    assertEquals(SLOT_REPAIR, host3.slotState(slot).send());
    assertEquals(REQUEST_STARTED, host3.requestState(id).send());
    BigInteger collateral = TestRequests.collateralPerSlot(request);
    BigInteger host3Before = f.balance(HOST3);
    // the proof received when the slot was first filled still counts for this period, so a repair
    // in the same period would revert with Proofs_ProofAlreadySubmitted, as upstream does
    f.startNextPeriod(1);

    TransactionReceipt repaired = f.fill(request, 0, HOST3);

    BigInteger discount = collateral.multiply(big(10)).divide(big(100));
    assertEquals(host3Before.subtract(collateral).add(discount), f.balance(HOST3));
    assertEquals(collateral, host3.currentCollateral(slot).send());
    assertEquals(SLOT_FILLED, host3.slotState(slot).send());
    assertTrue(Marketplace.getRequestFulfilledEvents(repaired).isEmpty());
  }
}
