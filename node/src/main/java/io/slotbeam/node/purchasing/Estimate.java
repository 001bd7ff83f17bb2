package io.slotbeam.node.purchasing;

import io.slotbeam.node.market.Ask;
import io.slotbeam.node.market.MarketConfig;
import java.math.BigInteger;

/**
 * What a storage request would cost and demand, worked out before any transaction (the dry run of
 * {@code POST /storage/request/{cid}?dryRun=true}): the ask the request would carry, and from it and
 * the marketplace's configuration the prices (spec node §5.1) and the proofs a host should expect.
 *
 * <p>Expected proofs follow the contract's rule (spec node §5.5): a proof is due in a period when the
 * period's challenge is divisible by {@code slotProbability = proofProbability · (256 − downtime) /
 * 256} (integer division; 0 means every period), so about one period in {@code slotProbability}
 * (every period when it is 0 or 1). A slot filled when the request starts sees {@code periods =
 * duration / period} such periods (the fill period itself needs none), so {@code
 * expectedProofsPerSlot = periods / max(1, slotProbability)}; a slot filled later sees fewer.
 *
 * @param ecK data blocks per erasure group ({@code nodes − tolerance})
 * @param ecM parity blocks per erasure group ({@code tolerance})
 * @param period the marketplace's proof period, seconds
 * @param downtime the marketplace's proof downtime, blocks
 */
public record Estimate(Ask ask, int ecK, int ecM, long period, int downtime) {
  private static final BigInteger POINTER_VALUES = BigInteger.valueOf(256);

  public static Estimate of(Ask ask, int ecK, int ecM, MarketConfig config) {
    return new Estimate(ask, ecK, ecM, config.period(), config.downtime());
  }

  /** {@code slots · duration · pricePerBytePerSecond · slotSize}: what the client pays up front. */
  public BigInteger totalPrice() {
    return ask.totalPrice();
  }

  /** {@code collateralPerByte · slotSize}: what each host puts down. */
  public BigInteger collateralPerSlot() {
    return ask.collateralPerSlot();
  }

  /** The collateral of all hosts together. */
  public BigInteger totalCollateral() {
    return collateralPerSlot().multiply(BigInteger.valueOf(ask.slots()));
  }

  /** Whole proof periods in the request's duration. */
  public long periods() {
    return ask.duration() / period;
  }

  /** {@code proofProbability · (256 − downtime) / 256}, the contract's divisor (spec node §5.5). */
  public BigInteger slotProbability() {
    return ask.proofProbability()
        .multiply(BigInteger.valueOf(256L - downtime))
        .divide(POINTER_VALUES);
  }

  /** {@code periods / max(1, slotProbability)}: proofs one host should expect to submit. */
  public double expectedProofsPerSlot() {
    return periods() / slotProbability().max(BigInteger.ONE).doubleValue();
  }

  /** Proofs all hosts together should expect to submit. */
  public double expectedProofs() {
    return expectedProofsPerSlot() * ask.slots();
  }
}
