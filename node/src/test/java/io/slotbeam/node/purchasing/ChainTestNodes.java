package io.slotbeam.node.purchasing;

import static io.slotbeam.node.rest.NodeClient.json;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotbeam.node.NodeConfig;
import io.slotbeam.node.chain.OnChainMarket;
import io.slotbeam.node.market.RequestId;
import io.slotbeam.node.rest.NodeClient;
import io.slotbeam.node.validator.ValidationConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * What the purchasing tests on anvil share: markets that poll events every 100 ms, node folders
 * under one test folder, everything opened closed in reverse order, and waiting for a value.
 */
final class ChainTestNodes implements AutoCloseable {
  static final OnChainMarket.Options OPTIONS =
      OnChainMarket.Options.defaults().withEventPollInterval(Duration.ofMillis(100));

  private final Path dir;
  private final List<AutoCloseable> open = new ArrayList<>();

  ChainTestNodes(Path dir) {
    this.dir = dir;
  }

  /** Closed with the others, last opened first. */
  <T extends AutoCloseable> T opened(T closeable) {
    open.add(closeable);
    return closeable;
  }

  /** A node in {@code <dir>/<name>} on a free loopback port. */
  NodeConfig config(String name, List<String> peers, Optional<ValidationConfig> validation) {
    return new NodeConfig(dir.resolve(name), "127.0.0.1", 0, NodeConfig.DEFAULT_QUOTA, NodeConfig.DEFAULT_BLOCK_TTL,
        NodeConfig.DEFAULT_MAINTENANCE_INTERVAL, 1000, peers, validation);
  }

  /** The body of a request for {@code duration} s expiring after {@code expiry} s: 3 nodes, 1 may fail, a proof every period, price and collateral 1 per byte. */
  static String request(long duration, long expiry) {
    return "{\"duration\": " + duration + ", \"pricePerBytePerSecond\": 1, \"proofProbability\": 1,"
        + " \"collateralPerByte\": 1, \"expiry\": " + expiry + ", \"nodes\": 3, \"tolerance\": 1}";
  }

  static String state(NodeClient client, RequestId id) throws IOException {
    return json(client.get("storage/purchases/" + id.hex())).get("state").asText();
  }

  /** Waits up to two minutes for {@code value} to be {@code expected}. */
  static <T> void await(Callable<T> value, T expected, String what) throws Exception {
    long deadline = System.nanoTime() + 120_000_000_000L;
    T seen = value.call();
    while (!seen.equals(expected)) {
      assertTrue(System.nanoTime() < deadline, what + " is still " + seen + ", not " + expected);
      Thread.sleep(50);
      seen = value.call();
    }
  }

  @Override
  public void close() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }
}
