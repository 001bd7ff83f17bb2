package io.slotbeam.node.chain;

import io.slotbeam.node.market.MarketException;
import java.io.IOException;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.OkHttpClient;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.exceptions.ClientConnectionException;
import org.web3j.protocol.http.HttpService;

/**
 * JSON-RPC requests that survive a flaky connection: an I/O failure (refused, reset, timed out,
 * an HTTP error status) is retried with exponential backoff; an answer is returned as it is, even
 * an error answer such as a revert, which retrying would only repeat.
 *
 * <p>Each attempt has a deadline ({@link #CALL_TIMEOUT} over {@link #http}), so an endpoint that
 * accepts the connection and then never finishes its answer costs at most {@link #ATTEMPTS}
 * deadlines and backoffs, not the caller's thread forever: OkHttp's own timeouts (10 s) apply to
 * each read, and a trickle of bytes resets them. An interrupted caller stops at its next backoff.
 */
final class ChainRpc {
  private static final Logger LOG = Logger.getLogger(ChainRpc.class.getName());
  static final int ATTEMPTS = 6;
  static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
  /** The most one attempt may take, connecting to the last byte of the answer. */
  static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

  private final Web3j web3j;
  private final String url;
  private final int attempts;
  private final Duration firstBackoff;

  ChainRpc(Web3j web3j, String url) {
    this(web3j, url, ATTEMPTS, FIRST_BACKOFF);
  }

  ChainRpc(Web3j web3j, String url, int attempts, Duration firstBackoff) {
    this.web3j = web3j;
    this.url = url;
    this.attempts = attempts;
    this.firstBackoff = firstBackoff;
  }

  /** A connection to the JSON-RPC endpoint at {@code url} (HTTP) with the default retries. */
  static ChainRpc http(String url) {
    return http(url, CALL_TIMEOUT, ATTEMPTS, FIRST_BACKOFF);
  }

  /** As {@link #http(String)}, with a deadline of {@code callTimeout} for each attempt. */
  static ChainRpc http(String url, Duration callTimeout, int attempts, Duration firstBackoff) {
    OkHttpClient client = HttpService.getOkHttpClientBuilder().callTimeout(callTimeout).build();
    return new ChainRpc(Web3j.build(new HttpService(url, client)), url, attempts, firstBackoff);
  }

  Web3j web3j() {
    return web3j;
  }

  String url() {
    return url;
  }

  /**
   * The answer to {@code request}; {@code what} names the call in the exception thrown when the
   * chain stays unreachable after all attempts ({@link #ATTEMPTS} by default).
   */
  <T extends Response<?>> T send(String what, Request<?, T> request) {
    Duration backoff = firstBackoff;
    for (int attempt = 1; ; attempt++) {
      try {
        return request.send();
      } catch (IOException | ClientConnectionException e) {
        // web3j reports an HTTP error status as the unchecked ClientConnectionException.
        if (attempt == attempts) {
          throw new MarketException(what + ": " + url + " did not answer after " + attempts
              + " attempts: " + e, e);
        }
        LOG.log(Level.FINE, () -> what + ": attempt failed (" + e + "), retrying");
        sleep(what, backoff);
        backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
      }
    }
  }

  static void sleep(String what, Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MarketException(what + ": interrupted", e);
    }
  }
}
