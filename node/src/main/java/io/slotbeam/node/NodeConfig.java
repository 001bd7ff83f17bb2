package io.slotbeam.node;

import io.slotbeam.node.validator.ValidationConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How a node runs; the CLI fills it from nim-codex's option names and defaults (spec node §10.3).
 *
 * @param dataDir where the repository lives ({@code -d/--data-dir})
 * @param bindAddress the REST API's address ({@code --api-bindaddr})
 * @param port the REST API's port, 0 for any free one ({@code -p/--api-port})
 * @param quota bytes of blocks the repository may hold ({@code -q/--storage-quota})
 * @param blockTtl how long a stored block lives ({@code -t/--block-ttl})
 * @param maintenanceInterval how often expired blocks are deleted ({@code --block-mi})
 * @param maintenanceBatch how many expired blocks one pass deletes at most ({@code --block-mn})
 * @param peers base URLs of the nodes to fetch blocks from ({@code --peer})
 * @param validation the validator's settings when the node validates ({@code --validator}, §8.5)
 */
public record NodeConfig(
    Path dataDir,
    String bindAddress,
    int port,
    long quota,
    Duration blockTtl,
    Duration maintenanceInterval,
    int maintenanceBatch,
    List<String> peers,
    Optional<ValidationConfig> validation) {
  public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;
  /** 20 GiB ({@code DefaultQuotaBytes}, spec node §10.3). */
  public static final long DEFAULT_QUOTA = 20L << 30;
  public static final Duration DEFAULT_BLOCK_TTL = Duration.ofDays(30);
  public static final Duration DEFAULT_MAINTENANCE_INTERVAL = Duration.ofMinutes(10);
  public static final int DEFAULT_MAINTENANCE_BATCH = 1000;

  public NodeConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("API port " + port + " is not in [0, 65535]");
    }
    peers = List.copyOf(peers);
  }

  /** A node that does not validate. */
  public NodeConfig(
      Path dataDir, String bindAddress, int port, long quota, Duration blockTtl,
      Duration maintenanceInterval, int maintenanceBatch, List<String> peers) {
    this(dataDir, bindAddress, port, quota, blockTtl, maintenanceInterval, maintenanceBatch, peers, Optional.empty());
  }

  /** The defaults, with the repository in {@code dataDir}. */
  public static NodeConfig defaults(Path dataDir) {
    return new NodeConfig(
        dataDir,
        DEFAULT_BIND_ADDRESS,
        DEFAULT_PORT,
        DEFAULT_QUOTA,
        DEFAULT_BLOCK_TTL,
        DEFAULT_MAINTENANCE_INTERVAL,
        DEFAULT_MAINTENANCE_BATCH,
        List.of());
  }
}
