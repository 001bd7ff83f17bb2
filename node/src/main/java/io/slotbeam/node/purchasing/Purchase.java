package io.slotbeam.node.purchasing;

import io.slotbeam.node.market.RequestId;
import io.slotbeam.node.market.StorageRequest;
import java.util.Optional;

/**
 * Where one purchase stands (nim-codex {@code Purchase}, spec node §9): its id (the request id),
 * the request when known, its state, the error that ended it, and whether the state's work is
 * done. A purchase is over once {@code done}: finished or cancelled after the client withdrew, or
 * errored.
 */
public record Purchase(
    RequestId id,
    Optional<StorageRequest> request,
    PurchaseState state,
    Optional<String> error,
    boolean done) {
  /** A new purchase of {@code request}, about to be sent. */
  static Purchase pending(StorageRequest request) {
    return new Purchase(request.id(), Optional.of(request), PurchaseState.PENDING, Optional.empty(), false);
  }

  /** This purchase in {@code next}, its work not yet done. */
  Purchase in(PurchaseState next) {
    return new Purchase(id, request, next, error, false);
  }

  /** This purchase over in its current state, with {@code failure} if any. */
  Purchase over(Optional<String> failure) {
    return new Purchase(id, request, state, failure, true);
  }

  /** This purchase errored with {@code failure}: over. */
  Purchase errored(String failure) {
    return new Purchase(id, request, PurchaseState.ERRORED, Optional.of(failure), true);
  }

  Purchase withRequest(StorageRequest known) {
    return new Purchase(id, Optional.of(known), state, error, done);
  }
}
