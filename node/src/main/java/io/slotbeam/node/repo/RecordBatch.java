package io.slotbeam.node.repo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Changes to the repository's records (sales availabilities and reservations, spec node §3.1,
 * §7.1) together with the change of reserved quota they make, applied by {@link
 * RocksBlockStore#apply} as one RocksDB write batch: a crash leaves all of them or none, so no
 * reserved byte is ever counted without the record that accounts for it.
 *
 * <p>Keys are nim-codex's datastore paths, e.g. {@code /sales/reservations/<availId>/<resId>}.
 */
public final class RecordBatch {
  private final Map<String, Optional<byte[]>> writes = new LinkedHashMap<>();
  private long reservedDelta;

  /** Stores {@code value} under {@code key}. */
  public RecordBatch put(String key, byte[] value) {
    writes.put(RepoKeys.checkRecordKey(key), Optional.of(value.clone()));
    return this;
  }

  /** Removes the record under {@code key} (nothing if there is none). */
  public RecordBatch delete(String key) {
    writes.put(RepoKeys.checkRecordKey(key), Optional.empty());
    return this;
  }

  /** Reserves {@code bytes} more of the quota (a negative value releases them). */
  public RecordBatch reserve(long bytes) {
    reservedDelta = Math.addExact(reservedDelta, bytes);
    return this;
  }

  long reservedDelta() {
    return reservedDelta;
  }

  /** The writes in the order they were added; an empty value is a delete. */
  Map<String, Optional<byte[]>> writes() {
    return Collections.unmodifiableMap(writes);
  }

  /** The keys written, for messages. */
  List<String> keys() {
    return new ArrayList<>(writes.keySet());
  }
}
