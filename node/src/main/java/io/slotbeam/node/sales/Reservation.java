package io.slotbeam.node.sales;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slotbeam.node.market.RequestId;
import io.slotbeam.node.market.SlotId;

/**
 * Space of an availability promised to one slot (nim-codex {@code Reservation}, spec node §7.1),
 * stored and served as the REST {@code Reservation} (§2.4).
 *
 * @param size bytes of the slot not yet downloaded: still reserved in the repository's quota
 * @param validUntil the request's end (Unix seconds)
 */
public record Reservation(
    String id, String availabilityId, long size, RequestId requestId, long slotIndex, long validUntil) {
  public Reservation {
    id = SalesJson.checkId(id, "reservation id");
    availabilityId = SalesJson.checkId(availabilityId, "availability id");
    if (size < 0 || slotIndex < 0) {
      throw new IllegalArgumentException(
          "reservation " + id + " has a negative size " + size + " or slot index " + slotIndex);
    }
  }

  public SlotId slotId() {
    return requestId.slotId(slotIndex);
  }

  Reservation withSize(long newSize) {
    return new Reservation(id, availabilityId, newSize, requestId, slotIndex, validUntil);
  }

  public ObjectNode toJson() {
    ObjectNode json = SalesJson.object();
    json.put("id", id);
    json.put("availabilityId", availabilityId);
    json.put("size", size);
    json.put("requestId", requestId.hex());
    json.put("slotIndex", slotIndex);
    json.put("validUntil", validUntil);
    return json;
  }

  static Reservation fromJson(JsonNode json) {
    String what = "reservation";
    return new Reservation(
        SalesJson.textField(json, "id", what),
        SalesJson.textField(json, "availabilityId", what),
        SalesJson.longField(json, "size", what),
        RequestId.fromHex(SalesJson.textField(json, "requestId", what)),
        SalesJson.longField(json, "slotIndex", what),
        SalesJson.longField(json, "validUntil", what));
  }
}
