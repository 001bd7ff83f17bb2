package io.slotbeam.node.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.slotbeam.node.market.MarketException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.EthChainId;
import org.web3j.protocol.http.HttpService;

/** Retries against a JSON-RPC endpoint that fails at the HTTP level a given number of times. */
class ChainRpcTest {
  private final AtomicInteger requests = new AtomicInteger();
  private volatile int failures;
  private volatile String answer;
  private HttpServer server;
  private Web3j web3j;
  private String url;

  @BeforeEach
  void startServer() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      byte[] body = requests.incrementAndGet() <= failures
          ? "overloaded".getBytes(StandardCharsets.UTF_8) : answer.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(requests.get() <= failures ? 503 : 200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    url = "http://127.0.0.1:" + server.getAddress().getPort();
    web3j = Web3j.build(new HttpService(url));
  }

  @AfterEach
  void stopServer() {
    web3j.shutdown();
    server.stop(0);
  }

  private ChainRpc rpc() {
    return new ChainRpc(web3j, url, 4, Duration.ofMillis(10));
  }

  @Test
  void retriesIoFailuresUntilAnAnswer() {
    failures = 3;
    answer = "{\"jsonrpc\":\"2.0\",\"id\":0,\"result\":\"0x7a69\"}";
    EthChainId chainId = rpc().send("eth_chainId", web3j.ethChainId());
    assertEquals(BigInteger.valueOf(31337), chainId.getChainId());
    assertEquals(4, requests.get());
  }

  @Test
  void givesUpAfterTheLastAttemptNamingCallAndUrl() {
    failures = Integer.MAX_VALUE;
    MarketException e = assertThrows(MarketException.class, () -> rpc().send("eth_chainId", web3j.ethChainId()));
    assertTrue(e.getMessage().startsWith("eth_chainId: " + url + " did not answer after 4 attempts: "),
        e.getMessage());
    assertEquals(4, requests.get());
  }

  @Test
  void doesNotRetryAnErrorAnswer() {
    failures = 0;
    answer = "{\"jsonrpc\":\"2.0\",\"id\":0,\"error\":{\"code\":3,\"message\":\"execution reverted\","
        + "\"data\":\"0xfcd03a47\"}}";
    EthChainId reverted = rpc().send("eth_chainId", web3j.ethChainId());
    assertEquals(Optional.of("Proofs_InvalidProof"), Reverts.errorName(reverted.getError()));
    assertEquals(1, requests.get());
  }
}
