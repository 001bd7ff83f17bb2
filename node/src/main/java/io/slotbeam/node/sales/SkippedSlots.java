package io.slotbeam.node.sales;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slotbeam.node.market.RequestId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.OptionalLong;

/**
 * The latest slots this host ignored or failed, each with its reason: what {@code GET
 * /sales/ignored} shows (slotbeam's addition to nim-codex's API, which only logs them). Keeps the
 * newest {@code capacity} entries.
 */
public final class SkippedSlots {
  /**
   * One ignored or failed slot, or a whole request when {@code slotIndex} is empty; {@code time}
   * in Unix seconds of the market's clock.
   */
  public record Skipped(RequestId requestId, OptionalLong slotIndex, SkipReason reason, String detail, long time) {}

  private final int capacity;
  private final Deque<Skipped> entries = new ArrayDeque<>();

  public SkippedSlots(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity " + capacity + " must be positive");
    }
    this.capacity = capacity;
  }

  public synchronized void add(Skipped skipped) {
    if (entries.size() == capacity) {
      entries.removeFirst();
    }
    entries.addLast(skipped);
  }

  /** Oldest first. */
  public synchronized List<Skipped> list() {
    return List.copyOf(entries);
  }

  public ArrayNode toJson() {
    ArrayNode json = SalesJson.MAPPER.createArrayNode();
    for (Skipped s : list()) {
      ObjectNode entry = json.addObject().put("requestId", s.requestId().hex());
      if (s.slotIndex().isPresent()) {
        entry.put("slotIndex", s.slotIndex().getAsLong());
      } else {
        entry.putNull("slotIndex");
      }
      entry.put("reason", s.reason().restName())
          .put("detail", s.detail())
          .put("time", s.time());
    }
    return json;
  }
}
