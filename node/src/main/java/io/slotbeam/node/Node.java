package io.slotbeam.node;

import io.slotbeam.node.market.Market;
import io.slotbeam.node.market.MarketClock;
import io.slotbeam.node.peer.NetworkStore;
import io.slotbeam.node.peer.Peers;
import io.slotbeam.node.proving.Proving;
import io.slotbeam.node.proving.ProvingLoop;
import io.slotbeam.node.purchasing.PurchaseStore;
import io.slotbeam.node.purchasing.Purchasing;
import io.slotbeam.node.purchasing.RequestSetup;
import io.slotbeam.node.repo.Maintenance;
import io.slotbeam.node.repo.RocksBlockStore;
import io.slotbeam.node.rest.RestServer;
import io.slotbeam.node.sales.Sales;
import io.slotbeam.node.validator.Validation;
import io.slotbeam.prover.hash.BlockHashers;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A running node (spec node §1): the repository in {@code <data-dir>/repo}, its expiry
 * maintenance, the REST API and, with a marketplace, the client role (purchasing, its purchases in
 * {@code <data-dir>/purchases}) and, when configured, the validator. {@link #close} stops them in
 * reverse order, so no request, purchase or maintenance pass outlives the repository.
 */
public final class Node implements AutoCloseable {
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

  /** A marketplace and, when the node runs roles on it, its clock. */
  private record Marketplace(Market market, Optional<MarketClock> clock) {}

  private final RocksBlockStore store;
  private final Peers peers;
  private final AtomicReference<Sales> sales;
  private final RestServer rest;
  private final Optional<Market> market;
  private final Deque<AutoCloseable> parts;

  private Node(RocksBlockStore store, Peers peers, AtomicReference<Sales> sales, RestServer rest,
      Optional<Market> market, Deque<AutoCloseable> parts) {
    this.store = store;
    this.peers = peers;
    this.sales = sales;
    this.rest = rest;
    this.market = market;
    this.parts = parts;
  }

  /** A node without a marketplace: repository and REST API; the purchasing routes answer 503. */
  public static Node start(NodeConfig config, Clock clock) throws IOException {
    return start(config, clock, Optional.empty());
  }

  /**
   * A node that also holds {@code market} (a chain's marketplace, e.g. {@code
   * io.slotbeam.node.chain.OnChainMarket}) but runs no role on it: the client and validator roles
   * need the market's clock, see {@link #start(NodeConfig, Clock, Market, MarketClock)}. The caller
   * keeps owning the market and closes it after the node.
   */
  public static Node start(NodeConfig config, Clock clock, Optional<Market> market) throws IOException {
    return launch(config, clock, market.map(m -> new Marketplace(m, Optional.empty())));
  }

  /**
   * A node on {@code market} with the client role (purchasing) and, if {@code config} asks, the
   * validator; {@code marketClock} is the market's time (the chain's, for a chain). The caller
   * keeps owning both and closes them after the node.
   */
  public static Node start(NodeConfig config, Clock clock, Market market, MarketClock marketClock)
      throws IOException {
    return launch(config, clock, Optional.of(new Marketplace(market, Optional.of(marketClock))));
  }

  private static Node launch(NodeConfig config, Clock clock, Optional<Marketplace> marketplace)
      throws IOException {
    if (config.validation().isPresent() && marketplace.flatMap(Marketplace::clock).isEmpty()) {
      throw new IllegalArgumentException(
          "the validator needs a marketplace and its clock (nim-codex: 'Enables validator, requires an Ethereum node')");
    }
    Path dataDir = prepareDataDir(config.dataDir());
    Peers peers = new Peers();
    config.peers().forEach(peers::add);
    RocksBlockStore store = RocksBlockStore.open(dataDir.resolve("repo"), config.quota(), config.blockTtl(), clock);
    Deque<AutoCloseable> parts = new ArrayDeque<>();
    parts.push(store);
    try {
      parts.push(Maintenance.start(store, config.maintenanceInterval(), config.maintenanceBatch()));
      Optional<Purchasing> purchasing = Optional.empty();
      if (marketplace.flatMap(Marketplace::clock).isPresent()) {
        Market market = marketplace.get().market();
        MarketClock marketClock = marketplace.get().clock().get();
        ExecutorService workers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        parts.push(workers::shutdownNow);
        RequestSetup setup = new RequestSetup(store, workers, BlockHashers.fastest());
        purchasing = Optional.of(
            Purchasing.start(market, marketClock, PurchaseStore.open(dataDir.resolve("purchases")), setup, new SecureRandom()));
        parts.push(purchasing.get());
        if (config.validation().isPresent()) {
          parts.push(Validation.start(market, marketClock, config.validation().get()));
        }
      }
      AtomicReference<Sales> sales = new AtomicReference<>();
      RestServer rest = RestServer.start(store, peers, dataDir, config.bindAddress(), config.port(),
          purchasing, () -> Optional.ofNullable(sales.get()));
      parts.push(rest);
      return new Node(store, peers, sales, rest, marketplace.map(Marketplace::market), parts);
    } catch (IOException | RuntimeException e) {
      closeAll(parts);
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
      ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "slotbeam-sales");
        thread.setDaemon(true);
        return thread;
      });
      parts.push(() -> { // after the sales close: interrupts the workers still waiting for a stopped sale
        threads.shutdownNow();
        threads.awaitTermination(30, TimeUnit.SECONDS);
      });
      Sales started = Sales.start(market, clock, store, new NetworkStore(store, peers), proving, proofs, threads);
      sales.set(started);
      return started;
    }
  }

  /** The sales module, if {@link #startSales} ran. */
  public Optional<Sales> sales() {
    return Optional.ofNullable(sales.get());
  }

  /** Stops the sales first (their endpoints then answer 503), then the rest, last started first. */
  @Override
  public void close() {
    Sales running = sales.getAndSet(null);
    if (running != null) {
      running.close();
    }
    closeAll(parts);
  }

  /** Closes the parts, last started first; one that fails to close does not keep the rest open. */
  private static void closeAll(Deque<AutoCloseable> parts) {
    RuntimeException failure = null;
    while (!parts.isEmpty()) {
      try {
        parts.pop().close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new IllegalStateException("closing the node failed: " + e.getMessage(), e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
