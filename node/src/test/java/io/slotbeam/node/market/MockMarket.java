package io.slotbeam.node.market;

import io.slotbeam.core.groth16.Proof;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Test support: an in-memory {@link Market} that keeps requests and slots in maps, follows the
 * contract's main state rules (request, reserve, fill, free, withdraw; spec node §5.3), delivers
 * events synchronously to its subscribers, and records every transaction it was sent. Tests set
 * what the chain would decide ({@link #setProofRequired}, {@link #setChallenge}, {@link
 * #setRequestState}) and make calls fail ({@link #failNext}).
 */
public final class MockMarket implements Market {
  private final MarketConfig config;
  private final String signer;
  private final MarketClock clock;
  private final Map<RequestId, StorageRequest> requests = new HashMap<>();
  private final Map<RequestId, RequestState> requestStates = new HashMap<>();
  private final Map<RequestId, Long> requestCreatedAt = new HashMap<>();
  private final Map<SlotId, SlotState> slotStates = new HashMap<>();
  private final Map<SlotId, String> hosts = new HashMap<>();
  private final Map<SlotId, ActiveSlot> activeSlots = new HashMap<>();
  private final Map<SlotId, Set<String>> reservations = new HashMap<>();
  private final Set<SlotId> proofRequired = new HashSet<>();
  private final Set<SlotId> proofWillBeRequired = new HashSet<>();
  private final Map<SlotId, byte[]> challenges = new HashMap<>();
  private final Map<SlotId, Integer> pointers = new HashMap<>();
  private final Map<String, RuntimeException> failures = new HashMap<>();
  private final List<MarketListener> listeners = new CopyOnWriteArrayList<>();
  private final List<String> transactions = new ArrayList<>();
  private final List<Proof> submittedProofs = new ArrayList<>();
  private final List<Long> markedMissing = new ArrayList<>();
  private final List<Map.Entry<Long, SlotId>> fills = new ArrayList<>();

  public MockMarket(MarketConfig config, String signer, MarketClock clock) {
    this.config = config;
    this.signer = signer;
    this.clock = clock;
  }

  /** The Codex default configuration (spec node §5.8) with this period length. */
  public static MarketConfig config(long period) {
    return new MarketConfig(10, 2, 20, 20, period, 30, 64, 67, "mock-zkey", 3, 30L * 24 * 3600);
  }

  // ---- what tests set and read ----

  /** The next call of the named method ({@code "fillSlot"}, …) throws {@code failure}. */
  public synchronized void failNext(String method, RuntimeException failure) {
    failures.put(method, failure);
  }

  public synchronized void setProofRequired(SlotId id, boolean required) {
    if (required) {
      proofRequired.add(id);
    } else {
      proofRequired.remove(id);
    }
  }

  public synchronized void setProofWillBeRequired(SlotId id, boolean willBe) {
    if (willBe) {
      proofWillBeRequired.add(id);
    } else {
      proofWillBeRequired.remove(id);
    }
  }

  public synchronized void setChallenge(SlotId id, byte[] challenge) {
    challenges.put(id, challenge.clone());
  }

  /** The slot's pointer ({@link #getPointer}); 0 unless set. */
  public synchronized void setPointer(SlotId id, int pointer) {
    pointers.put(id, pointer);
  }

  public synchronized void setRequestState(RequestId id, RequestState state) {
    requestStates.put(id, state);
  }

  public synchronized void setSlotState(SlotId id, SlotState state) {
    slotStates.put(id, state);
  }

  /** Every transaction sent, as {@code "method requestOrSlotId[ index]"}, in order. */
  public synchronized List<String> transactions() {
    return List.copyOf(transactions);
  }

  public synchronized List<Proof> submittedProofs() {
    return List.copyOf(submittedProofs);
  }

  /** The periods passed to {@link #markProofAsMissing}, in order. */
  public synchronized List<Long> markedMissing() {
    return List.copyOf(markedMissing);
  }

  /** Delivers an event to every subscriber, as the chain would. */
  public void emit(Consumer<MarketListener> event) {
    listeners.forEach(event);
  }

  // ---- Market ----

  @Override
  public MarketConfig config() {
    return config;
  }

  @Override
  public String signer() {
    return signer;
  }

  @Override
  public synchronized Optional<StorageRequest> getRequest(RequestId id) {
    return Optional.ofNullable(requests.get(id));
  }

  @Override
  public synchronized Optional<RequestState> requestState(RequestId id) {
    return Optional.ofNullable(requestStates.get(id));
  }

  @Override
  public synchronized SlotState slotState(SlotId id) {
    return slotStates.getOrDefault(id, SlotState.FREE);
  }

  @Override
  public synchronized long requestEnd(RequestId id) {
    return createdAt(id) + known(id).ask().duration();
  }

  @Override
  public synchronized long requestExpiresAt(RequestId id) {
    return createdAt(id) + known(id).expiry();
  }

  @Override
  public synchronized Optional<String> getHost(SlotId id) {
    return Optional.ofNullable(hosts.get(id));
  }

  @Override
  public synchronized BigInteger currentCollateral(SlotId id) {
    ActiveSlot slot = activeSlots.get(id);
    return slot == null ? BigInteger.ZERO : slot.request().ask().collateralPerSlot();
  }

  @Override
  public synchronized Optional<ActiveSlot> getActiveSlot(SlotId id) {
    return Optional.ofNullable(activeSlots.get(id));
  }

  @Override
  public synchronized List<SlotId> mySlots() {
    return hosts.entrySet().stream()
        .filter(e -> e.getValue().equalsIgnoreCase(signer))
        .map(Map.Entry::getKey)
        .toList();
  }

  @Override
  public synchronized List<RequestId> myRequests() {
    return requests.entrySet().stream()
        .filter(e -> e.getValue().client().equalsIgnoreCase(signer))
        .map(Map.Entry::getKey)
        .toList();
  }

  @Override
  public void requestStorage(StorageRequest request) {
    RequestId id = request.id();
    long expiresAt;
    synchronized (this) {
      transaction("requestStorage", id.hex());
      if (requests.containsKey(id)) {
        throw new MarketException("requestStorage: Marketplace_RequestAlreadyExists");
      }
      requests.put(id, request);
      requestStates.put(id, RequestState.NEW);
      requestCreatedAt.put(id, clock.now());
      expiresAt = clock.now() + request.expiry();
    }
    emit(l -> l.storageRequested(id, request.ask(), expiresAt));
  }

  @Override
  public synchronized boolean canReserveSlot(RequestId id, long slotIndex) {
    SlotId slot = id.slotId(slotIndex);
    Set<String> reserved = reservations.getOrDefault(slot, Set.of());
    return isFreeOrRepair(slot) && reserved.size() < config.maxReservations()
        && !reserved.contains(signer);
  }

  @Override
  public synchronized void reserveSlot(RequestId id, long slotIndex) {
    transaction("reserveSlot", id.hex() + " " + slotIndex);
    if (!canReserveSlot(id, slotIndex)) {
      throw new SlotReservationNotAllowedException(
          "reserveSlot: SlotReservations_ReservationNotAllowed");
    }
    reservations.computeIfAbsent(id.slotId(slotIndex), s -> new HashSet<>()).add(signer);
  }

  @Override
  public void fillSlot(RequestId id, long slotIndex, Proof proof, BigInteger collateral) {
    boolean fulfilled;
    synchronized (this) {
      transaction("fillSlot", id.hex() + " " + slotIndex);
      StorageRequest request = known(id);
      SlotId slot = id.slotId(slotIndex);
      if (!isFreeOrRepair(slot)) {
        throw new SlotStateMismatchException("fillSlot: Marketplace_SlotNotFree");
      }
      if (!reservations.getOrDefault(slot, Set.of()).contains(signer)) {
        throw new MarketException("fillSlot: Marketplace_ReservationRequired");
      }
      submittedProofs.add(proof);
      fills.add(Map.entry(clock.now(), slot));
      slotStates.put(slot, SlotState.FILLED);
      hosts.put(slot, signer);
      activeSlots.put(slot, new ActiveSlot(request, slotIndex));
      long filled = activeSlots.values().stream()
          .filter(s -> s.request().id().equals(id)).count();
      fulfilled = filled == request.ask().slots() && requestStates.get(id) == RequestState.NEW;
      if (fulfilled) {
        requestStates.put(id, RequestState.STARTED);
      }
    }
    emit(l -> l.slotFilled(id, slotIndex));
    if (fulfilled) {
      emit(l -> l.requestFulfilled(id));
    }
  }

  @Override
  public void freeSlot(SlotId id) {
    ActiveSlot freed;
    synchronized (this) {
      transaction("freeSlot", id.hex());
      if (slotState(id) == SlotState.FREE) {
        throw new SlotStateMismatchException("freeSlot: Marketplace_SlotIsFree");
      }
      freed = activeSlots.remove(id);
      hosts.remove(id);
      reservations.remove(id);
      slotStates.put(id, SlotState.REPAIR);
    }
    if (freed != null) {
      emit(l -> l.slotFreed(freed.request().id(), freed.slotIndex()));
    }
  }

  @Override
  public synchronized void withdrawFunds(RequestId id) {
    transaction("withdrawFunds", id.hex());
    known(id);
  }

  @Override
  public synchronized boolean isProofRequired(SlotId id) {
    return proofRequired.contains(id);
  }

  @Override
  public synchronized boolean willProofBeRequired(SlotId id) {
    return proofWillBeRequired.contains(id);
  }

  @Override
  public synchronized byte[] getChallenge(SlotId id) {
    return challenges.getOrDefault(id, new byte[32]).clone();
  }

  @Override
  public synchronized int getPointer(SlotId id) {
    return pointers.getOrDefault(id, 0);
  }

  @Override
  public synchronized long submitProof(SlotId id, Proof proof) {
    transaction("submitProof", id.hex());
    if (proof.a().isInfinity() && proof.b().isInfinity() && proof.c().isInfinity()) {
      throw new ProofInvalidException("submitProof: Proofs_InvalidProof");
    }
    submittedProofs.add(proof);
    return config.periodicity().periodOf(clock.now());
  }

  @Override
  public synchronized void markProofAsMissing(SlotId id, long period) {
    transaction("markProofAsMissing", id.hex() + " " + period);
    markedMissing.add(period);
  }

  @Override
  public synchronized boolean canMarkProofAsMissing(SlotId id, long period) {
    return slotState(id) == SlotState.FILLED && proofRequired.contains(id);
  }

  @Override
  public synchronized BigInteger slotCollateral(RequestId id, long slotIndex) {
    BigInteger perSlot = known(id).ask().collateralPerSlot();
    if (slotState(id.slotId(slotIndex)) == SlotState.REPAIR) {
      return perSlot.subtract(perSlot.multiply(BigInteger.valueOf(config.repairRewardPercentage()))
          .divide(BigInteger.valueOf(100)));
    }
    return perSlot;
  }

  @Override
  public synchronized List<SlotId> slotsFilledSince(long fromTime) {
    return fills.stream().filter(f -> f.getKey() >= fromTime).map(Map.Entry::getValue).toList();
  }

  @Override
  public Subscription subscribe(MarketListener listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  private boolean isFreeOrRepair(SlotId slot) {
    SlotState state = slotState(slot);
    return state == SlotState.FREE || state == SlotState.REPAIR;
  }

  private StorageRequest known(RequestId id) {
    StorageRequest request = requests.get(id);
    if (request == null) {
      throw new MarketException("Marketplace_UnknownRequest: " + id);
    }
    return request;
  }

  private long createdAt(RequestId id) {
    known(id);
    return requestCreatedAt.get(id);
  }

  private void transaction(String method, String arguments) {
    RuntimeException failure = failures.remove(method);
    if (failure != null) {
      throw failure;
    }
    transactions.add(method + " " + arguments);
  }
}
