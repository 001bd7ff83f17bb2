package io.slotbeam.node.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.slotbeam.core.cid.Cid;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one StorageRequest JSON writer: spec node §2.4's fields, in its order and number forms. */
class StorageRequestJsonTest {
  /** A request with an upper-case client, a 256-bit price and a real CID, to see every conversion. */
  private static StorageRequest request() {
    Cid cid = Cid.parse("zDzSvJTezk7bJNQqFq8k1iHXY84psNuUfZVusA5bBQQUSuyzDSVL");
    byte[] root = new byte[32];
    root[0] = 0x2a;
    byte[] nonce = new byte[32];
    nonce[31] = 7;
    Ask ask = new Ask(BigInteger.valueOf(5), BigInteger.TWO.pow(200), BigInteger.valueOf(3), 4, 65536, 1200, 1);
    return new StorageRequest("0x" + "AB".repeat(20), ask, new Content(cid.toBytes(), root), 300, nonce);
  }

  @Test
  void writesTheRestShapeWithDecimalStringsAndTheCidAsText() {
    StorageRequest request = request();
    JsonNode json = StorageRequestJson.of(request);
    assertEquals(List.of("client", "ask", "content", "expiry", "nonce", "id"), names(json));
    assertEquals("0x" + "ab".repeat(20), json.get("client").asText());
    JsonNode ask = json.get("ask");
    assertEquals(List.of("proofProbability", "pricePerBytePerSecond", "collateralPerByte", "slots", "slotSize",
        "duration", "maxSlotLoss"), names(ask));
    assertEquals(BigInteger.TWO.pow(200).toString(), ask.get("pricePerBytePerSecond").textValue());
    assertEquals("5", ask.get("proofProbability").textValue());
    assertEquals(65536, ask.get("slotSize").longValue());
    assertEquals(ask, StorageRequestJson.ask(request.ask()));
    assertEquals("zDzSvJTezk7bJNQqFq8k1iHXY84psNuUfZVusA5bBQQUSuyzDSVL", json.get("content").get("cid").asText());
    assertFalse(json.get("content").has("merkleRoot"), "REST never shows the merkle root");
    assertEquals(300, json.get("expiry").longValue());
    assertEquals("0x" + HexFormat.of().formatHex(request.nonce()), json.get("nonce").asText());
    assertEquals(request.id().hex(), json.get("id").asText());
  }

  @Test
  void theStoredFormAddsOnlyTheMerkleRoot() {
    StorageRequest request = request();
    JsonNode stored = StorageRequestJson.withMerkleRoot(request);
    assertEquals("0x2a" + "00".repeat(31), stored.get("content").get("merkleRoot").asText());
    ((com.fasterxml.jackson.databind.node.ObjectNode) stored.get("content")).remove("merkleRoot");
    assertEquals(StorageRequestJson.of(request), stored);
  }

  private static List<String> names(JsonNode json) {
    List<String> names = new java.util.ArrayList<>();
    json.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
