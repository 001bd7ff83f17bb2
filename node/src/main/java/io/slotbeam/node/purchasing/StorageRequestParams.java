package io.slotbeam.node.purchasing;

import io.slotbeam.core.erasure.ErasureParams;
import java.math.BigInteger;

/**
 * What a client asks for with {@code POST /storage/request/{cid}} (nim-codex {@code
 * StorageRequestParams}, spec node §2.5): how long, at what price, how often proofs are due, the
 * hosts' collateral, how soon the slots must be filled ({@code expiry}, seconds after the request),
 * on how many hosts ({@code nodes}) and how many of them may be lost ({@code tolerance}).
 *
 * <p>{@link #check} applies nim-codex's rules in nim-codex's order with its messages; the one rule
 * that needs the dataset (it must have at least K blocks) belongs to {@link RequestSetup}.
 */
public record StorageRequestParams(
    long duration,
    BigInteger proofProbability,
    BigInteger pricePerBytePerSecond,
    BigInteger collateralPerByte,
    long expiry,
    long nodes,
    long tolerance) {
  /** nim-codex's default when the body has no {@code nodes}. */
  public static final long DEFAULT_NODES = 3;

  /** nim-codex's default when the body has no {@code tolerance}. */
  public static final long DEFAULT_TOLERANCE = 1;

  public StorageRequestParams {
    if (duration < 0 || proofProbability.signum() < 0 || pricePerBytePerSecond.signum() < 0
        || collateralPerByte.signum() < 0 || expiry < 0 || nodes < 0 || tolerance < 0) {
      throw new IllegalArgumentException(
          "storage request parameters must not be negative: duration " + duration
              + ", proofProbability " + proofProbability + ", pricePerBytePerSecond " + pricePerBytePerSecond
              + ", collateralPerByte " + collateralPerByte + ", expiry " + expiry + ", nodes " + nodes
              + ", tolerance " + tolerance);
    }
  }

  /**
   * Throws {@link InvalidPurchaseException} at the first rule of spec node §2.5 (items 2–9) that
   * these parameters break; the messages are nim-codex's, typos included, since clients match them.
   *
   * @param durationLimit the marketplace's {@code requestDurationLimit}, seconds
   */
  public void check(long durationLimit) {
    if (expiry <= 0 || expiry >= duration) {
      throw new InvalidPurchaseException(
          "Expiry must be greater than zero and less than the request's duration");
    }
    if (proofProbability.signum() <= 0) {
      throw new InvalidPurchaseException("Proof probability must be greater than zero");
    }
    if (collateralPerByte.signum() <= 0) {
      throw new InvalidPurchaseException("Collateral per byte must be greater than zero");
    }
    if (pricePerBytePerSecond.signum() <= 0) {
      throw new InvalidPurchaseException("Price per byte per second must be greater than zero");
    }
    if (duration > durationLimit) {
      throw new InvalidPurchaseException("Duration exceeds limit of " + durationLimit + " seconds");
    }
    if (tolerance == 0) {
      throw new InvalidPurchaseException("Tolerance needs to be bigger then zero");
    }
    if (tolerance > nodes) {
      throw new InvalidPurchaseException(
          "Invalid parameters: `tolerance` cannot be greater than `nodes`");
    }
    long k = nodes - tolerance;
    if (k <= 1 || k < tolerance) {
      throw new InvalidPurchaseException(
          "Invalid parameters: parameters must satify `1 < (nodes - tolerance) ≥ tolerance`");
    }
    // Not a nim-codex rule: its Leopard binding fails later, with a 500 (spec datapath §6.1).
    if (nodes > ErasureParams.MAX_SHARDS) {
      throw new InvalidPurchaseException(
          "Invalid parameters: `nodes` = " + nodes + " exceeds Leopard's " + ErasureParams.MAX_SHARDS + " blocks per group");
    }
  }

  /** Data blocks per erasure group: {@code nodes − tolerance} (spec datapath §6.1); after {@link #check}. */
  public int ecK() {
    return Math.toIntExact(nodes - tolerance);
  }

  /** Parity blocks per erasure group: {@code tolerance} (spec datapath §6.1). */
  public int ecM() {
    return Math.toIntExact(tolerance);
  }
}
