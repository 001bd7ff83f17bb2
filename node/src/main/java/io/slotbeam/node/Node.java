package io.slotbeam.node;

import io.slotbeam.node.market.Market;
import io.slotbeam.node.market.MarketClock;
import io.slotbeam.node.peer.NetworkStore;
import io.slotbeam.node.peer.Peers;
import io.slotbeam.node.proving.Proving;
import io.slotbeam.node.proving.ProvingLoop;
import io.slotbeam.node.repo.Maintenance;
import io.slotbeam.node.repo.RocksBlockStore;
import io.slotbeam.node.rest.RestServer;
import io.slotbeam.node.sales.Sales;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A running node (spec node §1, part 1): the repository in {@code <data-dir>/repo}, its expiry
 * maintenance, and the REST API. {@link #close} stops them in reverse order, so no request or
 * maintenance pass outlives the repository.
 */
public final class Node implements AutoCloseable {
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

  private final RocksBlockStore store;
  private final Peers peers;
  private final Maintenance maintenance;
  private final AtomicReference<Sales> sales;
  private final RestServer rest;
  private final Optional<Market> market;

  private Node(RocksBlockStore store, Peers peers, Maintenance maintenance, AtomicReference<Sales> sales,
      RestServer rest, Optional<Market> market) {
    this.store = store;
    this.peers = peers;
    this.maintenance = maintenance;
    this.sales = sales;
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
      AtomicReference<Sales> sales = new AtomicReference<>();
      RestServer rest = RestServer.start(
          store, peers, dataDir, config.bindAddress(), config.port(), () -> Optional.ofNullable(sales.get()));
      return new Node(store, peers, maintenance, sales, rest, market);
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

  /**
   * Makes this node a host on {@code market} (spec node §7): starts {@link Sales}, which fetches
   * slots from this node's peers and proves them with {@code proving}, and serves the sales
   * endpoints. Stopped by {@link #close}.
   *
   * @throws IllegalStateException if sales already run
   */
  public Sales startSales(Market market, MarketClock clock, Proving proving, ProvingLoop.Observer proofs)
      throws IOException {
    synchronized (sales) {
      if (sales.get() != null) {
        throw new IllegalStateException("this node already sells on a market");
      }
      Sales started = Sales.start(market, clock, store, new NetworkStore(store, peers), proving, proofs);
      sales.set(started);
      return started;
    }
  }

  /** The sales module, if {@link #startSales} ran. */
  public Optional<Sales> sales() {
    return Optional.ofNullable(sales.get());
  }

  /** The marketplace, when the node runs with a chain ({@code --dev} or {@code --eth-provider}). */
  public Optional<Market> market() {
    return market;
  }

  @Override
  public void close() {
    rest.close();
    Sales running = sales.getAndSet(null);
    if (running != null) {
      running.close();
    }
    maintenance.close();
    store.close();
  }
}
