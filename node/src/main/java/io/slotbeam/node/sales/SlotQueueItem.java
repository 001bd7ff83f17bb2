package io.slotbeam.node.sales;

import io.slotbeam.node.market.Ask;
import io.slotbeam.node.market.RequestId;
import java.math.BigInteger;
import java.util.Comparator;
import java.util.Optional;

/**
 * One slot a host may fill (nim-codex {@code SlotQueueItem}, spec node §7.2). Identity is
 * {@code (requestId, slotIndex)}; {@link #PRIORITY} orders items best first.
 *
 * @param collateral the host's collateral for this slot
 * @param expiry when the request expires (Unix seconds), if known
 * @param seen whether a worker already looked at it and found no availability
 */
public record SlotQueueItem(
    RequestId requestId, int slotIndex, long slotSize, long duration,
    BigInteger pricePerBytePerSecond, BigInteger collateral, Optional<Long> expiry, boolean seen) {
  /**
   * Best first, the first differing criterion deciding: not seen before seen; higher
   * profitability ({@code duration · price · slotSize}) first; lower collateral first; later
   * expiry first, only when both have one. nim-codex's comparator adds weights 16/8/4/2 per
   * criterion, each larger than the sum of the lower ones: exactly this lexicographic order (§7.2).
   */
  public static final Comparator<SlotQueueItem> PRIORITY =
      Comparator.comparing(SlotQueueItem::seen)
          .thenComparing(SlotQueueItem::profitability, Comparator.reverseOrder())
          .thenComparing(SlotQueueItem::collateral)
          .thenComparing((a, b) -> a.expiry.isPresent() && b.expiry.isPresent()
              ? Long.compare(b.expiry.get(), a.expiry.get())
              : 0);

  public SlotQueueItem {
    if (slotIndex < 0 || slotIndex > 0xFFFF) {
      throw new IllegalArgumentException("slot index " + slotIndex + " is not a uint16");
    }
  }

  /** The item for slot {@code slotIndex} of a request asking {@code ask}. */
  public static SlotQueueItem of(RequestId id, int slotIndex, Ask ask, BigInteger collateral, Optional<Long> expiry) {
    return new SlotQueueItem(id, slotIndex, ask.slotSize(), ask.duration(), ask.pricePerBytePerSecond(),
        collateral, expiry, false);
  }

  /** {@code duration · pricePerBytePerSecond · slotSize}: what filling the slot earns. */
  public BigInteger profitability() {
    return pricePerBytePerSecond.multiply(BigInteger.valueOf(duration)).multiply(BigInteger.valueOf(slotSize));
  }

  public SlotQueueItem withSeen(boolean isSeen) {
    return new SlotQueueItem(requestId, slotIndex, slotSize, duration, pricePerBytePerSecond, collateral, expiry, isSeen);
  }

  boolean sameSlot(SlotQueueItem other) {
    return requestId.equals(other.requestId) && slotIndex == other.slotIndex;
  }
}
