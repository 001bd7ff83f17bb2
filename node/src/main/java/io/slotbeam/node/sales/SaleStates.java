package io.slotbeam.node.sales;

import io.slotbeam.core.groth16.Proof;
import io.slotbeam.node.market.Market;
import io.slotbeam.node.market.MarketException;
import io.slotbeam.node.market.ProofInvalidException;
import io.slotbeam.node.market.RequestState;
import io.slotbeam.node.market.SlotReservationNotAllowedException;
import io.slotbeam.node.market.SlotState;
import io.slotbeam.node.market.SlotStateMismatchException;
import io.slotbeam.node.market.StorageRequest;
import io.slotbeam.node.proving.InitialProof;
import io.slotbeam.node.proving.ProvingLoop;
import io.slotbeam.node.repo.QuotaExceededException;
import java.lang.System.Logger.Level;
import java.math.BigInteger;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The states of a sale (nim-codex {@code codex/sales/states/*.nim}, spec node §7.5 and §8), one
 * small class each, named as REST shows them. Every state before the end moves to {@code
 * SaleCancelled} or {@code SaleFailed} on those events; a state that throws goes to {@code
 * SaleErrored} with the failure and its {@link SkipReason}.
 */
final class SaleStates {
  private static final System.Logger LOG = System.getLogger(SaleStates.class.getName());

  private SaleStates() {}

  static SaleState preparing() {
    return new Preparing();
  }

  static SaleState unknown() {
    return new Unknown();
  }

  /** The state an unexpected failure leads to, with the reason it is recorded under. */
  static SaleState errored(Exception cause) {
    SkipReason reason =
        cause instanceof QuotaExceededException ? SkipReason.QUOTA
            : cause instanceof MarketException ? SkipReason.CHAIN_ERROR
            : SkipReason.ERROR;
    String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return new Errored(reason, message);
  }

  /** A state named as REST shows it: {@code Sale} and its class name. */
  private abstract static class Named implements SaleState {
    @Override
    public String name() {
      return "Sale" + getClass().getSimpleName();
    }
  }

  /** A state that the request's cancellation or failure ends. */
  private abstract static class Active extends Named {
    @Override
    public Optional<SaleState> onCancelled() {
      return Optional.of(new Cancelled());
    }

    @Override
    public Optional<SaleState> onFailed() {
      return Optional.of(new Failed());
    }
  }

  /** A state before the fill, which the slot's fill (by this host or another) moves to {@code SaleFilled}. */
  private abstract static class BeforeFill extends Active {
    @Override
    public Optional<SaleState> onSlotFilled() {
      return Optional.of(new Filled());
    }
  }

  /**
   * Fetches the request when the agent lacks it and starts the agent's expiry watcher, as both
   * {@code SalePreparing} and {@code SaleUnknown} begin (§7.5, §7.6); false when the chain does
   * not know the request.
   */
  private static boolean retrieveRequest(SalesAgent agent) {
    if (agent.request().isEmpty()) {
      agent.context.market().getRequest(agent.requestId()).ifPresent(agent::request);
    }
    agent.subscribe();
    return agent.request().isPresent();
  }

  /** Finds an availability and reserves its space for the slot. */
  private static final class Preparing extends BeforeFill {
    @Override
    public SaleState run(SalesAgent agent) throws Exception {
      Market market = agent.context.market();
      if (!retrieveRequest(agent)) {
        return new Errored(SkipReason.CHAIN_ERROR, "request could not be retrieved");
      }
      StorageRequest request = agent.request().get();
      Optional<String> misfit = agent.context.proving().misfit(request.ask());
      if (misfit.isPresent()) {
        return new Ignored(SkipReason.CIRCUIT_LIMITS, misfit.get(), false, false);
      }
      SlotState slotState = market.slotState(agent.slotId());
      if (slotState != SlotState.FREE && slotState != SlotState.REPAIR) {
        return new Ignored(SkipReason.SLOT_TAKEN, "slot is " + slotState, false, false);
      }
      long requestEnd = market.requestEnd(agent.requestId());
      var ask = request.ask();
      Optional<Availability> availability = agent.context.reservations()
          .find(ask.slotSize(), ask.duration(), ask.pricePerBytePerSecond(), ask.collateralPerByte(), requestEnd);
      if (availability.isEmpty()) {
        return new Ignored(SkipReason.NO_MATCHING_AVAILABILITY,
            "no availability takes " + ask.slotSize() + " bytes for " + ask.duration() + " s at "
                + ask.pricePerBytePerSecond() + " per byte-second with " + ask.collateralPerByte()
                + " collateral per byte until " + requestEnd, true, false);
      }
      try {
        agent.reservation(agent.context.reservations().createReservation(availability.get().id(), ask.slotSize(),
            agent.requestId(), agent.slotIndex(), ask.collateralPerByte(), requestEnd));
      } catch (BytesOutOfBoundsException e) {
        return new Ignored(SkipReason.NO_MATCHING_AVAILABILITY, e.getMessage(), true, false);
      }
      return new SlotReserving();
    }
  }

  /** Reserves the slot on chain (the marketplace lets a few hosts race for it). */
  private static final class SlotReserving extends Active {
    @Override
    public SaleState run(SalesAgent agent) {
      Market market = agent.context.market();
      if (!market.canReserveSlot(agent.requestId(), agent.slotIndex())) {
        return new Ignored(SkipReason.SLOT_TAKEN, "the marketplace allows no reservation of this slot", false, true);
      }
      try {
        market.reserveSlot(agent.requestId(), agent.slotIndex());
      } catch (SlotReservationNotAllowedException e) {
        return new Ignored(SkipReason.SLOT_TAKEN, e.getMessage(), false, true);
      }
      return new Downloading();
    }
  }

  /**
   * Fetches the slot from the peers and checks its root; a slot in Repair (its host was slashed
   * out, so its blocks may be on no peer) is rebuilt by erasure decoding instead.
   */
  private static final class Downloading extends BeforeFill {
    @Override
    public SaleState run(SalesAgent agent) throws Exception {
      Market market = agent.context.market();
      Reservation reservation = agent.reservation().orElseThrow();
      boolean repairing = market.slotState(agent.slotId()) == SlotState.REPAIR;
      boolean started = market.requestState(agent.requestId()).equals(Optional.of(RequestState.STARTED));
      long expiry = started ? market.requestEnd(agent.requestId()) : market.requestExpiresAt(agent.requestId());
      agent.context.slots().download(agent.request().orElseThrow(), agent.slotIndex(), expiry, repairing,
          bytes -> agent.context.reservations().release(reservation.id(), reservation.availabilityId(), bytes));
      return new InitialProving();
    }
  }

  /** Proves the slot against a challenge that stays valid until the fill lands (§8.1). */
  private static final class InitialProving extends Active {
    @Override
    public SaleState run(SalesAgent agent) throws Exception {
      return new Filling(InitialProof.make(
          agent.context.market(), agent.context.clock(), agent.slotId(), challenge -> prove(agent, challenge)));
    }
  }

  /**
   * Puts down the collateral and fills the slot with the proof. A proof the contract rejects
   * because a new period began while the fill was in flight (the slot's challenge is no longer
   * the one proven) is made again for the new challenge; any other rejection errs (§7.5).
   */
  private static final class Filling extends Active {
    private final InitialProof.FillProof proof;

    Filling(InitialProof.FillProof proof) {
      this.proof = proof;
    }

    @Override
    public SaleState run(SalesAgent agent) {
      Market market = agent.context.market();
      BigInteger collateral = market.slotCollateral(agent.requestId(), agent.slotIndex());
      try {
        market.fillSlot(agent.requestId(), agent.slotIndex(), proof.proof(), collateral);
        agent.collateralDeposited();
      } catch (SlotStateMismatchException e) {
        return new Ignored(SkipReason.SLOT_TAKEN, e.getMessage(), false, true);
      } catch (ProofInvalidException e) {
        if (proof.answers(market.getChallenge(agent.slotId()))) {
          throw e;
        }
        LOG.log(Level.INFO, () -> "the fill proof of " + agent.slotId() + " went stale (a new period began); "
            + "proving the new challenge");
        return new InitialProving();
      }
      return new Filled();
    }
  }

  /** Checks this host filled the slot, frees the queue worker and keeps the data until the end. */
  private static final class Filled extends Active {
    @Override
    public SaleState run(SalesAgent agent) throws Exception {
      Market market = agent.context.market();
      Optional<String> host = market.getHost(agent.slotId());
      if (host.isEmpty() || !host.get().equalsIgnoreCase(market.signer())) {
        return new Errored(SkipReason.SLOT_TAKEN, "Slot filled by other host: " + host.orElse("none"));
      }
      agent.filled();
      agent.context.slots().updateExpiry(agent.slotId(), market.requestEnd(agent.requestId()));
      return new Proving();
    }
  }

  /** Proves whenever required until the request finishes (§8.2). */
  private static final class Proving extends Active {
    @Override
    public SaleState run(SalesAgent agent) throws Exception {
      new ProvingLoop(agent.context.market(), agent.context.clock(), agent.slotId(), challenge -> prove(agent, challenge),
          agent.context.proving().failEveryNProofs(), agent.context.proofs()).run();
      return new Payout();
    }
  }

  /** Frees the finished slot, which pays the host and returns its collateral. */
  private static final class Payout extends Active {
    @Override
    public SaleState run(SalesAgent agent) {
      Market market = agent.context.market();
      BigInteger collateral = market.currentCollateral(agent.slotId());
      market.freeSlot(agent.slotId());
      return new Finished(Optional.of(collateral));
    }
  }

  private static final class Finished extends Active {
    private final Optional<BigInteger> returnedCollateral;

    Finished(Optional<BigInteger> returnedCollateral) {
      this.returnedCollateral = returnedCollateral;
    }

    @Override
    public SaleState run(SalesAgent agent) {
      agent.cleanUp(false, returnedCollateral);
      return null;
    }
  }

  /** The request expired before it started: take the collateral back if the slot was filled. */
  private static final class Cancelled extends Named {
    @Override
    public SaleState run(SalesAgent agent) {
      Market market = agent.context.market();
      Optional<BigInteger> returned = Optional.empty();
      if (market.getHost(agent.slotId()).map(h -> h.equalsIgnoreCase(market.signer())).orElse(false)) {
        BigInteger collateral = market.currentCollateral(agent.slotId());
        try {
          market.freeSlot(agent.slotId());
        } catch (SlotStateMismatchException e) {
          // already free
        }
        returned = Optional.of(collateral);
      }
      agent.cleanUp(false, returned);
      return null;
    }
  }

  /** The request failed: leave the slot (its collateral is forfeited). */
  private static final class Failed extends Named {
    @Override
    public SaleState run(SalesAgent agent) {
      agent.context.market().freeSlot(agent.slotId());
      return new Errored(SkipReason.ERROR, "Sale failed");
    }
  }

  /**
   * Something went wrong: record why and clean up; the slot is not tried again. The reservation's
   * bytes go back to the availability, and so does its collateral if the sale never put it down on
   * chain (it ended before its fill landed: a failed download or proof, a race lost to another
   * host). nim-codex never returns it here (spec node §12 quirk 7), so an availability shrinks
   * with every such sale until its collateral per free byte no longer meets any ask.
   */
  private static final class Errored extends Named {
    private final SkipReason reason;
    private final String detail;

    Errored(SkipReason reason, String detail) {
      this.reason = reason;
      this.detail = detail;
    }

    @Override
    public SaleState run(SalesAgent agent) {
      record(agent, reason, detail);
      agent.cleanUp(false, agent.hasDepositedCollateral()
          ? Optional.empty()
          : agent.request().map(r -> r.ask().collateralPerSlot()));
      return null;
    }
  }

  /** The host does not take the slot: record why; re-queue it as seen if {@code reprocess}. */
  private static final class Ignored extends Named {
    private final SkipReason reason;
    private final String detail;
    private final boolean reprocess;
    private final boolean returnsCollateral;

    Ignored(SkipReason reason, String detail, boolean reprocess, boolean returnsCollateral) {
      this.reason = reason;
      this.detail = detail;
      this.reprocess = reprocess;
      this.returnsCollateral = returnsCollateral;
    }

    @Override
    public SaleState run(SalesAgent agent) {
      record(agent, reason, detail);
      Optional<BigInteger> returned = returnsCollateral
          ? agent.request().map(r -> r.ask().collateralPerSlot())
          : Optional.empty();
      agent.cleanUp(reprocess, returned);
      return null;
    }
  }

  /** After a restart: continue from the slot's state on chain (§7.6). */
  private static final class Unknown extends Active {
    @Override
    public SaleState run(SalesAgent agent) {
      agent.collateralDeposited(); // a slot of mySlots(): this host filled it before the restart
      if (!retrieveRequest(agent)) {
        return new Errored(SkipReason.CHAIN_ERROR, "request could not be retrieved");
      }
      SlotState state = agent.context.market().slotState(agent.slotId());
      return switch (state) {
        case FREE -> new Errored(SkipReason.ERROR, "Slot state on chain should not be 'free'");
        case FILLED -> new Filled();
        case FINISHED -> new Payout();
        case PAID -> new Finished(Optional.empty());
        case FAILED -> new Failed();
        case CANCELLED -> new Cancelled();
        case REPAIR -> new Errored(SkipReason.SLOT_TAKEN, "Slot was forcible freed and host was removed from its hosts");
      };
    }
  }

  private static Proof prove(SalesAgent agent, byte[] challenge) throws java.io.IOException {
    HostedSlots.Slot slot = agent.context.slots().slot(agent.slotId())
        .orElseThrow(() -> new IllegalStateException("slot " + agent.slotId() + " was not downloaded"));
    return agent.context.proving()
        .prove(agent.context.slots().proofStore(slot), slot.manifest(), agent.slotIndex(), challenge);
  }

  private static void record(SalesAgent agent, SkipReason reason, String detail) {
    agent.context.skipped().add(new SkippedSlots.Skipped(
        agent.requestId(), OptionalLong.of(agent.slotIndex()), reason, detail, agent.context.clock().now()));
  }
}
