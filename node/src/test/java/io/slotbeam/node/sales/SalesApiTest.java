package io.slotbeam.node.sales;

import static io.slotbeam.node.rest.NodeClient.json;
import static io.slotbeam.node.rest.NodeClient.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.slotbeam.core.slots.CircuitParams;
import io.slotbeam.node.Node;
import io.slotbeam.node.NodeConfig;
import io.slotbeam.node.market.ManualClock;
import io.slotbeam.node.market.MockMarket;
import io.slotbeam.node.proving.Proving;
import io.slotbeam.node.rest.NodeClient;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The sales endpoints' shapes, statuses and nim-codex's validation messages (spec node §2.4). */
class SalesApiTest {
  private static final long QUOTA = 1_000_000;

  @TempDir Path dir;
  private Node node;
  private NodeClient rest;

  @AfterEach
  void stop() {
    if (node != null) {
      node.close();
    }
  }

  private void start(boolean withSales) throws IOException {
    node = Node.start(new NodeConfig(dir, "127.0.0.1", 0, QUOTA, NodeConfig.DEFAULT_BLOCK_TTL,
        NodeConfig.DEFAULT_MAINTENANCE_INTERVAL, 1000, List.of()), Clock.systemUTC());
    if (withSales) {
      ManualClock clock = new ManualClock(1000);
      node.startSales(new MockMarket(MockMarket.config(10), HostFixture.HOST, clock), clock,
          new Proving(CircuitParams.SMALL, new HostFixture.SamplingProver(), 0), (s, p, proof) -> {});
    }
    rest = new NodeClient(node.baseUrl());
  }

  private HttpResponse<byte[]> send(String method, String path, String body) throws IOException {
    return rest.send(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
  }

  private static final String VALID =
      "{\"totalSize\": 1000, \"duration\": 60, \"minPricePerBytePerSecond\": \"2\", \"totalCollateral\": 300}";

  @Test
  void createsListsAndUpdatesAvailabilitiesWithNimCodexShapes() throws IOException {
    start(true);
    HttpResponse<byte[]> created = send("POST", "sales/availability", VALID);
    assertEquals(201, created.statusCode(), text(created));
    JsonNode availability = new com.fasterxml.jackson.databind.ObjectMapper().readTree(created.body());
    String id = availability.get("id").asText();
    assertTrue(id.matches("0x[0-9a-f]{64}"), id);
    assertEquals(1000, availability.get("freeSize").asLong());
    assertEquals("2", availability.get("minPricePerBytePerSecond").asText());
    assertEquals("300", availability.get("totalRemainingCollateral").asText());
    assertTrue(availability.get("enabled").asBoolean());
    assertEquals(0, availability.get("until").asLong());
    assertEquals(1000, json(rest.get("space")).get("quotaReservedBytes").asLong());
    assertEquals(availability, json(rest.get("sales/availability")).get(0));

    assertEquals(204, send("PATCH", "sales/availability/" + id.substring(2),
        "{\"totalSize\": \"1500\", \"minPricePerBytePerSecond\": \"0x10\", \"enabled\": false}").statusCode());
    JsonNode updated = json(rest.get("sales/availability")).get(0);
    assertEquals(1500, updated.get("totalSize").asLong());
    assertEquals(1500, updated.get("freeSize").asLong());
    assertEquals("16", updated.get("minPricePerBytePerSecond").asText());
    assertEquals(false, updated.get("enabled").asBoolean());
    assertEquals(1500, json(rest.get("space")).get("quotaReservedBytes").asLong());
    assertEquals(0, json(rest.get("sales/availability/" + id + "/reservations")).size());
    assertEquals(0, json(rest.get("sales/slots")).size());
    assertEquals(0, json(rest.get("sales/ignored")).size());
  }

  @ParameterizedTest(name = "{0} → {1} {2}")
  @CsvSource(delimiter = '|', value = {
    "{\"totalSize\": 0, \"duration\": 60, \"minPricePerBytePerSecond\": \"2\", \"totalCollateral\": 300}|422|Total size must be larger then zero",
    "{\"totalSize\": 10, \"minPricePerBytePerSecond\": \"2\", \"totalCollateral\": 300}|422|duration must be larger then zero",
    "{\"totalSize\": 10, \"duration\": 60, \"totalCollateral\": 300}|422|minPricePerBytePerSecond must be larger then zero",
    "{\"totalSize\": 10, \"duration\": 60, \"minPricePerBytePerSecond\": \"2\"}|422|totalCollateral must be larger then zero",
    "{\"totalSize\": 1000000, \"duration\": 60, \"minPricePerBytePerSecond\": \"2\", \"totalCollateral\": 300}|422|Not enough storage quota",
    "{\"totalSize\": 10, \"duration\": 60, \"minPricePerBytePerSecond\": \"2\", \"totalCollateral\": 300, \"until\": -1}|422|Cannot set until to a negative value: -1",
    "{\"totalSize\": -5, \"duration\": 60}|400|Parsed integer outside of valid range",
    "not json|400|request body is not JSON",
  })
  void createRejectsInNimCodexOrder(String body, int status, String message) throws IOException {
    start(true);
    HttpResponse<byte[]> response = send("POST", "sales/availability", body);
    assertEquals(status, response.statusCode(), text(response));
    assertTrue(text(response).startsWith(message), text(response));
    assertEquals(0, json(rest.get("space")).get("quotaReservedBytes").asLong(), "nothing reserved");
  }

  @Test
  void patchRejectsFreeSizeUnknownIdsAndShrinkingBelowWhatIsPromised() throws IOException {
    start(true);
    String id = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(send("POST", "sales/availability", VALID).body()).get("id").asText();
    HttpResponse<byte[]> free = send("PATCH", "sales/availability/" + id, "{\"freeSize\": 5}");
    assertEquals(422, free.statusCode());
    assertEquals("Updating freeSize is not allowed", text(free));
    HttpResponse<byte[]> unknown = send("PATCH", "sales/availability/0x" + "00".repeat(32), "{}");
    assertEquals(404, unknown.statusCode());
    assertEquals("Availability not found", text(unknown));
    HttpResponse<byte[]> badId = send("PATCH", "sales/availability/xyz", "{}");
    assertEquals(400, badId.statusCode());
    assertTrue(text(badId).contains("'xyz' is not 32 bytes of hex"), text(badId));
    HttpResponse<byte[]> zero = send("PATCH", "sales/availability/" + id, "{\"totalSize\": 0}");
    assertEquals(422, zero.statusCode());
    HttpResponse<byte[]> tooBig = send("PATCH", "sales/availability/" + id, "{\"totalSize\": 999000}");
    assertEquals(422, tooBig.statusCode());
    assertEquals("Not enough storage quota", text(tooBig), "the whole new size is checked (§12.5)");
    assertEquals(404, rest.get("sales/availability/0x" + "00".repeat(32) + "/reservations").statusCode());
    HttpResponse<byte[]> noSlot = rest.get("sales/slots/0x" + "00".repeat(32));
    assertEquals(404, noSlot.statusCode());
    assertEquals("Provider not filling slot", text(noSlot));
  }

  @Test
  void withoutAMarketEverySalesRouteIs503() throws IOException {
    start(false);
    for (String path : List.of("sales/slots", "sales/availability", "sales/ignored")) {
      HttpResponse<byte[]> response = rest.get(path);
      assertEquals(503, response.statusCode(), path);
      assertEquals("Persistence is not enabled", text(response));
    }
    assertEquals(503, send("POST", "sales/availability", VALID).statusCode());
  }
}
