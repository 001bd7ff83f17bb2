package io.slotbeam.node.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.slotbeam.node.market.MarketException;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;

/**
 * The chain client against endpoints that accept connections and then never finish an answer:
 * every call ends at its deadline, and a caller waiting behind a stuck transaction can be
 * interrupted.
 */
class DeadEndpointTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Anvil's first dev key (public). */
  private static final Credentials SIGNER =
      Credentials.create("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
  private static final Duration PATIENCE = Duration.ofSeconds(10);

  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final CountDownLatch stop = new CountDownLatch(1);
  private ServerSocket trickling;
  private HttpServer server;

  @AfterEach
  void stopServers() throws IOException {
    stop.countDown();
    if (trickling != null) {
      trickling.close();
    }
    if (server != null) {
      server.stop(0);
    }
    threads.shutdownNow();
  }

  /**
   * An endpoint that answers every request with headers announcing 1000 bytes and then sends one
   * byte every 100 ms: each read succeeds well within OkHttp's read timeout.
   */
  private String tricklingEndpoint() throws IOException {
    trickling = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.execute(() -> {
      while (!trickling.isClosed()) {
        try {
          Socket socket = trickling.accept();
          threads.execute(() -> trickle(socket));
        } catch (IOException closed) {
          return;
        }
      }
    });
    return "http://127.0.0.1:" + trickling.getLocalPort();
  }

  private void trickle(Socket socket) {
    try (socket; OutputStream out = socket.getOutputStream()) {
      out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      while (!stop.await(100, TimeUnit.MILLISECONDS)) {
        out.write(' ');
        out.flush();
      }
    } catch (IOException | InterruptedException closed) {
      // the client gave up, or the test ended
    }
  }

  @Test
  void aCallThatNeverFinishesEndsAtItsDeadlineOnEveryAttempt() throws IOException {
    String url = tricklingEndpoint();
    ChainRpc rpc = ChainRpc.http(url, Duration.ofMillis(500), 2, Duration.ofMillis(10));
    try {
      long start = System.nanoTime();
      MarketException e = assertTimeoutPreemptively(PATIENCE,
          () -> assertThrows(MarketException.class, () -> rpc.send("eth_chainId", rpc.web3j().ethChainId())));
      long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
      assertTrue(e.getMessage().startsWith("eth_chainId: " + url + " did not answer after 2 attempts: "), e.getMessage());
      assertTrue(millis >= 1000 && millis < 5000, "two attempts of 500 ms took " + millis + " ms");
    } finally {
      rpc.web3j().shutdown();
    }
  }

  @Test
  void anInterruptedCallerStopsRetrying() throws Exception {
    String url = tricklingEndpoint();
    ChainRpc rpc = ChainRpc.http(url, Duration.ofMillis(300), 100, Duration.ofMillis(1));
    try {
      AtomicReference<Thread> caller = new AtomicReference<>();
      CompletableFuture<MarketException> failed = CompletableFuture.supplyAsync(() -> {
        caller.set(Thread.currentThread());
        return assertThrows(MarketException.class, () -> rpc.send("eth_chainId", rpc.web3j().ethChainId()));
      }, threads);
      Thread.sleep(500);
      caller.get().interrupt();
      MarketException e = failed.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
      assertEquals("eth_chainId: interrupted", e.getMessage());
    } finally {
      rpc.web3j().shutdown();
    }
  }

  /**
   * A chain that answers {@code eth_chainId} and {@code eth_estimateGas} but never the nonce: the
   * first sender holds the nonce lock while it waits, and a second one, waiting for the lock,
   * ends as soon as it is interrupted.
   */
  @Test
  void aSenderWaitingBehindAStuckTransactionCanBeInterrupted() throws Exception {
    CountDownLatch nonceAsked = new CountDownLatch(1);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(threads);
    server.createContext("/", exchange -> {
      JsonNode request = JSON.readTree(exchange.getRequestBody());
      String result = switch (request.get("method").asText()) {
        case "eth_chainId" -> "0x7a69";
        case "eth_estimateGas" -> "0x5208";
        default -> null;
      };
      if (result == null) {
        nonceAsked.countDown();
        try {
          stop.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        exchange.close();
        return;
      }
      byte[] body = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", request.get("id").asLong())
          .put("result", result).toString().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    ChainRpc rpc = ChainRpc.http("http://127.0.0.1:" + server.getAddress().getPort(), Duration.ofSeconds(60), 1,
        Duration.ofMillis(1));
    try {
      TransactionSender sender = new TransactionSender(rpc, SIGNER, BigInteger.ONE);
      String to = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
      threads.execute(() -> {
        try {
          sender.send("first", to, "0x", 100);
        } catch (MarketException ended) {
          // when the test stops the server
        }
      });
      assertTrue(nonceAsked.await(PATIENCE.toSeconds(), TimeUnit.SECONDS), "the first sender never asked for its nonce");
      AtomicReference<Thread> second = new AtomicReference<>();
      CountDownLatch started = new CountDownLatch(1);
      CompletableFuture<MarketException> failed = CompletableFuture.supplyAsync(() -> {
        second.set(Thread.currentThread());
        started.countDown();
        return assertThrows(MarketException.class, () -> sender.send("second", to, "0x", 100));
      }, threads);
      started.await();
      Thread.sleep(300); // past its gas estimate, waiting for the nonce lock
      second.get().interrupt();
      MarketException e = failed.get(5, TimeUnit.SECONDS);
      assertEquals("second: interrupted while another transaction of " + SIGNER.getAddress() + " was being sent",
          e.getMessage());
    } finally {
      rpc.web3j().shutdown();
    }
  }
}
