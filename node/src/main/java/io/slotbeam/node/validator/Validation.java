package io.slotbeam.node.validator;

import io.slotbeam.node.market.Market;
import io.slotbeam.node.market.MarketClock;
import io.slotbeam.node.market.MarketException;
import io.slotbeam.node.market.MarketListener;
import io.slotbeam.node.market.Periodicity;
import io.slotbeam.node.market.RequestId;
import io.slotbeam.node.market.SlotId;
import io.slotbeam.node.market.SlotState;
import java.lang.System.Logger.Level;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The network's referee (nim-codex {@code Validation}, spec node §8.5): watches the filled slots of
 * its group ({@link ValidationConfig}), learnt from {@code SlotFilled} events and, at start, from
 * those of the last {@code requestDurationLimit} seconds; and one second into every period marks
 * each watched slot's proof of the period before as missing when the marketplace says it can be
 * ({@code canMarkProofAsMissing}, the contract being the judge of what was required). Slots that
 * are no longer filled are dropped first. A failed call is logged and the next slot or period goes
 * on; the marketplace pays the validator a share of each slash.
 *
 * <p>Runs on one thread of its own, started by {@link #start} and stopped by {@link #close}.
 */
public final class Validation implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Validation.class.getName());

  private final Market market;
  private final MarketClock clock;
  private final ValidationConfig config;
  private final Periodicity periodicity;
  private final Set<SlotId> slots = new LinkedHashSet<>();
  private final AtomicLong passes = new AtomicLong();
  private final Thread loop;
  private Market.Subscription subscription;

  private Validation(Market market, MarketClock clock, ValidationConfig config) {
    this.market = market;
    this.clock = clock;
    this.config = config;
    this.periodicity = market.config().periodicity();
    long firstPass = nextPass();
    this.loop = new Thread(() -> run(firstPass), "slotbeam-validator");
    loop.setDaemon(true);
  }

  /**
   * Subscribes to {@code SlotFilled}, restores the slots filled in the last {@code
   * requestDurationLimit} seconds that are still filled, and starts marking missed proofs. With a
   * market that cannot look up past events it says so in the log and watches new fills only.
   */
  public static Validation start(Market market, MarketClock clock, ValidationConfig config) {
    Validation validation = new Validation(market, clock, config);
    validation.subscription =
        market.subscribe(
            new MarketListener() {
              @Override
              public void slotFilled(RequestId id, long slotIndex) {
                validation.watch(id.slotId(slotIndex));
              }
            });
    try {
      validation.restore();
    } catch (RuntimeException e) {
      validation.subscription.close();
      throw e;
    }
    validation.loop.start();
    return validation;
  }

  /** The slots watched now, in the order they were added. */
  public synchronized List<SlotId> slots() {
    return List.copyOf(slots);
  }

  /** How many periods have been validated since the start. */
  public long passes() {
    return passes.get();
  }

  @Override
  public void close() {
    subscription.close();
    loop.interrupt();
    try {
      loop.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private synchronized void watch(SlotId slot) {
    if (config.hasRoomAfter(slots.size()) && config.watches(slot.bytes())) {
      slots.add(slot);
    }
  }

  private void restore() {
    long since = clock.now() - market.config().requestDurationLimit();
    List<SlotId> filled;
    try {
      filled = market.slotsFilledSince(since);
    } catch (UnsupportedOperationException e) {
      LOG.log(Level.WARNING, "the validator watches slots filled from now on only: " + e.getMessage());
      return;
    }
    for (SlotId slot : filled) {
      synchronized (this) {
        if (!config.hasRoomAfter(slots.size())) {
          break;
        }
      }
      if (config.watches(slot.bytes()) && market.slotState(slot) == SlotState.FILLED) {
        watch(slot);
      }
    }
    LOG.log(Level.DEBUG, "validator restored " + slots().size() + " filled slots");
  }

  /**
   * One pass a second into every period. Each wait's end is worked out before the previous pass
   * counts as done, from the clock at that moment, so a clock that jumps ahead is followed from
   * where it lands (as nim-codex does) and {@link #passes} tells when the next target is fixed.
   */
  private void run(long firstPass) {
    try {
      long next = firstPass;
      while (true) {
        clock.waitUntil(next);
        try {
          dropEndedSlots();
          markMissedProofs();
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "validation of a period failed: " + e.getMessage(), e);
        }
        next = nextPass();
        passes.incrementAndGet();
      }
    } catch (InterruptedException e) {
      // closed
    }
  }

  /** One second after the end of the current period. */
  private long nextPass() {
    return periodicity.periodEnd(periodicity.periodOf(clock.now())) + 1;
  }

  private void dropEndedSlots() {
    for (SlotId slot : slots()) {
      if (market.slotState(slot) != SlotState.FILLED) {
        synchronized (this) {
          slots.remove(slot);
        }
      }
    }
  }

  private void markMissedProofs() {
    for (SlotId slot : slots()) {
      long previous = periodicity.periodOf(clock.now()) - 1;
      try {
        if (market.canMarkProofAsMissing(slot, previous)) {
          market.markProofAsMissing(slot, previous);
          LOG.log(Level.INFO, "marked the proof of slot " + slot + " for period " + previous + " as missing");
        }
      } catch (MarketException e) {
        LOG.log(Level.WARNING, "marking the proof of slot " + slot + " for period " + previous + " failed: " + e.getMessage());
      }
    }
  }
}
