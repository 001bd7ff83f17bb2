package io.slotbeam.node.proving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotbeam.core.groth16.G1Point;
import io.slotbeam.core.groth16.G2Point;
import io.slotbeam.core.groth16.Proof;
import io.slotbeam.node.market.ManualClock;
import io.slotbeam.node.market.MockMarket;
import io.slotbeam.node.market.SlotId;
import io.slotbeam.node.market.SlotState;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The proving loop (spec node §8.2, §8.4) and the initial proof (§8.1) on a mock market and a manual clock. */
class ProvingLoopTest {
  private static final long PERIOD = 10;
  private static final Proof PROOF =
      new Proof(G1Point.of(BigInteger.ONE, BigInteger.TWO, "a"), G2Point.INFINITY, G1Point.INFINITY);
  private static final SlotId SLOT = SlotId.fromHex("ab".repeat(32));

  private final ManualClock clock = new ManualClock(1000); // period 100 starts
  private final MockMarket market = new MockMarket(MockMarket.config(PERIOD), "0x" + "11".repeat(20), clock);
  private final List<byte[]> challenges = new CopyOnWriteArrayList<>();
  private final List<Long> submitted = new CopyOnWriteArrayList<>();
  private final ExecutorService thread = Executors.newSingleThreadExecutor();

  @AfterEach
  void stop() {
    thread.shutdownNow();
  }

  private ProvingLoop loop(int failEvery, InitialProof.ChallengeProver prover) {
    return new ProvingLoop(market, clock, SLOT, prover, failEvery, (slot, period, proof) -> submitted.add(period));
  }

  private InitialProof.ChallengeProver recording() {
    return challenge -> {
      challenges.add(challenge);
      return PROOF;
    };
  }

  /** Moves to second 1 of the next period and waits until the loop has handled it. */
  private void nextPeriod(BooleanSupplier handled) throws InterruptedException {
    clock.set((clock.now() / PERIOD + 1) * PERIOD + 1);
    await(handled);
  }

  private void await(BooleanSupplier handled) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!handled.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "the loop did not handle period " + clock.now() / PERIOD);
      Thread.sleep(5);
    }
  }

  /** Nothing shows that the loop looked at a period without a due proof: give it time to. */
  private static boolean lookedBriefly() {
    try {
      Thread.sleep(300);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return true;
  }

  @Test
  void provesOnlyInPeriodsThatRequireOrWillRequireAProofThenStopsWhenFinished() throws Exception {
    market.setSlotState(SLOT, SlotState.FILLED);
    byte[] challenge = new byte[32];
    challenge[3] = 7;
    market.setChallenge(SLOT, challenge);
    market.setProofRequired(SLOT, true);
    Future<?> running = thread.submit(() -> {
      loop(0, recording()).run();
      return null;
    });
    await(() -> submitted.size() == 1);
    market.setProofRequired(SLOT, false);
    nextPeriod(ProvingLoopTest::lookedBriefly);
    market.setProofWillBeRequired(SLOT, true); // pointer in downtime: prove now, the challenge is the same
    nextPeriod(() -> submitted.size() == 2);
    assertEquals(List.of(100L, 102L), submitted);
    assertEquals(2, challenges.size());
    assertTrue(java.util.Arrays.equals(challenge, challenges.get(0)));
    market.setSlotState(SLOT, SlotState.FINISHED);
    clock.advance(PERIOD);
    running.get(10, TimeUnit.SECONDS);
  }

  /**
   * The node's clock learns of new blocks by polling, so a loop can start just after the chain
   * moved on: the proof it began in period 100 counts for 101, and it must not prove 101 again.
   */
  @Test
  void aProofCountedInALaterPeriodThanTheClockSaidIsNotProvedTwice() throws Exception {
    ManualClock chain = new ManualClock(clock.now() + PERIOD);
    MockMarket ahead = new MockMarket(MockMarket.config(PERIOD), "0x" + "11".repeat(20), chain);
    ahead.setSlotState(SLOT, SlotState.FILLED);
    ahead.setProofRequired(SLOT, true);
    thread.submit(() -> {
      new ProvingLoop(ahead, clock, SLOT, recording(), 0, (slot, period, proof) -> submitted.add(period)).run();
      return null;
    });
    await(() -> submitted.size() == 1);
    nextPeriod(ProvingLoopTest::lookedBriefly); // the local clock catches up with period 101
    assertEquals(List.of(101L), submitted);
    assertEquals(1, challenges.size(), "period 101 was proved once");
    chain.advance(PERIOD);
    nextPeriod(() -> submitted.size() == 2);
    assertEquals(List.of(101L, 102L), submitted);
  }

  @Test
  void aFailedProofSkipsThePeriodAndTheLoopGoesOn() throws Exception {
    market.setSlotState(SLOT, SlotState.FILLED);
    market.setProofRequired(SLOT, true);
    int[] calls = {0};
    thread.submit(() -> {
      loop(0, challenge -> {
        if (calls[0]++ == 0) {
          throw new IOException("witness failed");
        }
        return PROOF;
      }).run();
      return null;
    });
    await(() -> calls[0] == 1);
    nextPeriod(() -> submitted.size() == 1);
    assertEquals(List.of(101L), submitted);
    market.failNext("submitProof", new io.slotbeam.node.market.MarketException("submitProof: nonce too low"));
    nextPeriod(() -> calls[0] == 3);
    nextPeriod(() -> submitted.size() == 2);
    assertEquals(List.of(101L, 103L), submitted, "the failed submission was skipped, not fatal");
  }

  @Test
  void simulatedFailuresSendTheInvalidProofEveryNthDueProof() throws Exception {
    market.setSlotState(SLOT, SlotState.FILLED);
    market.setProofRequired(SLOT, true);
    thread.submit(() -> {
      loop(2, recording()).run();
      return null;
    });
    await(() -> market.transactions().size() == 1);
    for (int i = 2; i <= 4; i++) {
      int sent = i;
      nextPeriod(() -> market.transactions().size() == sent);
    }
    // proofs 2 and 4 are the all-zero proof, which the marketplace rejects (Proofs_InvalidProof)
    assertEquals(2, challenges.size());
    assertEquals(List.of(100L, 102L), submitted);
    assertEquals(List.of(PROOF, PROOF), market.submittedProofs());
  }

  @Test
  void aFreedSlotEndsTheLoopWithAnError() throws Exception {
    market.setSlotState(SLOT, SlotState.REPAIR);
    Future<?> running = thread.submit(() -> {
      loop(0, recording()).run();
      return null;
    });
    var e = org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.ExecutionException.class,
        () -> running.get(10, TimeUnit.SECONDS));
    assertInstanceOf(ProvingLoop.SlotLostException.class, e.getCause());
    assertTrue(e.getCause().getMessage().contains("forcible freed"), e.getCause().getMessage());
  }

  @Test
  void theInitialProofWaitsForTheNextPeriodAndForThePointerToLeaveTheWrapWindow() throws Exception {
    market.setPointer(SLOT, 256 - 64 + 1); // too close to the wrap-around for downtime 64
    Future<InitialProof.FillProof> proof = thread.submit(() -> InitialProof.make(market, clock, SLOT, recording()));
    clock.set(1011);
    Thread.sleep(100);
    assertTrue(challenges.isEmpty(), "the pointer is in the last downtime blocks: wait another period");
    market.setPointer(SLOT, 256 - 64);
    clock.set(1021);
    InitialProof.FillProof made = proof.get(10, TimeUnit.SECONDS);
    assertEquals(PROOF, made.proof());
    assertEquals(1, challenges.size());
    assertTrue(made.answers(market.getChallenge(SLOT)), "the proof names the challenge it answers");
  }
}
