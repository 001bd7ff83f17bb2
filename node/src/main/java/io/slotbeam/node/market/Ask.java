package io.slotbeam.node.market;

import java.math.BigInteger;

/**
 * What a client asks of the hosts of a request (contract {@code Ask}, spec node §5.1), with the
 * prices and collateral derived from it.
 */
public record Ask(
    BigInteger proofProbability,
    BigInteger pricePerBytePerSecond,
    BigInteger collateralPerByte,
    long slots,
    long slotSize,
    long duration,
    long maxSlotLoss) {
  public Ask {
    if (proofProbability.signum() < 0 || pricePerBytePerSecond.signum() < 0
        || collateralPerByte.signum() < 0 || slots < 0 || slotSize < 0 || duration < 0
        || maxSlotLoss < 0) {
      throw new IllegalArgumentException("ask has a negative value: " + this);
    }
  }

  /** {@code collateralPerByte · slotSize}. */
  public BigInteger collateralPerSlot() {
    return collateralPerByte.multiply(BigInteger.valueOf(slotSize));
  }

  /** {@code pricePerBytePerSecond · slotSize}. */
  public BigInteger pricePerSlotPerSecond() {
    return pricePerBytePerSecond.multiply(BigInteger.valueOf(slotSize));
  }

  /** {@code duration · pricePerSlotPerSecond}: what one host earns for the whole duration. */
  public BigInteger pricePerSlot() {
    return pricePerSlotPerSecond().multiply(BigInteger.valueOf(duration));
  }

  /** {@code slots · duration · pricePerSlotPerSecond}: the contract's {@code maxPrice}. */
  public BigInteger totalPrice() {
    return pricePerSlot().multiply(BigInteger.valueOf(slots));
  }
}
