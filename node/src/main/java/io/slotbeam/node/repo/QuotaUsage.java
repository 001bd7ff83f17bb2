package io.slotbeam.node.repo;

import java.nio.ByteBuffer;

/**
 * The repository's totals (spec node §3.3): bytes of stored blocks, bytes reserved for sales, and
 * the number of stored blocks. Stored as 24 big-endian bytes; nim-codex keeps {@code used} and
 * {@code reserved} as JSON under {@code /meta/quota/used} and the count under {@code /meta/total}.
 */
public record QuotaUsage(long used, long reserved, long totalBlocks) {
  static final int BYTES = 24;
  static final QuotaUsage EMPTY = new QuotaUsage(0, 0, 0);

  public QuotaUsage {
    if (used < 0 || reserved < 0 || totalBlocks < 0) {
      throw new IllegalStateException(
          "quota usage went negative: used " + used + ", reserved " + reserved + ", blocks " + totalBlocks);
    }
  }

  byte[] encode() {
    return ByteBuffer.allocate(BYTES).putLong(used).putLong(reserved).putLong(totalBlocks).array();
  }

  static QuotaUsage decode(byte[] bytes) {
    if (bytes.length != BYTES) {
      throw new IllegalStateException("quota record has " + bytes.length + " bytes, not " + BYTES);
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    return new QuotaUsage(buffer.getLong(), buffer.getLong(), buffer.getLong());
  }

  QuotaUsage plusBlock(int size) {
    return new QuotaUsage(used + size, reserved, totalBlocks + 1);
  }

  QuotaUsage minusBlock(int size) {
    return new QuotaUsage(used - size, reserved, totalBlocks - 1);
  }

  QuotaUsage plusReserved(long bytes) {
    return new QuotaUsage(used, reserved + bytes, totalBlocks);
  }
}
