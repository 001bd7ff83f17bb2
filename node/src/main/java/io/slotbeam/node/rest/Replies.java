package io.slotbeam.node.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import io.slotbeam.node.NodeJson;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The shapes of the node's answers: plain text, JSON, or nothing. */
final class Replies {
  /** {@link NodeJson#MAPPER}, under the name the REST classes use. */
  static final ObjectMapper JSON = NodeJson.MAPPER;

  private Replies() {}

  static void text(HttpExchange exchange, int status, String text) throws IOException {
    bytes(exchange, status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
  }

  static void json(HttpExchange exchange, int status, JsonNode json) throws IOException {
    bytes(exchange, status, "application/json", JSON.writeValueAsBytes(json));
  }

  static void empty(HttpExchange exchange, int status) throws IOException {
    exchange.sendResponseHeaders(status, -1);
  }

  static void bytes(HttpExchange exchange, int status, String contentType, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
