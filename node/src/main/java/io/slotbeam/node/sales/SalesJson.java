package io.slotbeam.node.sales;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slotbeam.node.NodeJson;
import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The JSON conventions of nim-codex's sales records and REST answers (spec node §2.1): 256-bit
 * numbers as decimal strings, 64-bit numbers as JSON numbers, ids as {@code 0x} + 64 lower-case
 * hex digits. The same JSON is stored in the repository (§7.1) and served over REST (§2.4).
 */
public final class SalesJson {
  static final ObjectMapper MAPPER = NodeJson.MAPPER;
  private static final SecureRandom RANDOM = new SecureRandom();

  private SalesJson() {}

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static byte[] bytes(ObjectNode json) {
    try {
      return MAPPER.writeValueAsBytes(json);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write " + json, e);
    }
  }

  static JsonNode parse(byte[] bytes, String what) {
    try {
      return MAPPER.readTree(bytes);
    } catch (IOException e) {
      throw new IllegalStateException("stored " + what + " is not JSON: " + e.getMessage(), e);
    }
  }

  /** 32 random bytes as an id ({@code 0x…}). */
  static String randomId() {
    byte[] id = new byte[32];
    RANDOM.nextBytes(id);
    return "0x" + HexFormat.of().formatHex(id);
  }

  /**
   * {@code id} as {@code 0x} + 64 lower-case hex digits; the {@code 0x} is optional on input, as
   * nim-codex parses path ids (§2.1).
   *
   * @throws IllegalArgumentException naming the id and the rule
   */
  public static String checkId(String id, String what) {
    String digits = id.startsWith("0x") || id.startsWith("0X") ? id.substring(2) : id;
    if (!digits.matches("[0-9a-fA-F]{64}")) {
      throw new IllegalArgumentException(what + " '" + id + "' is not 32 bytes of hex (64 digits)");
    }
    return "0x" + digits.toLowerCase(java.util.Locale.ROOT);
  }

  static long longField(JsonNode json, String name, String what) {
    JsonNode value = json.get(name);
    if (value == null || !value.canConvertToLong()) {
      throw new IllegalStateException(what + " has no integer '" + name + "': " + json);
    }
    return value.asLong();
  }

  static BigInteger bigField(JsonNode json, String name, String what) {
    JsonNode value = json.get(name);
    if (value == null || !value.isTextual()) {
      throw new IllegalStateException(what + " has no decimal string '" + name + "': " + json);
    }
    return new BigInteger(value.asText());
  }

  static String textField(JsonNode json, String name, String what) {
    JsonNode value = json.get(name);
    if (value == null || !value.isTextual()) {
      throw new IllegalStateException(what + " has no text '" + name + "': " + json);
    }
    return value.asText();
  }
}
