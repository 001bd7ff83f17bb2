package io.slotbeam.node.sales;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slotbeam.node.market.RequestId;
import io.slotbeam.node.market.RequestState;
import io.slotbeam.node.market.SlotId;
import io.slotbeam.node.market.StorageRequest;
import io.slotbeam.node.market.StorageRequestJson;
import java.lang.System.Logger.Level;
import java.math.BigInteger;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.function.Function;

/**
 * One sale: the state machine of one slot this host is filling or fills (nim-codex {@code
 * SalesAgent} on {@code asyncstatemachine}, spec node §7.4). The states run one after another on a
 * thread of the context; an event (request cancelled or failed, slot filled) asks the current
 * state where it leads, and if somewhere, interrupts the running state and goes there. The agent
 * also watches the request's expiry: past it, a request still not started is cancelled.
 */
public final class SalesAgent {
  private static final System.Logger LOG = System.getLogger(SalesAgent.class.getName());

  /** What the sales module hears from an agent. */
  interface Listener {
    /** The slot is filled by this host: the queue worker may take the next item. */
    void filled(SalesAgent agent);

    /** The sale is over: return its reservation, re-queue the item if {@code reprocess}. */
    void cleanUp(SalesAgent agent, boolean reprocess, Optional<BigInteger> returnedCollateral);
  }

  final SalesContext context;
  private final RequestId requestId;
  private final int slotIndex;
  private final Optional<SlotQueueItem> item;
  private final Listener listener;
  private volatile StorageRequest request;
  private volatile Reservation reservation;
  /** Whether this host's collateral is on chain for the slot (filled now or before a restart). */
  private volatile boolean collateralDeposited;
  private SaleState state;
  private SaleState pending;
  private Thread thread;
  private boolean stopped;
  private Future<?> watcher;

  SalesAgent(SalesContext context, RequestId requestId, int slotIndex, Optional<StorageRequest> request,
      Optional<Reservation> reservation, Optional<SlotQueueItem> item, Listener listener) {
    this.context = context;
    this.requestId = requestId;
    this.slotIndex = slotIndex;
    this.request = request.orElse(null);
    this.reservation = reservation.orElse(null);
    this.item = item;
    this.listener = listener;
  }

  /** Runs the sale from {@code initial} on a thread of the context. */
  void start(SaleState initial) {
    context.threads().execute(() -> runFrom(initial));
  }

  private void runFrom(SaleState initial) {
    synchronized (this) {
      thread = Thread.currentThread();
    }
    SaleState next = initial;
    while (next != null) {
      synchronized (this) {
        if (stopped) {
          break;
        }
        state = next;
      }
      SaleState after;
      try {
        after = next.run(this);
      } catch (InterruptedException e) {
        after = null;
      } catch (Exception e) {
        after = SaleStates.errored(e);
      }
      synchronized (this) {
        if (pending != null) {
          after = pending;
          pending = null;
        }
        Thread.interrupted();
      }
      next = after;
    }
    synchronized (this) {
      thread = null;
    }
  }

  /** Moves the sale where the current state's {@code hook} says, if anywhere. */
  private synchronized void event(Function<SaleState, Optional<SaleState>> hook) {
    if (stopped || state == null || pending != null) {
      return;
    }
    Optional<SaleState> next = hook.apply(state);
    if (next.isPresent()) {
      pending = next.get();
      if (thread != null) {
        thread.interrupt();
      }
    }
  }

  void onCancelled() {
    event(SaleState::onCancelled);
  }

  void onFailed() {
    event(SaleState::onFailed);
  }

  void onSlotFilled() {
    event(SaleState::onSlotFilled);
  }

  /** The request started: cancellation is no longer possible, so the expiry watcher stops. */
  synchronized void onFulfilled() {
    if (watcher != null) {
      watcher.cancel(true);
    }
  }

  /**
   * Starts the expiry watcher once (§7.4): after {@code requestExpiresAt + 1} it reads the
   * request's state; still New, it looks again; Cancelled, the sale is cancelled.
   */
  synchronized void subscribe() {
    if (watcher != null || stopped) {
      return;
    }
    FutureTask<Void> task = new FutureTask<>(() -> {
      try {
        long expiresAt = context.market().requestExpiresAt(requestId);
        while (true) {
          context.clock().waitUntil(Math.max(context.clock().now(), expiresAt) + 1);
          Optional<RequestState> requestState = context.market().requestState(requestId);
          if (requestState.isEmpty() || requestState.get() != RequestState.NEW) {
            if (requestState.equals(Optional.of(RequestState.CANCELLED))) {
              onCancelled();
            }
            return;
          }
          expiresAt = context.clock().now();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "expiry watcher of " + slotId() + " failed: " + e.getMessage(), e);
      }
    }, null);
    watcher = task;
    context.threads().execute(task);
  }

  /** Ends the sale where it is: interrupts the running state and the watcher. */
  synchronized void stop() {
    stopped = true;
    if (watcher != null) {
      watcher.cancel(true);
    }
    if (thread != null && thread != Thread.currentThread()) {
      thread.interrupt();
    }
  }

  void filled() {
    listener.filled(this);
  }

  void cleanUp(boolean reprocess, Optional<BigInteger> returnedCollateral) {
    listener.cleanUp(this, reprocess, returnedCollateral);
  }

  public RequestId requestId() {
    return requestId;
  }

  public int slotIndex() {
    return slotIndex;
  }

  public SlotId slotId() {
    return requestId.slotId(slotIndex);
  }

  Optional<StorageRequest> request() {
    return Optional.ofNullable(request);
  }

  void request(StorageRequest known) {
    request = known;
  }

  Optional<Reservation> reservation() {
    return Optional.ofNullable(reservation);
  }

  void reservation(Reservation made) {
    reservation = made;
  }

  void collateralDeposited() {
    collateralDeposited = true;
  }

  boolean hasDepositedCollateral() {
    return collateralDeposited;
  }

  Optional<SlotQueueItem> item() {
    return item;
  }

  /** The REST name of the current state, {@code "none"} before the first. */
  public synchronized String stateName() {
    return state == null ? "none" : state.name();
  }

  /** nim-codex's {@code SlotAgent} (spec node §2.4). */
  public ObjectNode toJson() {
    ObjectNode json = SalesJson.object();
    json.put("state", stateName());
    json.put("requestId", requestId.hex());
    json.put("slotIndex", slotIndex);
    StorageRequest known = request;
    if (known == null) {
      json.putNull("request");
    } else {
      json.set("request", StorageRequestJson.of(known));
    }
    Reservation made = reservation;
    if (made == null) {
      json.putNull("reservation");
    } else {
      json.set("reservation", made.toJson());
    }
    return json;
  }
}
