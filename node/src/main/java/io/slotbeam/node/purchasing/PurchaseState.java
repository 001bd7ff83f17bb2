package io.slotbeam.node.purchasing;

import java.util.Locale;

/**
 * The states of a purchase (nim-codex {@code purchasing/states}, spec node §9); {@link #restName}
 * is the {@code state} string of {@code GET /storage/purchases/{id}}.
 *
 * <pre>
 *   pending ──▶ submitted ──▶ started ──▶ finished
 *                   │            └──────▶ failed ──▶ errored
 *                   └─▶ cancelled
 *   unknown (after a restart) ──▶ the state the marketplace reports
 * </pre>
 */
public enum PurchaseState {
  /** The request is being sent ({@code requestStorage}). */
  PENDING,
  /** Sent; waiting for every slot to be filled, or for the request to expire. */
  SUBMITTED,
  /** Every slot filled; waiting for the request to end, or to fail. */
  STARTED,
  /** Ended; the client withdraws what the hosts did not earn. */
  FINISHED,
  /** Too many slots lost; the client withdraws, then the purchase is errored "Purchase failed". */
  FAILED,
  /** Not filled before expiry; the client withdraws. */
  CANCELLED,
  /** Something went wrong; the error says what. */
  ERRORED,
  /** Recovered after a restart; the marketplace's request state decides what follows. */
  UNKNOWN;

  public String restName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static PurchaseState ofRestName(String name) {
    for (PurchaseState state : values()) {
      if (state.restName().equals(name)) {
        return state;
      }
    }
    throw new IllegalArgumentException("purchase state '" + name + "' is not one of pending, submitted, started, finished, failed, cancelled, errored, unknown");
  }
}
