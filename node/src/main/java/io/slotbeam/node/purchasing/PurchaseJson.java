package io.slotbeam.node.purchasing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.node.market.Ask;
import io.slotbeam.node.market.Content;
import io.slotbeam.node.market.RequestId;
import io.slotbeam.node.market.StorageRequest;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Purchases as JSON: nim-codex's REST shapes (spec node §2.1, §2.4–§2.5: 256-bit numbers as decimal
 * strings, ids as {@code 0x} hex, the content's CID as text and its merkle root never shown) and the
 * form a purchase is kept in on disk, which is the REST form plus the merkle root and {@code done}.
 */
public final class PurchaseJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final HexFormat HEX = HexFormat.of();

  private PurchaseJson() {}

  /** {@code {"requestId", "request", "state", "error"}} of {@code GET /storage/purchases/{id}}. */
  public static ObjectNode rest(Purchase purchase) {
    ObjectNode json = NODES.objectNode();
    json.put("requestId", purchase.id().hex());
    purchase.request().ifPresentOrElse(r -> json.set("request", request(r, false)), () -> json.putNull("request"));
    json.put("state", purchase.state().restName());
    purchase.error().ifPresentOrElse(e -> json.put("error", e), () -> json.putNull("error"));
    return json;
  }

  /** nim-codex's {@code StorageRequest} JSON, with the content's merkle root if asked. */
  public static ObjectNode request(StorageRequest request, boolean withMerkleRoot) {
    ObjectNode json = NODES.objectNode();
    json.put("client", request.client().toLowerCase(Locale.ROOT));
    json.set("ask", ask(request.ask()));
    ObjectNode content = json.putObject("content");
    content.put("cid", Cid.fromBytes(request.content().cid()).toString());
    if (withMerkleRoot) {
      content.put("merkleRoot", "0x" + HEX.formatHex(request.content().merkleRoot()));
    }
    json.put("expiry", request.expiry());
    json.put("nonce", "0x" + HEX.formatHex(request.nonce()));
    json.put("id", request.id().hex());
    return json;
  }

  /** nim-codex's {@code StorageAsk} JSON. */
  public static ObjectNode ask(Ask ask) {
    ObjectNode json = NODES.objectNode();
    json.put("proofProbability", ask.proofProbability().toString());
    json.put("pricePerBytePerSecond", ask.pricePerBytePerSecond().toString());
    json.put("collateralPerByte", ask.collateralPerByte().toString());
    json.put("slots", ask.slots());
    json.put("slotSize", ask.slotSize());
    json.put("duration", ask.duration());
    json.put("maxSlotLoss", ask.maxSlotLoss());
    return json;
  }

  /**
   * The dry run's answer: the ask the request would carry, the erasure parameters, the prices and
   * collateral (decimal strings, like every 256-bit number), and the expected proofs ({@link Estimate}).
   */
  public static ObjectNode estimate(Estimate estimate) {
    ObjectNode json = NODES.objectNode();
    json.put("dryRun", true);
    json.set("ask", ask(estimate.ask()));
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
    purchase.request().ifPresent(r -> json.set("request", request(r, true)));
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
