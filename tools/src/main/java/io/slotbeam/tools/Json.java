package io.slotbeam.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;

/** The CLI's one JSON mapper: pretty-printed output. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static void print(PrintStream out, JsonNode json) throws java.io.IOException {
    out.println(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json));
  }
}
