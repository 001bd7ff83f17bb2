package io.slotbeam.node.purchasing;

import io.slotbeam.core.cid.Cid;
import io.slotbeam.node.market.Market;
import io.slotbeam.node.market.MarketClock;
import io.slotbeam.node.market.MarketListener;
import io.slotbeam.node.market.RequestId;
import io.slotbeam.node.market.RequestState;
import io.slotbeam.node.market.StorageRequest;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The client side of the marketplace (nim-codex {@code Purchasing}, spec node §9): turns a stored
 * dataset into a storage request ({@link RequestSetup}), sends it, and follows each purchase through
 * its states as the marketplace's events arrive and its deadlines pass, withdrawing what is left
 * when the request is over. Every state change is saved ({@link PurchaseStore}) before the state's
 * work starts; {@link #start} resumes the saved purchases that are not over, and picks up the
 * signer's requests it has no record of, through {@code unknown}: the marketplace's view of the
 * request decides where each continues. A saved purchase whose request the marketplace does not
 * know is sent again (its transaction never went out).
 *
 * <p>States run on a pool owned here; a state that waits for an event or a deadline holds one
 * thread blocked in {@link MarketClock#waitUntil}, released when the event comes first.
 */
public final class Purchasing implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Purchasing.class.getName());

  /** One purchase and the deadline it waits for, if any; guarded by itself. */
  private static final class Machine {
    private Purchase purchase;
    private Future<?> deadline;

    Machine(Purchase purchase) {
      this.purchase = purchase;
    }
  }

  private final Market market;
  private final MarketClock clock;
  private final PurchaseStore store;
  private final RequestSetup setup;
  private final SecureRandom random;
  private final ExecutorService states;
  private final Map<RequestId, Machine> machines = new ConcurrentHashMap<>();
  private Market.Subscription subscription;

  private Purchasing(Market market, MarketClock clock, PurchaseStore store, RequestSetup setup, SecureRandom random) {
    this.market = market;
    this.clock = clock;
    this.store = store;
    this.setup = setup;
    this.random = random;
    this.states =
        Executors.newCachedThreadPool(
            runnable -> {
              Thread thread = new Thread(runnable, "slotbeam-purchasing");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Subscribes to the marketplace's events, then resumes the saved purchases and the signer's requests. */
  public static Purchasing start(
      Market market, MarketClock clock, PurchaseStore store, RequestSetup setup, SecureRandom random)
      throws IOException {
    Purchasing purchasing = new Purchasing(market, clock, store, setup, random);
    purchasing.subscription = market.subscribe(purchasing.new Events());
    try {
      purchasing.resume();
    } catch (IOException | RuntimeException e) {
      purchasing.close();
      throw e;
    }
    return purchasing;
  }

  private void resume() throws IOException {
    for (Purchase saved : store.loadAll()) {
      Machine machine = new Machine(saved);
      machines.put(saved.id(), machine);
      if (!saved.done()) {
        enter(machine, saved.state(), PurchaseState.UNKNOWN);
      }
    }
    for (RequestId id : market.myRequests()) {
      Machine machine =
          new Machine(new Purchase(id, Optional.empty(), PurchaseState.UNKNOWN, Optional.empty(), false));
      if (machines.putIfAbsent(id, machine) == null) {
        save(machine.purchase);
        states.execute(() -> act(machine, PurchaseState.UNKNOWN));
      }
    }
  }

  /**
   * Prepares the request for the dataset {@code cid} (encoding it and building its slots), adds a
   * random nonce and the signer as client, and starts the purchase, which sends the request in the
   * background. Returns the purchase's id, the request id.
   *
   * @throws InvalidPurchaseException when the parameters or the dataset break a rule of spec node §2.5
   */
  public RequestId purchase(Cid cid, StorageRequestParams params) throws IOException {
    RequestSetup.Prepared prepared = setup.prepare(cid, params, market.config());
    byte[] nonce = new byte[32];
    random.nextBytes(nonce);
    StorageRequest request =
        new StorageRequest(market.signer(), prepared.ask(), prepared.content(), prepared.expiry(), nonce);
    Machine machine = new Machine(Purchase.pending(request));
    machines.put(request.id(), machine);
    save(machine.purchase);
    states.execute(() -> act(machine, PurchaseState.PENDING));
    return request.id();
  }

  /** What the request for {@code cid} would cost, after the same checks, with nothing stored or sent. */
  public Estimate estimate(Cid cid, StorageRequestParams params) throws IOException {
    return setup.estimate(cid, params, market.config());
  }

  public Optional<Purchase> get(RequestId id) {
    Machine machine = machines.get(id);
    if (machine == null) {
      return Optional.empty();
    }
    synchronized (machine) {
      return Optional.of(machine.purchase);
    }
  }

  public List<RequestId> ids() {
    return List.copyOf(machines.keySet());
  }

  /** Stops following the purchases; their saved states let the next {@link #start} resume them. */
  @Override
  public void close() {
    if (subscription != null) {
      subscription.close();
    }
    states.shutdownNow();
    try {
      states.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Routes the request events to the purchase they belong to. */
  private final class Events implements MarketListener {
    @Override
    public void requestFulfilled(RequestId id) {
      Machine machine = machines.get(id);
      if (machine != null) {
        enter(machine, PurchaseState.SUBMITTED, PurchaseState.STARTED);
      }
    }

    @Override
    public void requestFailed(RequestId id) {
      Machine machine = machines.get(id);
      if (machine != null) {
        enter(machine, PurchaseState.STARTED, PurchaseState.FAILED);
      }
    }
  }

  /** The work of {@code state}, which ends by moving the purchase on (unless something else did first). */
  private void act(Machine machine, PurchaseState state) {
    RequestId id;
    Optional<StorageRequest> request;
    synchronized (machine) {
      id = machine.purchase.id();
      request = machine.purchase.request();
    }
    try {
      switch (state) {
        case PENDING -> {
          market.requestStorage(request.orElseThrow());
          enter(machine, state, PurchaseState.SUBMITTED);
        }
        case SUBMITTED ->
            await(machine, id, state, () -> market.requestExpiresAt(id) + 1, PurchaseState.CANCELLED,
                RequestState.STARTED, PurchaseState.STARTED);
        case STARTED ->
            await(machine, id, state, () -> market.requestEnd(id) + 1, PurchaseState.FINISHED,
                RequestState.FAILED, PurchaseState.FAILED);
        case FINISHED -> {
          market.withdrawFunds(id);
          end(machine, state, Optional.empty());
        }
        case FAILED -> {
          market.withdrawFunds(id);
          fail(machine, state, "Purchase failed");
        }
        case CANCELLED -> {
          market.withdrawFunds(id);
          end(machine, state, Optional.of("Purchase cancelled due to timeout"));
        }
        case UNKNOWN -> recover(machine, id, request);
        default -> throw new IllegalStateException("state " + state.restName() + " has no work: " + id);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "purchase " + id + " failed in state " + state.restName() + ": " + e.getMessage(), e);
      fail(machine, state, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }

  /**
   * Waits, on a thread of its own, until {@code deadline} to move from {@code state} to {@code
   * onTimeout}; the event that moves it elsewhere first cancels the wait. In case that event came
   * before the purchase reached {@code state} (a restart), the request's state is checked once.
   */
  private void await(
      Machine machine, RequestId id, PurchaseState state, LongSupplier deadline, PurchaseState onTimeout,
      RequestState reached, PurchaseState onReached) {
    long time = deadline.getAsLong();
    synchronized (machine) {
      if (machine.purchase.state() != state) {
        return;
      }
      machine.deadline =
          states.submit(
              () -> {
                try {
                  clock.waitUntil(time);
                } catch (InterruptedException e) {
                  return; // the event came first, or the node stops
                }
                synchronized (machine) {
                  machine.deadline = null;
                }
                enter(machine, state, onTimeout);
              });
    }
    if (market.requestState(id).equals(Optional.of(reached))) {
      enter(machine, state, onReached);
    }
  }

  /** Maps the marketplace's view of a request to the state a purchase resumes in (spec node §9). */
  private void recover(Machine machine, RequestId id, Optional<StorageRequest> saved) {
    Optional<StorageRequest> request = market.getRequest(id);
    Optional<RequestState> requestState = market.requestState(id);
    if (request.isPresent() && requestState.isPresent()) {
      synchronized (machine) {
        machine.purchase = machine.purchase.withRequest(request.get());
      }
      enter(
          machine,
          PurchaseState.UNKNOWN,
          switch (requestState.get()) {
            case NEW -> PurchaseState.SUBMITTED;
            case STARTED -> PurchaseState.STARTED;
            case CANCELLED -> PurchaseState.CANCELLED;
            case FINISHED -> PurchaseState.FINISHED;
            case FAILED -> PurchaseState.FAILED;
          });
    } else if (saved.isPresent()) {
      enter(machine, PurchaseState.UNKNOWN, PurchaseState.PENDING);
    } else {
      fail(machine, PurchaseState.UNKNOWN, "request " + id + " is unknown to the marketplace");
    }
  }

  /**
   * Moves the purchase from {@code from} to {@code to}, saves it and starts {@code to}'s work;
   * does nothing if the purchase is no longer in {@code from} (an event and a deadline raced).
   */
  private void enter(Machine machine, PurchaseState from, PurchaseState to) {
    synchronized (machine) {
      if (machine.purchase.state() != from || machine.purchase.done()) {
        return;
      }
      if (machine.deadline != null) {
        machine.deadline.cancel(true);
        machine.deadline = null;
      }
      machine.purchase = machine.purchase.in(to);
      save(machine.purchase);
    }
    states.execute(() -> act(machine, to));
  }

  /** Ends the purchase in {@code state}, with {@code failure} if any. */
  private void end(Machine machine, PurchaseState state, Optional<String> failure) {
    synchronized (machine) {
      if (machine.purchase.state() == state && !machine.purchase.done()) {
        machine.purchase = machine.purchase.over(failure);
        save(machine.purchase);
      }
    }
  }

  private void fail(Machine machine, PurchaseState state, String failure) {
    synchronized (machine) {
      if (machine.purchase.state() == state && !machine.purchase.done()) {
        machine.purchase = machine.purchase.errored(failure);
        save(machine.purchase);
      }
    }
  }

  /** Saves a state change; a failure to save is logged, and the purchase goes on in memory. */
  private void save(Purchase purchase) {
    try {
      store.save(purchase);
    } catch (IOException e) {
      LOG.log(Level.ERROR, "purchase " + purchase.id() + " could not be saved in state " + purchase.state().restName() + ": " + e.getMessage(), e);
    }
  }
}
