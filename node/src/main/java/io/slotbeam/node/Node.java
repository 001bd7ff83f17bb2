package io.slotbeam.node;

import io.slotbeam.node.market.Market;
import io.slotbeam.node.peer.Peers;
import io.slotbeam.node.repo.Maintenance;
import io.slotbeam.node.repo.RocksBlockStore;
import io.slotbeam.node.rest.RestServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * A running node (spec node §1, part 1): the repository in {@code <data-dir>/repo}, its expiry
 * maintenance, and the REST API. {@link #close} stops them in reverse order, so no request or
 * maintenance pass outlives the repository.
 */
public final class Node implements AutoCloseable {
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

  private final RocksBlockStore store;
  private final Maintenance maintenance;
  private final RestServer rest;
  private final Optional<Market> market;

  private Node(RocksBlockStore store, Maintenance maintenance, RestServer rest, Optional<Market> market) {
    this.store = store;
    this.maintenance = maintenance;
    this.rest = rest;
    this.market = market;
  }

  public static Node start(NodeConfig config, Clock clock) throws IOException {
    return start(config, clock, Optional.empty());
  }

  /**
   * A node that also uses {@code market} (a chain's marketplace, e.g. {@code
   * io.slotbeam.node.chain.OnChainMarket}); the caller keeps owning it and closes it after the node.
   */
  public static Node start(NodeConfig config, Clock clock, Optional<Market> market) throws IOException {
    Path dataDir = prepareDataDir(config.dataDir());
    Peers peers = new Peers();
    config.peers().forEach(peers::add);
    RocksBlockStore store = RocksBlockStore.open(dataDir.resolve("repo"), config.quota(), config.blockTtl(), clock);
    Maintenance maintenance = null;
    try {
      maintenance = Maintenance.start(store, config.maintenanceInterval(), config.maintenanceBatch());
      RestServer rest = RestServer.start(store, peers, dataDir, config.bindAddress(), config.port());
      return new Node(store, maintenance, rest, market);
    } catch (IOException | RuntimeException e) {
      if (maintenance != null) {
        maintenance.close();
      }
      store.close();
      throw e;
    }
  }

  /** The data folder, created with mode 0700 or corrected to it, as nim-codex does (§10.3). */
  static Path prepareDataDir(Path dataDir) throws IOException {
    if (!Files.isDirectory(dataDir)) {
      Files.createDirectories(dataDir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    }
    if (!Files.getPosixFilePermissions(dataDir).equals(OWNER_ONLY)) {
      Files.setPosixFilePermissions(dataDir, OWNER_ONLY);
    }
    return dataDir;
  }

  /** {@code http://HOST:PORT} of the REST API. */
  public URI baseUrl() {
    return rest.baseUrl();
  }

  public RocksBlockStore store() {
    return store;
  }

  /** The marketplace, when the node runs with a chain ({@code --dev} or {@code --eth-provider}). */
  public Optional<Market> market() {
    return market;
  }

  @Override
  public void close() {
    rest.close();
    maintenance.close();
    store.close();
  }
}
