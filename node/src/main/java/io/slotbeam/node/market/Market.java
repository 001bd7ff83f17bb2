package io.slotbeam.node.market;

import io.slotbeam.core.groth16.Proof;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * The marketplace as the node's sales, proving loop, purchasing and validator use it (nim-codex
 * {@code Market}, spec node §6). One implementation talks to the contract through web3j; tests
 * may use an in-memory one. Views that upstream reads at the {@code pending} block do so here too.
 * Every transaction waits for one confirmation and throws {@link MarketException} (or a subclass
 * named below) when it reverts or the chain cannot be reached.
 */
public interface Market {
  /** {@code configuration()}, read once. */
  MarketConfig config();

  /** The account this market signs with, {@code 0x}-prefixed hex. */
  String signer();

  /** The request, or empty when the contract does not know it. */
  Optional<StorageRequest> getRequest(RequestId id);

  /** The request's state, or empty when the contract does not know it. */
  Optional<RequestState> requestState(RequestId id);

  SlotState slotState(SlotId id);

  /** {@code requestEnd}: when the request ends, seconds since the epoch. */
  long requestEnd(RequestId id);

  /** {@code requestExpiry}: by when all slots must be filled, seconds since the epoch. */
  long requestExpiresAt(RequestId id);

  /** The host of the slot, or empty when nobody fills it. */
  Optional<String> getHost(SlotId id);

  BigInteger currentCollateral(SlotId id);

  /** The slot and its request, or empty when the slot is free. */
  Optional<ActiveSlot> getActiveSlot(SlotId id);

  /** The slots the signer fills. */
  List<SlotId> mySlots();

  /** The requests the signer made and has not withdrawn. */
  List<RequestId> myRequests();

  /** Approves the total price and submits the request. */
  void requestStorage(StorageRequest request);

  boolean canReserveSlot(RequestId id, long slotIndex);

  /** @throws SlotReservationNotAllowedException when the contract refuses the reservation */
  void reserveSlot(RequestId id, long slotIndex);

  /**
   * Approves {@code collateral} and fills the slot with the proof for the challenge of the block
   * that includes the transaction.
   *
   * @throws SlotStateMismatchException when the slot is not free
   * @throws ProofInvalidException when the contract rejects the proof
   */
  void fillSlot(RequestId id, long slotIndex, Proof proof, BigInteger collateral);

  /** @throws SlotStateMismatchException when the slot is free */
  void freeSlot(SlotId id);

  void withdrawFunds(RequestId id);

  boolean isProofRequired(SlotId id);

  boolean willProofBeRequired(SlotId id);

  /** The slot's current challenge, 32 bytes. */
  byte[] getChallenge(SlotId id);

  int getPointer(SlotId id);

  /**
   * Submits the proof of the current period and returns the period the contract counted it in
   * (that of its block), which may be later than the caller's clock said when it began.
   *
   * @throws ProofInvalidException when the contract rejects the proof
   */
  long submitProof(SlotId id, Proof proof);

  void markProofAsMissing(SlotId id, long period);

  /** Whether {@link #markProofAsMissing} would succeed now (any revert means no). */
  boolean canMarkProofAsMissing(SlotId id, long period);

  /** The collateral a host puts down to fill the slot now: less the repair reward when repairing. */
  BigInteger slotCollateral(RequestId id, long slotIndex);

  /**
   * The slots of every {@code SlotFilled} event since {@code fromTime} (seconds since the epoch),
   * oldest first (nim-codex {@code queryPastSlotFilledEvents}, spec node §6): a validator restores
   * what it watches from them. A market that cannot look back says so by throwing.
   *
   * @throws UnsupportedOperationException when this market keeps no history of events
   */
  default List<SlotId> slotsFilledSince(long fromTime) {
    throw new UnsupportedOperationException(
        getClass().getSimpleName() + " cannot look up past SlotFilled events");
  }

  /** Delivers the marketplace's events to {@code listener} until the returned handle is closed. */
  Subscription subscribe(MarketListener listener);

  /** A subscription's handle. */
  interface Subscription extends AutoCloseable {
    @Override
    void close();
  }
}
