package io.slotbeam.node.rest;

import com.sun.net.httpserver.HttpServer;
import io.slotbeam.node.peer.NetworkStore;
import io.slotbeam.node.peer.Peers;
import io.slotbeam.node.purchasing.Purchasing;
import io.slotbeam.node.sales.Sales;
import io.slotbeam.node.repo.RocksBlockStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The node's REST API on the JDK's HTTP server, under {@code /api/codex/v1}: the data endpoints
 * ({@link DataApi}), the block endpoints ({@link BlockApi}), the node endpoints ({@link
 * NodeApi}), the purchasing endpoints ({@link PurchasingApi}) and the sales endpoints ({@link
 * SalesApi}). Requests run on a fixed pool; background network downloads on a second one.
 */
public final class RestServer implements AutoCloseable {
  private static final int REQUEST_THREADS = 16;
  private static final int DOWNLOAD_THREADS = 2;

  private final HttpServer server;
  private final ExecutorService requests;
  private final ExecutorService downloads;

  private RestServer(HttpServer server, ExecutorService requests, ExecutorService downloads) {
    this.server = server;
    this.requests = requests;
    this.downloads = downloads;
  }

  /**
   * Starts serving {@code store} on {@code bindAddress:port} ({@code port} 0 picks a free one).
   *
   * @param dataDir reported by {@code /debug/info}
   */
  public static RestServer start(
      RocksBlockStore store, Peers peers, Path dataDir, String bindAddress, int port) throws IOException {
    return start(store, peers, dataDir, bindAddress, port, Optional.empty(), Optional::empty);
  }

  /**
   * As {@link #start(RocksBlockStore, Peers, Path, String, int)}, with the purchasing endpoints
   * ({@link PurchasingApi}) served by {@code purchasing} when the node has a client role, and the
   * sales endpoints ({@link SalesApi}) answering for {@code sales} once it gives one (503 before).
   */
  public static RestServer start(
      RocksBlockStore store, Peers peers, Path dataDir, String bindAddress, int port,
      Optional<Purchasing> purchasing, Supplier<Optional<Sales>> sales) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(bindAddress, port), 0);
    ExecutorService requests = Executors.newFixedThreadPool(REQUEST_THREADS, daemon("slotbeam-rest"));
    ExecutorService downloads = Executors.newFixedThreadPool(DOWNLOAD_THREADS, daemon("slotbeam-download"));
    RestServer rest = new RestServer(server, requests, downloads);
    Router router = new Router();
    NetworkStore network = new NetworkStore(store, peers);
    new DataApi(store, network, downloads).register(router);
    new BlockApi(store).register(router);
    new NodeApi(store, peers, dataDir, rest::baseUrl).register(router);
    new PurchasingApi(purchasing).register(router);
    new SalesApi(store, sales).register(router);
    server.createContext("/", router);
    server.setExecutor(requests);
    server.start();
    return rest;
  }

  /** The port the server listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code http://HOST:PORT}, the URL other nodes name this one by. */
  public URI baseUrl() {
    return URI.create("http://" + server.getAddress().getHostString() + ":" + port());
  }

  /**
   * Stops accepting requests, interrupts those in flight and the background downloads, and waits
   * for them to end, so the repository can be closed after it.
   */
  @Override
  public void close() {
    server.stop(0);
    requests.shutdownNow();
    downloads.shutdownNow();
    try {
      requests.awaitTermination(1, TimeUnit.MINUTES);
      downloads.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
