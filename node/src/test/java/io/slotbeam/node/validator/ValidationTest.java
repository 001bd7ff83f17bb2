package io.slotbeam.node.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotbeam.core.groth16.G1Point;
import io.slotbeam.core.groth16.G2Point;
import io.slotbeam.core.groth16.Proof;
import io.slotbeam.node.market.Ask;
import io.slotbeam.node.market.Content;
import io.slotbeam.node.market.ManualClock;
import io.slotbeam.node.market.Market;
import io.slotbeam.node.market.MarketException;
import io.slotbeam.node.market.MockMarket;
import io.slotbeam.node.market.RequestId;
import io.slotbeam.node.market.SlotId;
import io.slotbeam.node.market.SlotState;
import io.slotbeam.node.market.StorageRequest;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The validator against the in-memory market: which slots it watches and which proofs it marks. */
class ValidationTest {
  private static final long PERIOD = 10;
  private static final String SIGNER = "0x" + "ab".repeat(20);
  private static final long START = 1_000_005; // half-way through period 100000
  /** The in-memory market takes any proof. */
  private static final Proof ANY_PROOF = new Proof(G1Point.INFINITY, G2Point.INFINITY, G1Point.INFINITY);

  private final ManualClock clock = new ManualClock(START);
  private final MockMarket market = new MockMarket(MockMarket.config(PERIOD), SIGNER, clock);
  private Validation validation;

  @AfterEach
  void stop() {
    if (validation != null) {
      validation.close();
    }
  }

  /** Requests {@code slots} slots with a fixed nonce (so fixed slot ids) and fills them all. */
  private List<SlotId> fillRequest(int nonce, int slots) {
    byte[] nonceBytes = new byte[32];
    nonceBytes[31] = (byte) nonce;
    StorageRequest request =
        new StorageRequest(
            SIGNER,
            new Ask(BigInteger.ONE, BigInteger.ONE, BigInteger.ONE, slots, 65536, 1000, 1),
            new Content(new byte[] {1, 2, 3}, new byte[32]),
            100,
            nonceBytes);
    market.requestStorage(request);
    RequestId id = request.id();
    List<SlotId> filled = new ArrayList<>();
    for (int i = 0; i < slots; i++) {
      market.reserveSlot(id, i);
      market.fillSlot(id, i, ANY_PROOF, BigInteger.ONE);
      filled.add(id.slotId(i));
    }
    return filled;
  }

  /** Moves the clock one second into the next period and waits for the validator's pass there. */
  private void nextPeriod() throws InterruptedException {
    long passes = validation.passes();
    clock.set((clock.now() / PERIOD + 1) * PERIOD + 1);
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (validation.passes() == passes) {
      assertTrue(System.nanoTime() < deadline, "the validator made no pass in 10 s");
      Thread.sleep(5);
    }
  }

  /** The slots whose proofs were marked missing, each as "slotId period". */
  private Set<String> marked() {
    return market.transactions().stream()
        .filter(t -> t.startsWith("markProofAsMissing "))
        .map(t -> t.substring("markProofAsMissing ".length()))
        .collect(Collectors.toSet());
  }

  private static int group(SlotId slot, int groups) {
    return new BigInteger(1, Arrays.copyOf(slot.bytes(), 8)).mod(BigInteger.valueOf(groups)).intValue();
  }

  @Test
  void marksExactlyTheMissedProofsOfItsGroupForThePreviousPeriod() throws InterruptedException {
    validation = Validation.start(market, clock, new ValidationConfig(0, OptionalInt.of(2), 1));
    List<SlotId> slots = new ArrayList<>(fillRequest(1, 4));
    slots.addAll(fillRequest(2, 4));
    List<SlotId> mine = slots.stream().filter(s -> group(s, 2) == 1).toList();
    assertTrue(mine.size() > 1 && mine.size() < slots.size(), "the fixture has slots in both groups: " + mine.size());
    assertEquals(mine, validation.slots());

    // Every other slot missed its proof: in the group and out of it.
    List<SlotId> missed = new ArrayList<>();
    for (int i = 0; i < slots.size(); i += 2) {
      market.setProofRequired(slots.get(i), true);
      missed.add(slots.get(i));
    }
    nextPeriod(); // now period 100001 + 1 s: period 100000 is checked
    Set<String> expected =
        missed.stream().filter(mine::contains).map(s -> s.hex() + " 100000").collect(Collectors.toSet());
    assertTrue(!expected.isEmpty(), "the fixture has a missed proof in the group");
    assertEquals(expected, marked());
  }

  @Test
  void dropsSlotsThatAreNoLongerFilledAndMarksNothingForThem() throws InterruptedException {
    validation = Validation.start(market, clock, new ValidationConfig(0, OptionalInt.empty(), 0));
    List<SlotId> slots = fillRequest(3, 3);
    slots.forEach(s -> market.setProofRequired(s, true));
    market.setSlotState(slots.get(1), SlotState.FINISHED);
    market.setSlotState(slots.get(2), SlotState.REPAIR);
    nextPeriod();
    assertEquals(List.of(slots.get(0)), validation.slots());
    assertEquals(Set.of(slots.get(0).hex() + " 100000"), marked());
    nextPeriod();
    assertEquals(Set.of(slots.get(0).hex() + " 100000", slots.get(0).hex() + " 100001"), marked());
  }

  @Test
  void watchesAtMostMaxSlotsInTheOrderTheyWereFilled() {
    validation = Validation.start(market, clock, new ValidationConfig(3, OptionalInt.empty(), 0));
    List<SlotId> slots = fillRequest(4, 5);
    assertEquals(slots.subList(0, 3), validation.slots());
  }

  @Test
  void restoresTheFilledSlotsOfItsGroupFromPastEvents() {
    List<SlotId> slots = new ArrayList<>(fillRequest(5, 4));
    slots.addAll(fillRequest(6, 4));
    market.setSlotState(slots.get(0), SlotState.FREE);
    validation = Validation.start(market, clock, new ValidationConfig(0, OptionalInt.of(2), 0));
    List<SlotId> expected = slots.stream().skip(1).filter(s -> group(s, 2) == 0).toList();
    assertTrue(!expected.isEmpty());
    assertEquals(expected, validation.slots());
  }

  @Test
  void aMarketWithoutHistoryStillGetsNewFillsWatched() {
    fillRequest(10, 2); // before the start: not seen without history
    Market withoutHistory =
        (Market) Proxy.newProxyInstance(
            Market.class.getClassLoader(),
            new Class<?>[] {Market.class},
            (proxy, method, args) ->
                method.getName().equals("slotsFilledSince")
                    ? InvocationHandler.invokeDefault(proxy, method, args)
                    : method.invoke(market, args));
    validation = Validation.start(withoutHistory, clock, new ValidationConfig(0, OptionalInt.empty(), 0));
    assertEquals(List.of(), validation.slots());
    assertEquals(fillRequest(11, 2), validation.slots());
  }

  @Test
  void aFailedMarkIsLoggedAndTheOtherSlotsAreStillMarked() throws InterruptedException {
    validation = Validation.start(market, clock, new ValidationConfig(0, OptionalInt.empty(), 0));
    List<SlotId> slots = fillRequest(7, 2);
    slots.forEach(s -> market.setProofRequired(s, true));
    market.failNext("markProofAsMissing", new MarketException("markProofAsMissing: reverted"));
    nextPeriod();
    assertEquals(Set.of(slots.get(1).hex() + " 100000"), marked());
  }
}
