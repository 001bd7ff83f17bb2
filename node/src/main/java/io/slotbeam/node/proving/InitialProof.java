package io.slotbeam.node.proving;

import io.slotbeam.core.groth16.Proof;
import io.slotbeam.node.market.Market;
import io.slotbeam.node.market.MarketClock;
import io.slotbeam.node.market.Periodicity;
import io.slotbeam.node.market.SlotId;
import java.io.IOException;

/**
 * The proof that goes with {@code fillSlot} (nim-codex {@code SaleInitialProving}, spec node
 * §8.1): waits for the next period, and for further periods while the slot's pointer is within
 * {@code downtime} of its wrap-around (so the challenge cannot change before the fill lands: the
 * pointer moves one step per block), then proves the current challenge.
 */
public final class InitialProof {
  /** What proves a challenge for the slot being filled. */
  @FunctionalInterface
  public interface ChallengeProver {
    Proof prove(byte[] challenge) throws IOException;
  }

  private InitialProof() {}

  public static Proof make(Market market, MarketClock clock, SlotId slot, ChallengeProver prover)
      throws IOException, InterruptedException {
    Periodicity periods = market.config().periodicity();
    int downtime = market.config().downtime();
    waitUntilNextPeriod(clock, periods);
    while (market.getPointer(slot) > 256 - downtime) {
      waitUntilNextPeriod(clock, periods);
    }
    return prover.prove(market.getChallenge(slot));
  }

  static void waitUntilNextPeriod(MarketClock clock, Periodicity periods) throws InterruptedException {
    clock.waitUntil(periods.periodEnd(periods.periodOf(clock.now())) + 1);
  }
}
