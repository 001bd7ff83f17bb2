package io.slotbeam.node.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.slotbeam.node.market.ActiveSlot;
import io.slotbeam.node.market.Market;
import io.slotbeam.node.market.SlotId;
import io.slotbeam.node.market.StorageRequestJson;
import io.slotbeam.node.repo.QuotaUsage;
import io.slotbeam.node.repo.RocksBlockStore;
import io.slotbeam.node.sales.Availability;
import io.slotbeam.node.sales.Reservations;
import io.slotbeam.node.sales.Sales;
import io.slotbeam.node.sales.SalesAgent;
import io.slotbeam.node.sales.SalesJson;
import io.slotbeam.node.sales.UntilOutOfBoundsException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The sales endpoints (spec node §2.4) with nim-codex's shapes, statuses and validation messages
 * (typos included, clients match them): availabilities ({@code GET/POST /sales/availability},
 * {@code PATCH /sales/availability/{id}}, {@code GET /sales/availability/{id}/reservations}), the
 * slots this host fills on chain ({@code GET /sales/slots}) and one slot's sale ({@code GET
 * /sales/slots/{slotId}}). slotbeam adds {@code GET /sales/ignored}: the latest slots the host
 * ignored or failed, each with its reason ({@code no-matching-availability}, {@code quota}, {@code
 * no-worker-free}, {@code circuit-limits}, {@code chain-error}, {@code slot-taken}, {@code error}),
 * a detail and the time. Without a marketplace every route answers 503 {@code Persistence is not
 * enabled}.
 */
final class SalesApi {
  private static final int SERVICE_UNAVAILABLE = 503;
  private static final int CREATED = 201;
  private static final int MAX_BODY = 64 * 1024;

  private final RocksBlockStore store;
  private final Supplier<Optional<Sales>> sales;

  SalesApi(RocksBlockStore store, Supplier<Optional<Sales>> sales) {
    this.store = store;
    this.sales = sales;
  }

  void register(Router router) {
    router
        .on("GET", "sales/slots", (exchange, params) -> slots(exchange))
        .on("GET", "sales/slots/{slotId}", (exchange, params) -> slot(exchange, params.get(0)))
        .on("GET", "sales/availability", (exchange, params) -> availabilities(exchange))
        .on("POST", "sales/availability", (exchange, params) -> create(exchange))
        .on("PATCH", "sales/availability/{id}", (exchange, params) -> update(exchange, params.get(0)))
        .on("GET", "sales/availability/{id}/reservations", (exchange, params) -> reservations(exchange, params.get(0)))
        .on("GET", "sales/ignored", (exchange, params) -> Replies.json(exchange, 200, sales().skipped().toJson()));
  }

  private Sales sales() {
    return sales.get().orElseThrow(() -> new HttpError(SERVICE_UNAVAILABLE, "Persistence is not enabled"));
  }

  private void slots(HttpExchange exchange) throws IOException {
    Market market = sales().market();
    ArrayNode json = Replies.JSON.createArrayNode();
    for (SlotId id : market.mySlots()) {
      Optional<ActiveSlot> slot = market.getActiveSlot(id);
      if (slot.isPresent()) {
        json.addObject()
            .<ObjectNode>set("request", StorageRequestJson.of(slot.get().request()))
            .put("slotIndex", slot.get().slotIndex())
            .put("id", id.hex());
      }
    }
    Replies.json(exchange, 200, json);
  }

  private void slot(HttpExchange exchange, String slotIdText) throws IOException {
    Sales running = sales();
    SlotId id;
    try {
      id = SlotId.fromHex(slotIdText);
    } catch (IllegalArgumentException e) {
      throw new HttpError(HttpError.BAD_REQUEST, e.getMessage());
    }
    SalesAgent agent = running.agent(id)
        .orElseThrow(() -> new HttpError(HttpError.NOT_FOUND, "Provider not filling slot"));
    Replies.json(exchange, 200, agent.toJson());
  }

  private void availabilities(HttpExchange exchange) throws IOException {
    ArrayNode json = Replies.JSON.createArrayNode();
    sales().reservations().availabilities().forEach(a -> json.add(a.toJson()));
    Replies.json(exchange, 200, json);
  }

  private void create(HttpExchange exchange) throws IOException {
    Reservations reservations = sales().reservations();
    JsonNode body = body(exchange);
    long totalSize = unsigned(body, "totalSize");
    long duration = unsigned(body, "duration");
    BigInteger minPrice = uint256(body, "minPricePerBytePerSecond");
    BigInteger totalCollateral = uint256(body, "totalCollateral");
    boolean enabled = !body.has("enabled") || body.get("enabled").asBoolean();
    long until = signed(body, "until");
    requirePositive(totalSize, "Total size must be larger then zero");
    requirePositive(duration, "duration must be larger then zero");
    requirePositive(minPrice.signum(), "minPricePerBytePerSecond must be larger then zero");
    requirePositive(totalCollateral.signum(), "totalCollateral must be larger then zero");
    if (!fits(totalSize)) {
      throw new HttpError(HttpError.UNPROCESSABLE, "Not enough storage quota");
    }
    if (until < 0) {
      throw new HttpError(HttpError.UNPROCESSABLE, "Cannot set until to a negative value: " + until);
    }
    Availability created = reservations.createAvailability(totalSize, duration, minPrice, totalCollateral, enabled, until);
    Replies.json(exchange, CREATED, created.toJson());
  }

  private void update(HttpExchange exchange, String idText) throws IOException {
    Reservations reservations = sales().reservations();
    String id = parseId(idText);
    JsonNode body = body(exchange);
    Availability current = reservations.availability(id)
        .orElseThrow(() -> new HttpError(HttpError.NOT_FOUND, "Availability not found"));
    if (body.has("freeSize")) {
      throw new HttpError(HttpError.UNPROCESSABLE, "Updating freeSize is not allowed");
    }
    long totalSize = current.totalSize();
    long freeSize = current.freeSize();
    if (body.has("totalSize")) {
      long requested = unsigned(body, "totalSize");
      requirePositive(requested, "Total size must be larger then zero");
      long committed = current.totalSize() - current.freeSize();
      if (requested < committed) {
        throw new HttpError(HttpError.UNPROCESSABLE,
            "New totalSize must be larger then current totalSize - freeSize, which is currently: " + committed);
      }
      // nim-codex checks the whole new size against the remaining quota, not the difference (§12.5)
      if (!fits(requested)) {
        throw new HttpError(HttpError.UNPROCESSABLE, "Not enough storage quota");
      }
      freeSize += requested - current.totalSize();
      totalSize = requested;
    }
    long duration = body.has("duration") ? unsigned(body, "duration") : current.duration();
    BigInteger minPrice = body.has("minPricePerBytePerSecond")
        ? uint256(body, "minPricePerBytePerSecond") : current.minPricePerBytePerSecond();
    BigInteger totalCollateral = current.totalCollateral();
    BigInteger remaining = current.totalRemainingCollateral();
    if (body.has("totalCollateral")) {
      // nim-codex also resets the remaining collateral to the new total (§12.5)
      totalCollateral = uint256(body, "totalCollateral");
      remaining = totalCollateral;
    }
    long until = body.has("until") ? signed(body, "until") : current.until();
    if (until < 0) {
      throw new HttpError(HttpError.UNPROCESSABLE, "Cannot set until to a negative value: " + until);
    }
    boolean enabled = body.has("enabled") ? body.get("enabled").asBoolean() : current.enabled();
    try {
      reservations.update(new Availability(current.id(), totalSize, freeSize, duration, minPrice, totalCollateral,
          remaining, enabled, until));
    } catch (UntilOutOfBoundsException e) {
      throw new HttpError(HttpError.UNPROCESSABLE, e.getMessage());
    }
    Replies.empty(exchange, 204);
  }

  private void reservations(HttpExchange exchange, String idText) throws IOException {
    Reservations reservations = sales().reservations();
    String id = parseId(idText);
    if (reservations.availability(id).isEmpty()) {
      throw new HttpError(HttpError.NOT_FOUND, "Availability not found");
    }
    ArrayNode json = Replies.JSON.createArrayNode();
    reservations.reservations(id).forEach(r -> json.add(r.toJson()));
    Replies.json(exchange, 200, json);
  }

  /** {@code bytes < quotaMax − (used + reserved)}, strictly, as nim-codex's {@code available(bytes)}. */
  private boolean fits(long bytes) {
    QuotaUsage usage = store.usage();
    return bytes < store.quota() - (usage.used() + usage.reserved());
  }

  private static String parseId(String text) {
    try {
      return SalesJson.checkId(text, "availability id");
    } catch (IllegalArgumentException e) {
      throw new HttpError(HttpError.BAD_REQUEST, e.getMessage());
    }
  }

  private static void requirePositive(long value, String message) {
    if (value <= 0) {
      throw new HttpError(HttpError.UNPROCESSABLE, message);
    }
  }

  private static JsonNode body(HttpExchange exchange) {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readNBytes(MAX_BODY + 1);
      if (bytes.length > MAX_BODY) {
        throw new HttpError(HttpError.PAYLOAD_TOO_LARGE, "request body exceeds " + MAX_BODY + " bytes");
      }
      JsonNode json = Replies.JSON.readTree(bytes);
      if (json == null || !json.isObject()) {
        throw new HttpError(HttpError.BAD_REQUEST, "request body is not a JSON object");
      }
      return json;
    } catch (IOException e) {
      throw new HttpError(HttpError.BAD_REQUEST, "request body is not JSON: " + e.getMessage());
    }
  }

  /** A uint64 field: a JSON number or numeric string; missing is 0; negative is 400. */
  private static long unsigned(JsonNode body, String name) {
    long value = signed(body, name);
    if (value < 0) {
      throw new HttpError(HttpError.BAD_REQUEST, "Parsed integer outside of valid range");
    }
    return value;
  }

  /** An int64 field: a JSON number or numeric string; missing is 0. */
  private static long signed(JsonNode body, String name) {
    JsonNode value = body.get(name);
    if (value == null || value.isNull()) {
      return 0;
    }
    try {
      BigInteger number = value.isNumber() && value.isIntegralNumber()
          ? value.bigIntegerValue()
          : new BigInteger(value.isTextual() ? value.asText() : "x");
      return number.longValueExact();
    } catch (NumberFormatException e) {
      throw new HttpError(HttpError.BAD_REQUEST, name + " '" + value + "' is not an integer");
    } catch (ArithmeticException e) {
      throw new HttpError(HttpError.BAD_REQUEST, "Parsed integer outside of valid range");
    }
  }

  /** A uint256 field: a JSON number, or a decimal, 0x, 0o or 0b string; missing is 0. */
  private static BigInteger uint256(JsonNode body, String name) {
    JsonNode value = body.get(name);
    if (value == null || value.isNull()) {
      return BigInteger.ZERO;
    }
    BigInteger number;
    try {
      if (value.isNumber() && value.isIntegralNumber()) {
        number = value.bigIntegerValue();
      } else if (value.isTextual()) {
        String text = value.asText();
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        number = lower.startsWith("0x") ? new BigInteger(text.substring(2), 16)
            : lower.startsWith("0o") ? new BigInteger(text.substring(2), 8)
            : lower.startsWith("0b") ? new BigInteger(text.substring(2), 2)
            : new BigInteger(text);
      } else {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      throw new HttpError(HttpError.BAD_REQUEST, name + " '" + value + "' is not an integer");
    }
    if (number.signum() < 0 || number.bitLength() > 256) {
      throw new HttpError(HttpError.BAD_REQUEST, "Parsed integer outside of valid range");
    }
    return number;
  }
}
