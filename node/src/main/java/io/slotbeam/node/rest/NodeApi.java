package io.slotbeam.node.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.slotbeam.node.peer.Peers;
import io.slotbeam.node.repo.QuotaUsage;
import io.slotbeam.node.repo.RocksBlockStore;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The node endpoints: {@code GET /debug/info} (nim-codex's {@code DebugInfo}, spec node §2.6, with
 * this node's REST address in place of libp2p addresses and the repository totals added), and the
 * peers this node fetches from: {@code GET /peers} lists them, {@code POST /peers} with a URL as
 * the body adds one.
 */
final class NodeApi {
  private final RocksBlockStore store;
  private final Peers peers;
  private final Path dataDir;
  private final Supplier<URI> address;

  NodeApi(RocksBlockStore store, Peers peers, Path dataDir, Supplier<URI> address) {
    this.store = store;
    this.peers = peers;
    this.dataDir = dataDir;
    this.address = address;
  }

  void register(Router router) {
    router
        .on("GET", "debug/info", (exchange, params) -> info(exchange))
        .on("GET", "peers", (exchange, params) -> listPeers(exchange))
        .on("POST", "peers", (exchange, params) -> addPeer(exchange));
  }

  /** nim-codex's {@code /space} answer (spec node §2.3). */
  static ObjectNode space(RocksBlockStore store) {
    QuotaUsage usage = store.usage();
    ObjectNode json = Replies.JSON.createObjectNode();
    json.put("totalBlocks", usage.totalBlocks());
    json.put("quotaMaxBytes", store.quota());
    json.put("quotaUsedBytes", usage.used());
    json.put("quotaReservedBytes", usage.reserved());
    return json;
  }

  private void info(HttpExchange exchange) throws IOException {
    ObjectNode json = Replies.JSON.createObjectNode();
    json.put("id", store.nodeId());
    json.putArray("addrs").add(address.get().toString());
    json.put("repo", dataDir.toString());
    json.put("spr", "");
    json.putArray("announceAddresses").add(address.get().toString());
    ObjectNode table = json.putObject("table");
    table.putNull("localNode");
    table.putArray("nodes");
    ObjectNode codex = json.putObject("codex");
    codex.put("version", "slotbeam " + version());
    codex.put("revision", "");
    codex.put("contracts", "");
    json.set("storage", space(store));
    Replies.json(exchange, 200, json);
  }

  private void listPeers(HttpExchange exchange) throws IOException {
    ObjectNode json = Replies.JSON.createObjectNode();
    ArrayNode list = json.putArray("peers");
    peers.list().forEach(url -> list.add(url.toString()));
    Replies.json(exchange, 200, json);
  }

  private void addPeer(HttpExchange exchange) throws IOException {
    String url;
    try (InputStream in = exchange.getRequestBody()) {
      url = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
    }
    try {
      peers.add(url);
    } catch (IllegalArgumentException e) {
      throw new HttpError(HttpError.BAD_REQUEST, e.getMessage());
    }
    Replies.empty(exchange, 204);
  }

  private static String version() {
    String version = NodeApi.class.getPackage().getImplementationVersion();
    return version == null ? "development build" : version;
  }
}
