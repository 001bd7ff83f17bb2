package io.slotbeam.node;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The node's one JSON mapper (ARCHITECTURE.md: one way to do a thing), shared by the REST API, the
 * sales records and the purchase files; thread-safe once configured, and configured here only.
 */
public final class NodeJson {
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private NodeJson() {}
}
