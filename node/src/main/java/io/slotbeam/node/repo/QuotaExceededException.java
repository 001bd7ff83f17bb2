package io.slotbeam.node.repo;

/**
 * Storing {@code needed} more bytes would take the repository past its quota (spec node §3.3,
 * nim-codex's {@code QuotaNotEnoughError}). The REST API answers it with 507 Insufficient Storage.
 */
public final class QuotaExceededException extends IllegalStateException {
  private final long quota;
  private final long used;
  private final long needed;

  public QuotaExceededException(long quota, long used, long reserved, long needed) {
    super(
        "storage quota exceeded: the quota is "
            + quota
            + " bytes, "
            + used
            + " bytes are used and "
            + reserved
            + " reserved, and "
            + needed
            + " more bytes are needed");
    this.quota = quota;
    this.used = used;
    this.needed = needed;
  }

  public long quota() {
    return quota;
  }

  public long used() {
    return used;
  }

  public long needed() {
    return needed;
  }
}
