package io.slotbeam.node.sales;

import io.slotbeam.core.erasure.LeopardDecoder;
import io.slotbeam.prover.hash.BlockHashers;
import io.slotbeam.node.market.ActiveSlot;
import io.slotbeam.node.market.Ask;
import io.slotbeam.node.market.Market;
import io.slotbeam.node.market.MarketClock;
import io.slotbeam.node.market.MarketListener;
import io.slotbeam.node.market.RequestId;
import io.slotbeam.node.market.SlotId;
import io.slotbeam.node.market.StorageRequest;
import io.slotbeam.node.peer.NetworkStore;
import io.slotbeam.node.proving.Proving;
import io.slotbeam.node.proving.ProvingLoop;
import io.slotbeam.node.repo.RocksBlockStore;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;

/**
 * The host side of the marketplace (nim-codex {@code Sales}, spec node §7.3): storage requests
 * become slot-queue items, queue workers start a {@link SalesAgent} per item and wait until it has
 * filled its slot or given up, and the agents keep proving in the background. On start it first
 * resumes the slots this host fills on chain (§7.6) and drops reservations of sales that did not
 * get that far. Slots it does not take are recorded with their reason ({@link #skipped}).
 */
public final class Sales implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Sales.class.getName());
  private static final int SKIPPED_KEPT = 256;

  private final SalesContext context;
  private final SlotQueue queue;
  private final List<SalesAgent> agents = new CopyOnWriteArrayList<>();
  private Market.Subscription subscription;

  private Sales(SalesContext context, int maxWorkers, int maxQueueSize) {
    this.context = context;
    this.queue = new SlotQueue(maxWorkers, maxQueueSize, this::evicted);
  }

  /**
   * Starts selling the space of {@code repo} on {@code market}: fetches slots through {@code
   * network}, proves them with {@code proving}.
   *
   * @param proofs told of every proof the proving loops submit
   * @param threads runs the queue's workers, each sale and its expiry watcher, and the slot
   *     builder's hashing; a sale holds its thread while it proves, so the executor must not bound
   *     its threads. The caller owns it and shuts it down after {@link #close}, which only
   *     interrupts the sales.
   */
  public static Sales start(Market market, MarketClock clock, RocksBlockStore repo, NetworkStore network,
      Proving proving, ProvingLoop.Observer proofs, Executor threads) throws IOException {
    return start(market, clock, repo, network, proving, proofs, threads, SlotQueue.DEFAULT_MAX_WORKERS,
        SlotQueue.DEFAULT_MAX_SIZE);
  }

  /** {@link #start} with a queue of {@code maxWorkers} workers and {@code maxQueueSize} items. */
  public static Sales start(Market market, MarketClock clock, RocksBlockStore repo, NetworkStore network,
      Proving proving, ProvingLoop.Observer proofs, Executor threads, int maxWorkers, int maxQueueSize)
      throws IOException {
    Reservations reservations = new Reservations(repo);
    HostedSlots slots = new HostedSlots(repo, network, threads, BlockHashers.fastest(), LeopardDecoder.fastest());
    SalesContext context = new SalesContext(market, clock, reservations, slots, proving,
        new SkippedSlots(SKIPPED_KEPT), threads, proofs);
    Sales sales = new Sales(context, maxWorkers, maxQueueSize);
    try {
      sales.load();
      sales.queue.start(threads, sales::processSlot);
      reservations.onAvailabilitySaved(a -> {
        if (a.enabled()) {
          sales.queue.clearSeenFlags();
          sales.queue.unpause();
        }
      });
      sales.subscription = market.subscribe(sales.new Events());
      return sales;
    } catch (IOException | RuntimeException e) {
      sales.close();
      throw e;
    }
  }

  public Reservations reservations() {
    return context.reservations();
  }

  public Market market() {
    return context.market();
  }

  public SlotQueue queue() {
    return queue;
  }

  public SkippedSlots skipped() {
    return context.skipped();
  }

  /** The sales in progress, including those proving. */
  public List<SalesAgent> agents() {
    return List.copyOf(agents);
  }

  public Optional<SalesAgent> agent(SlotId slot) {
    return agents.stream().filter(a -> a.slotId().equals(slot)).findFirst();
  }

  /**
   * Resumes the slots this host fills on chain, each from its on-chain state; deletes every
   * reservation whose slot is not among them (its sale ended before the fill).
   */
  private void load() throws IOException {
    Market market = context.market();
    List<ActiveSlot> active = new ArrayList<>();
    for (SlotId id : market.mySlots()) {
      market.getActiveSlot(id).ifPresent(active::add);
    }
    Set<SlotId> activeIds = new HashSet<>();
    active.forEach(slot -> activeIds.add(slot.request().id().slotId(slot.slotIndex())));
    List<Reservation> kept = new ArrayList<>();
    for (Reservation reservation : context.reservations().reservations()) {
      if (activeIds.contains(reservation.slotId())) {
        kept.add(reservation);
      } else {
        context.reservations().deleteReservation(reservation.id(), reservation.availabilityId(), Optional.empty());
      }
    }
    for (ActiveSlot slot : active) {
      SlotId id = slot.request().id().slotId(slot.slotIndex());
      Optional<Reservation> reservation = kept.stream().filter(r -> r.slotId().equals(id)).findFirst();
      SalesAgent agent = new SalesAgent(context, slot.request().id(), Math.toIntExact(slot.slotIndex()),
          Optional.of(slot.request()), reservation, Optional.empty(), new Cleanup(null));
      agents.add(agent);
      agent.start(SaleStates.unknown());
    }
  }

  /** A queue worker's job: runs a sale until it filled its slot or ended. */
  private void processSlot(SlotQueueItem item) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(1);
    SalesAgent agent = new SalesAgent(context, item.requestId(), item.slotIndex(), Optional.empty(),
        Optional.empty(), Optional.of(item), new Cleanup(done));
    agents.add(agent);
    agent.start(SaleStates.preparing());
    done.await();
  }

  /** Ends a sale: returns its reservation, re-queues its item if asked, and frees the worker. */
  private final class Cleanup implements SalesAgent.Listener {
    private final CountDownLatch done;

    Cleanup(CountDownLatch done) {
      this.done = done;
    }

    @Override
    public void filled(SalesAgent agent) {
      release();
    }

    @Override
    public void cleanUp(SalesAgent agent, boolean reprocess, Optional<BigInteger> returnedCollateral) {
      try {
        Optional<Reservation> reservation = agent.reservation();
        Optional<StorageRequest> request = agent.request();
        if (reservation.isPresent() && request.isPresent()) {
          Reservation r = reservation.get();
          context.reservations().returnBytesToAvailability(r.availabilityId(), r.id(), request.get().ask().slotSize());
          context.reservations().deleteReservation(r.id(), r.availabilityId(), returnedCollateral);
        }
        if (reprocess && agent.item().isPresent() && queue.running()) {
          try {
            queue.push(agent.item().get().withSeen(true));
          } catch (IllegalStateException e) {
            // already queued again
          }
        }
      } catch (IOException | RuntimeException e) {
        LOG.log(Level.WARNING, "cleaning up the sale of " + agent.slotId() + " failed: " + e.getMessage(), e);
      } finally {
        agent.stop();
        agents.remove(agent);
        release();
      }
    }

    private void release() {
      if (done != null) {
        done.countDown();
      }
    }
  }

  private void evicted(SlotQueueItem item) {
    context.skipped().add(new SkippedSlots.Skipped(item.requestId(), OptionalLong.of(item.slotIndex()),
        SkipReason.NO_WORKER_FREE, "the slot queue is full; this was its lowest-priority slot", context.clock().now()));
  }

  /** Queues every slot of a request (shuffled, as nim-codex does), unless the circuit cannot prove them. */
  private void queueRequest(RequestId id, Ask ask, BigInteger collateral, long expiresAt) {
    if (ask.slots() < 1 || ask.slots() > 0xFFFF) {
      skip(id, SkipReason.ERROR, "request has " + ask.slots() + " slots, not in [1, 65535]");
      return;
    }
    Optional<String> misfit = context.proving().misfit(ask);
    if (misfit.isPresent()) {
      skip(id, SkipReason.CIRCUIT_LIMITS, misfit.get());
      return;
    }
    List<SlotQueueItem> items = new ArrayList<>();
    for (int i = 0; i < ask.slots(); i++) {
      items.add(SlotQueueItem.of(id, i, ask, collateral, Optional.of(expiresAt)));
    }
    Collections.shuffle(items);
    items.forEach(this::push);
  }

  private void push(SlotQueueItem item) {
    try {
      queue.push(item);
    } catch (IllegalStateException e) {
      LOG.log(Level.DEBUG, e.getMessage());
    }
  }

  private void skip(RequestId id, SkipReason reason, String detail) {
    context.skipped().add(new SkippedSlots.Skipped(id, OptionalLong.empty(), reason, detail, context.clock().now()));
  }

  /** The marketplace's events as §7.3 wires them. */
  private final class Events implements MarketListener {
    @Override
    public void storageRequested(RequestId id, Ask ask, long expiresAt) {
      queueRequest(id, ask, ask.collateralPerSlot(), expiresAt);
    }

    @Override
    public void requestFulfilled(RequestId id) {
      queue.delete(id);
      agents.stream().filter(a -> a.requestId().equals(id)).forEach(SalesAgent::onFulfilled);
    }

    @Override
    public void requestFailed(RequestId id) {
      queue.delete(id);
      agents.stream().filter(a -> a.requestId().equals(id)).forEach(SalesAgent::onFailed);
    }

    @Override
    public void requestCancelled(RequestId id) {
      queue.delete(id);
    }

    @Override
    public void slotFilled(RequestId id, long slotIndex) {
      queue.delete(id, Math.toIntExact(slotIndex));
      agents.stream().filter(a -> a.requestId().equals(id) && a.slotIndex() == slotIndex)
          .forEach(SalesAgent::onSlotFilled);
    }

    @Override
    public void slotReservationsFull(RequestId id, long slotIndex) {
      queue.delete(id, Math.toIntExact(slotIndex));
    }

    /**
     * A freed slot is queued again with the repair collateral. Its expiry is the request's
     * absolute expiry (nim-codex uses the relative {@code request.expiry} here, §12.3).
     */
    @Override
    public void slotFreed(RequestId id, long slotIndex) {
      context.threads().execute(() -> {
        try {
          Optional<StorageRequest> request = context.market().getRequest(id);
          if (request.isPresent()) {
            push(SlotQueueItem.of(id, Math.toIntExact(slotIndex), request.get().ask(),
                context.market().slotCollateral(id, slotIndex), Optional.of(context.market().requestExpiresAt(id))));
          }
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "cannot queue freed slot " + slotIndex + " of " + id + ": " + e.getMessage(), e);
        }
      });
    }
  }

  /**
   * Stops listening, the queue's workers and every agent; what is stored stays. A worker waiting
   * for its interrupted sale ends when the owner shuts the executor down.
   */
  @Override
  public void close() {
    if (subscription != null) {
      subscription.close();
    }
    queue.stop();
    agents.forEach(SalesAgent::stop);
  }
}
