package io.slotbeam.node.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpExchange;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.node.purchasing.InvalidPurchaseException;
import io.slotbeam.node.purchasing.Purchase;
import io.slotbeam.node.purchasing.PurchaseJson;
import io.slotbeam.node.purchasing.Purchasing;
import io.slotbeam.node.purchasing.StorageRequestParams;
import io.slotbeam.node.market.RequestId;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.Optional;

/**
 * The purchasing endpoints of spec node §2.5: {@code POST /storage/request/{cid}} (nim-codex's
 * parameters, checks, messages and answer: the request id as 64 hex digits without {@code 0x}),
 * {@code GET /storage/purchases} and {@code GET /storage/purchases/{id}}. Without a marketplace
 * (no client role) every route answers 503 {@code Persistence is not enabled}.
 *
 * <p>Added here: {@code POST /storage/request/{cid}?dryRun=true} runs the same checks and answers
 * with the request's numbers ({@link PurchaseJson#estimate}) instead of encoding and sending it.
 * An unknown dataset is a 404 (nim-codex: 500).
 */
final class PurchasingApi {
  /** nim-serde's answer to a negative or too large number (spec node §2.1). */
  static final String OUT_OF_RANGE = "Parsed integer outside of valid range";

  private static final int SERVICE_UNAVAILABLE = 503;

  private static final int BODY_LIMIT = 64 << 10;
  private static final BigInteger UINT256_MAX = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
  private static final BigInteger INT64_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private final Optional<Purchasing> purchasing;

  PurchasingApi(Optional<Purchasing> purchasing) {
    this.purchasing = purchasing;
  }

  void register(Router router) {
    router
        .on("POST", "storage/request/{cid}", (exchange, params) -> request(exchange, params.get(0)))
        .on("GET", "storage/purchases", (exchange, params) -> list(exchange))
        .on("GET", "storage/purchases/{id}", (exchange, params) -> show(exchange, params.get(0)));
  }

  private Purchasing client() {
    return purchasing.orElseThrow(() -> new HttpError(SERVICE_UNAVAILABLE, "Persistence is not enabled"));
  }

  private void request(HttpExchange exchange, String cidText) throws IOException {
    Purchasing client = client();
    Cid cid = Cid.parse(cidText);
    boolean dryRun = dryRun(exchange.getRequestURI().getRawQuery());
    StorageRequestParams params = params(exchange);
    try {
      if (dryRun) {
        Replies.json(exchange, 200, PurchaseJson.estimate(client.estimate(cid, params)));
      } else {
        Replies.text(exchange, 200, client.purchase(cid, params).hex().substring(2));
      }
    } catch (InvalidPurchaseException e) {
      throw new HttpError(HttpError.UNPROCESSABLE, e.getMessage());
    }
  }

  private void list(HttpExchange exchange) throws IOException {
    ArrayNode ids = Replies.JSON.createArrayNode();
    client().ids().forEach(id -> ids.add(id.hex()));
    Replies.json(exchange, 200, ids);
  }

  private void show(HttpExchange exchange, String idText) throws IOException {
    Purchasing client = client();
    RequestId id;
    try {
      id = RequestId.fromHex(idText);
    } catch (IllegalArgumentException e) {
      throw new HttpError(HttpError.BAD_REQUEST, e.getMessage());
    }
    Optional<Purchase> purchase = client.get(id);
    if (purchase.isEmpty()) {
      Replies.empty(exchange, HttpError.NOT_FOUND);
      return;
    }
    Replies.json(exchange, 200, PurchaseJson.rest(purchase.get()));
  }

  /** {@code ?dryRun=true|false}; other query parameters are ignored, as nim-codex ignores them. */
  private static boolean dryRun(String query) {
    if (query == null) {
      return false;
    }
    boolean dryRun = false;
    for (String pair : query.split("&")) {
      String[] keyValue = pair.split("=", 2);
      if (keyValue[0].equals("dryRun")) {
        String value = keyValue.length == 2 ? keyValue[1] : "";
        if (!value.equals("true") && !value.equals("false")) {
          throw new HttpError(HttpError.BAD_REQUEST, "dryRun must be true or false, not '" + value + "'");
        }
        dryRun = value.equals("true");
      }
    }
    return dryRun;
  }

  /**
   * The body as nim-serde reads a {@code StorageRequestParams} (spec node §2.1): unknown keys are
   * ignored, a missing number is 0 (which a rule then refuses with 422), {@code nodes} and {@code
   * tolerance} default to 3 and 1; any malformed value is a 400.
   */
  private static StorageRequestParams params(HttpExchange exchange) throws IOException {
    JsonNode body;
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readNBytes(BODY_LIMIT + 1);
      if (bytes.length > BODY_LIMIT) {
        throw new HttpError(HttpError.PAYLOAD_TOO_LARGE, "the request body exceeds " + BODY_LIMIT + " bytes");
      }
      body = Replies.JSON.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw new HttpError(HttpError.BAD_REQUEST, "the body is not JSON: " + e.getOriginalMessage());
    } catch (CharConversionException e) { // bad UTF-16/32 text, as BlockApi.putManifest answers it
      throw new HttpError(HttpError.BAD_REQUEST, "the body is not JSON: " + e.getMessage());
    }
    if (body == null || !body.isObject()) {
      throw new HttpError(HttpError.BAD_REQUEST, "the body must be a JSON object of storage request parameters");
    }
    return new StorageRequestParams(
        uint64(body, "duration", 0),
        uint256(body, "proofProbability"),
        uint256(body, "pricePerBytePerSecond"),
        uint256(body, "collateralPerByte"),
        uint64(body, "expiry", 0),
        uint64(body, "nodes", StorageRequestParams.DEFAULT_NODES),
        uint64(body, "tolerance", StorageRequestParams.DEFAULT_TOLERANCE));
  }

  /** A JSON number or a decimal string, at most 2^63 − 1 here; {@code absent} when missing or null. */
  private static long uint64(JsonNode body, String name, long absent) {
    JsonNode value = body.get(name);
    if (value == null || value.isNull()) {
      return absent;
    }
    BigInteger number;
    if (value.isIntegralNumber()) {
      number = value.bigIntegerValue();
    } else if (value.isTextual() && value.asText().matches("-?\\d+")) {
      number = new BigInteger(value.asText());
    } else {
      throw new HttpError(HttpError.BAD_REQUEST, name + " must be an unsigned integer, not " + value);
    }
    return inRange(number, INT64_MAX).longValueExact();
  }

  /** A JSON number, or a string: decimal or {@code 0x}/{@code 0o}/{@code 0b} prefixed; 0 when missing. */
  private static BigInteger uint256(JsonNode body, String name) {
    JsonNode value = body.get(name);
    if (value == null || value.isNull()) {
      return BigInteger.ZERO;
    }
    if (value.isIntegralNumber()) {
      return inRange(value.bigIntegerValue(), UINT256_MAX);
    }
    if (value.isTextual()) {
      String text = value.asText();
      int radix = text.startsWith("0x") ? 16 : text.startsWith("0o") ? 8 : text.startsWith("0b") ? 2 : 10;
      String digits = radix == 10 ? text : text.substring(2);
      try {
        return inRange(new BigInteger(digits, radix), UINT256_MAX);
      } catch (NumberFormatException e) {
        // below
      }
    }
    throw new HttpError(HttpError.BAD_REQUEST, name + " must be an unsigned 256-bit integer, not " + value);
  }

  private static BigInteger inRange(BigInteger number, BigInteger max) {
    if (number.signum() < 0 || number.compareTo(max) > 0) {
      throw new HttpError(HttpError.BAD_REQUEST, OUT_OF_RANGE);
    }
    return number;
  }
}
