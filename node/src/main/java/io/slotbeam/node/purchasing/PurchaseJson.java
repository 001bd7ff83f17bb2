package io.slotbeam.node.purchasing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.node.market.Ask;
import io.slotbeam.node.market.Content;
import io.slotbeam.node.market.RequestId;
import io.slotbeam.node.market.StorageRequest;
import io.slotbeam.node.market.StorageRequestJson;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Purchases as JSON: nim-codex's REST shapes (spec node §2.1, §2.5; the request inside is {@link
 * StorageRequestJson}'s) and the form a purchase is kept in on disk, which is the REST form plus the
 * content's merkle root and {@code done}.
 */
public final class PurchaseJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final HexFormat HEX = HexFormat.of();

  private PurchaseJson() {}

  /** {@code {"requestId", "request", "state", "error"}} of {@code GET /storage/purchases/{id}}. */
  public static ObjectNode rest(Purchase purchase) {
    ObjectNode json = NODES.objectNode();
    json.put("requestId", purchase.id().hex());
    purchase.request().ifPresentOrElse(r -> json.set("request", StorageRequestJson.of(r)), () -> json.putNull("request"));
    json.put("state", purchase.state().restName());
    purchase.error().ifPresentOrElse(e -> json.put("error", e), () -> json.putNull("error"));
    return json;
  }

  /**
   * The dry run's answer: the ask the request would carry, the erasure parameters, the prices and
   * collateral (decimal strings, like every 256-bit number), and the expected proofs ({@link Estimate}).
   */
  public static ObjectNode estimate(Estimate estimate) {
    ObjectNode json = NODES.objectNode();
    json.put("dryRun", true);
    json.set("ask", StorageRequestJson.ask(estimate.ask()));
    json.put("ecK", estimate.ecK());
    json.put("ecM", estimate.ecM());
    json.put("totalPrice", estimate.totalPrice().toString());
    json.put("collateralPerSlot", estimate.collateralPerSlot().toString());
    json.put("totalCollateral", estimate.totalCollateral().toString());
    json.put("period", estimate.period());
    json.put("periods", estimate.periods());
    json.put("slotProbability", estimate.slotProbability().toString());
    json.put("expectedProofsPerSlot", estimate.expectedProofsPerSlot());
    json.put("expectedProofs", estimate.expectedProofs());
    return json;
  }

  /** The form kept on disk. */
  static ObjectNode stored(Purchase purchase) {
    ObjectNode json = NODES.objectNode();
    json.put("requestId", purchase.id().hex());
    purchase.request().ifPresent(r -> json.set("request", StorageRequestJson.withMerkleRoot(r)));
    json.put("state", purchase.state().restName());
    purchase.error().ifPresent(e -> json.put("error", e));
    json.put("done", purchase.done());
    return json;
  }

  /** Reads {@link #stored}; throws {@link IllegalArgumentException} naming what is wrong. */
  static Purchase parseStored(JsonNode json) {
    RequestId id = RequestId.fromHex(text(json, "requestId"));
    Optional<StorageRequest> request =
        json.hasNonNull("request") ? Optional.of(parseRequest(json.get("request"))) : Optional.empty();
    request.ifPresent(
        r -> {
          if (!r.id().equals(id)) {
            throw new IllegalArgumentException("stored request has id " + r.id() + ", not " + id);
          }
        });
    Optional<String> error = json.hasNonNull("error") ? Optional.of(text(json, "error")) : Optional.empty();
    return new Purchase(id, request, PurchaseState.ofRestName(text(json, "state")), error, json.path("done").asBoolean());
  }

  private static StorageRequest parseRequest(JsonNode json) {
    JsonNode ask = field(json, "ask");
    JsonNode content = field(json, "content");
    return new StorageRequest(
        text(json, "client"),
        new Ask(
            new BigInteger(text(ask, "proofProbability")),
            new BigInteger(text(ask, "pricePerBytePerSecond")),
            new BigInteger(text(ask, "collateralPerByte")),
            field(ask, "slots").asLong(),
            field(ask, "slotSize").asLong(),
            field(ask, "duration").asLong(),
            field(ask, "maxSlotLoss").asLong()),
        new Content(Cid.parse(text(content, "cid")).toBytes(), hex(text(content, "merkleRoot"))),
        field(json, "expiry").asLong(),
        hex(text(json, "nonce")));
  }

  private static JsonNode field(JsonNode json, String name) {
    JsonNode value = json.get(name);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("stored purchase has no '" + name + "' in " + json);
    }
    return value;
  }

  private static String text(JsonNode json, String name) {
    return field(json, name).asText();
  }

  private static byte[] hex(String text) {
    if (!text.startsWith("0x")) {
      throw new IllegalArgumentException("'" + text + "' is not 0x-prefixed hex");
    }
    return HEX.parseHex(text.substring(2));
  }
}
