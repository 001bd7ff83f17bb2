package io.slotbeam.node.proving;

import io.slotbeam.core.groth16.Proof;
import io.slotbeam.node.market.Market;
import io.slotbeam.node.market.MarketClock;
import io.slotbeam.node.market.Periodicity;
import io.slotbeam.node.market.SlotId;
import java.io.IOException;
import java.util.Arrays;

/**
 * The proof that goes with {@code fillSlot} (nim-codex {@code SaleInitialProving}, spec node
 * §8.1): waits for the next period, and for further periods while the slot's pointer is within
 * {@code downtime} of its wrap-around (so the challenge cannot change before the fill lands: the
 * pointer moves one step per block), then proves the current challenge. The challenge goes with the
 * proof, so that a fill the contract rejects can tell a stale proof (the challenge moved on: a new
 * period began while the fill was in flight) from a wrong one.
 */
public final class InitialProof {
  /** What proves a challenge for the slot being filled. */
  @FunctionalInterface
  public interface ChallengeProver {
    Proof prove(byte[] challenge) throws IOException;
  }

  /** The fill proof and the challenge it answers (32 bytes). */
  public record FillProof(byte[] challenge, Proof proof) {
    public FillProof {
      challenge = challenge.clone();
    }

    @Override
    public byte[] challenge() {
      return challenge.clone();
    }

    /** Whether {@code current} (the slot's challenge now) is still the one this proof answers. */
    public boolean answers(byte[] current) {
      return Arrays.equals(challenge, current);
    }
  }

  private InitialProof() {}

  public static FillProof make(Market market, MarketClock clock, SlotId slot, ChallengeProver prover)
      throws IOException, InterruptedException {
    Periodicity periods = market.config().periodicity();
    int downtime = market.config().downtime();
    waitUntilNextPeriod(clock, periods);
    while (market.getPointer(slot) > 256 - downtime) {
      waitUntilNextPeriod(clock, periods);
    }
    byte[] challenge = market.getChallenge(slot);
    return new FillProof(challenge, prover.prove(challenge));
  }

  static void waitUntilNextPeriod(MarketClock clock, Periodicity periods) throws InterruptedException {
    clock.waitUntil(periods.periodEnd(periods.periodOf(clock.now())) + 1);
  }
}
