package io.slotbeam.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.ClientTransactionManager;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/**
 * A local anvil chain in a child process: the pinned binary from the repository's {@code
 * node_modules} (npm {@code @foundry-rs/anvil}), on a free loopback port, with the hardfork the
 * contracts are compiled for. Anvil mines a block per transaction and keeps its default accounts
 * unlocked, so transactions are sent with {@code eth_sendTransaction} (as the Codex integration
 * tests do with hardhat, spec node.md §10.1). {@link #close()} stops the process, and a watchdog
 * stops it if this JVM ends without closing it (killed with SIGKILL, no shutdown hook run).
 */
public final class AnvilProcess implements AutoCloseable {
  /** Where npm puts the anvil binary, relative to the repository root (TOOLCHAIN.md §5b). */
  public static final Path BINARY = Path.of("node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil");

  /** The hardfork matching the contracts' solc {@code evmVersion} (contracts/pom.xml). */
  public static final String HARDFORK = "paris";

  private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
  /** Receipt polling every 100 ms instead of web3j's 15 s default (TOOLCHAIN.md §5a). */
  private static final long RECEIPT_POLL_MILLIS = 100;
  private static final int RECEIPT_POLL_ATTEMPTS = 300;
  /**
   * The watchdog: a shell that reads its stdin, a pipe from this JVM that nothing writes to. The
   * kernel closes the pipe when the JVM exits, however it exits, and the read ends; the shell then
   * sends anvil ({@code $1}) SIGTERM and exits, so neither outlives the JVM by more than that.
   */
  private static final String WATCHDOG = "read -r line; kill -s TERM \"$1\" 2>/dev/null";

  private final Process process;
  private final Process watchdog;
  private final Path log;
  private final HttpService service;
  private final Web3j web3j;

  private AnvilProcess(Process process, Process watchdog, Path log, String url) {
    this.process = process;
    this.watchdog = watchdog;
    this.log = log;
    this.service = new HttpService(url);
    this.web3j = Web3j.build(service);
  }

  /**
   * Starts anvil from the {@code node_modules} of {@code start} or its nearest ancestor that has
   * one, and waits until it answers JSON-RPC.
   */
  public static AnvilProcess start(Path start) throws IOException {
    Path binary = findBinary(start);
    int port = freeLoopbackPort();
    Path log = Files.createTempFile("anvil-" + port + "-", ".log");
    Process process = new ProcessBuilder(
            binary.toString(), "--host", "127.0.0.1", "--port", Integer.toString(port),
            "--hardfork", HARDFORK)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    Process watchdog;
    try {
      watchdog = new ProcessBuilder("/bin/sh", "-c", WATCHDOG, "slotbeam-anvil-watchdog", Long.toString(process.pid()))
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
    } catch (IOException e) {
      process.destroyForcibly();
      throw new IOException("cannot start the watchdog of anvil (/bin/sh): " + e.getMessage(), e);
    }
    AnvilProcess anvil = new AnvilProcess(process, watchdog, log, "http://127.0.0.1:" + port);
    try {
      anvil.awaitReady();
    } catch (IOException | RuntimeException e) {
      anvil.close();
      throw e;
    }
    return anvil;
  }

  /** The anvil binary under the first {@code node_modules} found from {@code start} upwards. */
  public static Path findBinary(Path start) {
    for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(BINARY);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("no executable " + BINARY + " in " + start.toAbsolutePath()
        + " or any parent folder; run `npm ci --ignore-scripts` at the repository root");
  }

  private static int freeLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private void awaitReady() throws IOException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (true) {
      if (!process.isAlive()) {
        throw new IOException("anvil exited with status " + process.exitValue() + ": "
            + Files.readString(log).strip());
      }
      try {
        web3j.ethChainId().send();
        return;
      } catch (IOException notYetListening) {
        if (System.nanoTime() > deadline) {
          throw new IOException("anvil did not answer on " + rpcUrl() + " within "
              + START_TIMEOUT.toSeconds() + " s; its output: " + Files.readString(log).strip(),
              notYetListening);
        }
        sleep(Duration.ofMillis(50));
      }
    }
  }

  /** The JSON-RPC endpoint, {@code http://127.0.0.1:<port>}. */
  public String rpcUrl() {
    return service.getUrl();
  }

  public Web3j web3j() {
    return web3j;
  }

  /** The unlocked accounts anvil funded at start (10 by default). */
  public List<String> accounts() throws IOException {
    return web3j.ethAccounts().send().getAccounts();
  }

  /** Sends transactions from the unlocked {@code account}, polling for receipts every 100 ms. */
  public TransactionManager transactionManager(String account) {
    return new ClientTransactionManager(web3j, account,
        new PollingTransactionReceiptProcessor(web3j, RECEIPT_POLL_MILLIS, RECEIPT_POLL_ATTEMPTS));
  }

  /** Mines {@code blocks} empty blocks at once ({@code anvil_mine}). */
  public void mine(long blocks) throws IOException {
    call("anvil_mine", List.of("0x" + BigInteger.valueOf(blocks).toString(16)));
  }

  /** Gives the next block the timestamp {@code seconds} (must lie after the latest block's). */
  public void setNextBlockTimestamp(long seconds) throws IOException {
    call("evm_setNextBlockTimestamp", List.of(seconds));
  }

  /** Moves the chain clock forward by {@code seconds}; takes effect with the next block. */
  public void increaseTime(long seconds) throws IOException {
    call("evm_increaseTime", List.of(seconds));
  }

  private void call(String method, List<?> params) throws IOException {
    Response<?> response = new Request<>(method, params, service, RawResponse.class).send();
    if (response.hasError()) {
      throw new IOException(method + params + " failed: " + response.getError().getMessage());
    }
  }

  /** A JSON-RPC answer whose result is not needed. */
  public static final class RawResponse extends Response<Object> {}

  /**
   * Stops anvil. The watchdog goes first, with SIGKILL, so it never signals the pid of an anvil
   * that has exited (the system may have given that pid to another process).
   */
  @Override
  public void close() {
    web3j.shutdown();
    watchdog.destroyForcibly();
    process.destroy();
    try {
      watchdog.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
      Files.deleteIfExists(log);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete anvil log " + log, e);
    }
  }

  private static void sleep(Duration duration) throws IOException {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for anvil", e);
    }
  }
}
