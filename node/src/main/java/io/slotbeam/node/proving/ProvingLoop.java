package io.slotbeam.node.proving;

import io.slotbeam.core.groth16.Proof;
import io.slotbeam.node.market.Market;
import io.slotbeam.node.market.MarketClock;
import io.slotbeam.node.market.MarketException;
import io.slotbeam.node.market.Periodicity;
import io.slotbeam.node.market.SlotId;
import io.slotbeam.node.market.SlotState;
import java.io.IOException;
import java.lang.System.Logger.Level;

/**
 * Proves a filled slot period after period (nim-codex {@code SaleProving}, spec node §8.2): about
 * one second into each period it reads the slot's state; while Filled and a proof is required now
 * or will be once the pointer leaves its downtime (the challenge is the same: the pointer has not
 * wrapped), it proves the current challenge and submits it. A failed proof or submission is logged
 * and the period skipped, never fatal. With simulated failures every N-th due proof is the invalid
 * all-zero one (§8.4).
 */
public final class ProvingLoop {
  private static final System.Logger LOG = System.getLogger(ProvingLoop.class.getName());

  /** The slot was freed (repair) or is in a state a filled slot cannot be in: the sale errs. */
  public static final class SlotLostException extends IllegalStateException {
    public SlotLostException(String message) {
      super(message);
    }
  }

  /** Told of each proof the loop submitted, with the period it was due in. */
  public interface Observer {
    void submitted(SlotId slot, long period, Proof proof);
  }

  private final Market market;
  private final MarketClock clock;
  private final SlotId slot;
  private final InitialProof.ChallengeProver prover;
  private final int failEveryNProofs;
  private final Observer observer;
  private int dueProofs;

  public ProvingLoop(Market market, MarketClock clock, SlotId slot, InitialProof.ChallengeProver prover,
      int failEveryNProofs, Observer observer) {
    this.market = market;
    this.clock = clock;
    this.slot = slot;
    this.prover = prover;
    this.failEveryNProofs = failEveryNProofs;
    this.observer = observer;
  }

  /**
   * Runs until the slot is Finished.
   *
   * @throws SlotLostException if the slot was freed or is Free or Paid
   */
  public void run() throws InterruptedException {
    Periodicity periods = market.config().periodicity();
    while (true) {
      long period = periods.periodOf(clock.now());
      SlotState state = market.slotState(slot);
      switch (state) {
        case FILLED -> {
          if (market.isProofRequired(slot) || market.willProofBeRequired(slot)) {
            period = Math.max(period, proveAndSubmit(period));
          }
        }
        case CANCELLED, FAILED -> {
          // the agent's events move the sale on
        }
        case REPAIR -> throw new SlotLostException("Slot was forcible freed and host was removed from its hosts: " + slot);
        case FINISHED -> {
          return;
        }
        default -> throw new SlotLostException("Slot " + slot + " is " + state + ", not filled");
      }
      clock.waitUntil(periods.periodStart(period + 1) + 1);
    }
  }

  /**
   * Whether {@code failure} comes from an interruption: the witness calculator (Chicory) turns one
   * into its own exception and clears the flag, and the loop must still stop then.
   */
  private static boolean interruption(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof InterruptedException || t.getClass().getSimpleName().endsWith("InterruptedException")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Proves and submits the current challenge; returns the period the contract counted the proof
   * in, or {@code period} when there was none. The chain's period can be ahead of the local clock
   * (it learns of new blocks by polling), and the loop must then not prove that period again.
   */
  private long proveAndSubmit(long period) throws InterruptedException {
    Proof proof;
    dueProofs++;
    if (failEveryNProofs > 0 && dueProofs % failEveryNProofs == 0) {
      dueProofs = 0;
      proof = Proving.INVALID_PROOF;
    } else {
      try {
        proof = prover.prove(market.getChallenge(slot));
      } catch (IOException | RuntimeException e) {
        if (Thread.currentThread().isInterrupted() || interruption(e)) {
          throw new InterruptedException("proving of slot " + slot + " stopped: " + e.getMessage());
        }
        LOG.log(Level.WARNING, "cannot prove slot " + slot + " in period " + period + ": " + e.getMessage(), e);
        return period;
      }
    }
    if (Thread.interrupted()) {
      throw new InterruptedException("proving of slot " + slot + " stopped");
    }
    try {
      long accepted = market.submitProof(slot, proof);
      observer.submitted(slot, accepted, proof);
      return accepted;
    } catch (MarketException e) {
      LOG.log(Level.WARNING, "cannot submit the proof of slot " + slot + " for period " + period + ": " + e.getMessage(), e);
      return period;
    }
  }
}
