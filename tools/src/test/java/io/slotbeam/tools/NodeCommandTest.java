package io.slotbeam.tools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slotbeam.contracts.generated.Marketplace;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.manifest.Manifest;
import io.slotbeam.core.manifest.ManifestCodec;
import io.slotbeam.node.NodeConfig;
import io.slotbeam.node.chain.DevChain;
import io.slotbeam.node.chain.OnChainMarket;
import io.slotbeam.node.validator.ValidationConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.ParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.utils.Numeric;

class NodeCommandTest extends CliTest {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private static final String ADDRESS = "0x5FbDB2315678afecb367f032d93F642f64180aa3";

  @TempDir Path dir;

  private static NodeConfig parse(String... args) throws ParseException {
    CommandLine line = new DefaultParser().parse(new NodeCommand().options(), args);
    return NodeCommand.config(line);
  }

  @Test
  void defaultsAreNimCodexs() throws ParseException {
    NodeConfig config = parse();
    assertEquals(Path.of(System.getProperty("user.home"), ".cache", "slotbeam"), config.dataDir());
    assertEquals("127.0.0.1", config.bindAddress());
    assertEquals(8080, config.port());
    assertEquals(21_474_836_480L, config.quota(), "20 GiB (spec node §10.3)");
    assertEquals(Duration.ofDays(30), config.blockTtl());
    assertEquals(Duration.ofMinutes(10), config.maintenanceInterval());
    assertEquals(1000, config.maintenanceBatch());
    assertEquals(List.of(), config.peers());
  }

  @Test
  void optionsTakeSizesAndDurationsWithUnits() throws ParseException {
    NodeConfig config =
        parse("-d", "/x", "-p", "0", "--api-bindaddr", "0.0.0.0", "-q", "1GiB", "-t", "1h30m",
            "--block-mi", "45s", "--block-mn", "7", "--peer", "http://a:1", "--peer", "http://b:2");
    assertEquals(Path.of("/x"), config.dataDir());
    assertEquals(0, config.port());
    assertEquals("0.0.0.0", config.bindAddress());
    assertEquals(1L << 30, config.quota());
    assertEquals(Duration.ofMinutes(90), config.blockTtl());
    assertEquals(Duration.ofSeconds(45), config.maintenanceInterval());
    assertEquals(7, config.maintenanceBatch());
    assertEquals(List.of("http://a:1", "http://b:2"), config.peers());
    assertEquals(512L << 20, NodeCommand.size("512M"));
    assertEquals(3L << 40, NodeCommand.size("3tb"), "binary units, as nim-codex parses them");
    assertEquals(1000, NodeCommand.size("1000"));
    assertEquals(Duration.ofDays(14), parse("-t", "2w").blockTtl());
    assertEquals(Duration.ofSeconds(90), parse("-t", "90").blockTtl());
  }

  @Test
  void badOptionValuesAreUsageErrorsNamingTheValue() {
    assertEquals(2, run("node", "-q", "12XB"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--storage-quota '12XB' is not a size"));
    assertEquals(2, run("node", "-q", "0"));
    assertEquals(2, run("node", "-q", "9000000000000000000G"));
    assertEquals(2, run("node", "-t", "forever"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--block-ttl 'forever' is not a duration"));
    assertEquals(2, run("node", "-t", "5m5"));
    assertEquals(2, run("node", "-p", "70000"));
    assertEquals(2, run("node", "--log-level", "loud", "-d", dir.toString()));
    assertEquals(2, run("node", "extra"));
  }

  @Test
  void validatorOptionsAreNimCodexsAndOffByDefault() throws ParseException {
    assertEquals(Optional.empty(), parse().validation());
    assertEquals(Optional.of(new ValidationConfig(1000, OptionalInt.empty(), 0)), parse("--validator").validation());
    assertEquals(
        Optional.of(new ValidationConfig(0, OptionalInt.of(4), 3)),
        parse("--validator", "--validator-max-slots", "0", "--validator-groups", "4", "--validator-group-index", "3").validation());
  }

  @Test
  void badValidatorOptionsAreUsageErrorsWithNimCodexsMessages() {
    assertEquals(2, run("node", "--validator", "--validator-groups", "4", "--validator-group-index", "4"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains(
        "The value of the group index must be less than validation groups! (got: groupIndex = 4, groups = 4)"));
    assertEquals(2, run("node", "--validator", "--validator-max-slots", "-1"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains(
        "The value of maxSlots must be greater than or equal to 0! (got: -1)"));
    assertEquals(2, run("node", "--validator", "--validator-groups", "1"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("(got: groups = 1)"));
    assertEquals(2, run("node", "--validator-group-index", "1"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--validator-group-index needs --validator"));
  }

  @Test
  void theValidatorWithoutAMarketplaceRefusesToStart() {
    assertEquals(1, run("node", "--validator", "-d", dir.toString(), "-p", "0"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("the validator needs a marketplace"), err.toString(StandardCharsets.UTF_8));
  }

  /**
   * A node in its own JVM: an upload gives the manifest CID {@code slotbeam encode} gives; the
   * process is then killed with SIGKILL, {@code --check} finds the repository sound, and a new
   * node serves the same bytes.
   */
  @Test
  void nodeKilledAfterAnUploadKeepsItAndMatchesEncode() throws Exception {
    byte[] content = new byte[5 * 65536 + 321];
    new Random(5).nextBytes(content);
    Path file = Files.write(dir.resolve("data.bin"), content);
    Path data = dir.resolve("node");

    Process node = startNode(data);
    String cid;
    try {
      URI api = awaitStarted(node);
      HttpResponse<String> upload =
          HTTP.send(HttpRequest.newBuilder(URI.create(api + "/data")).POST(HttpRequest.BodyPublishers.ofFile(file)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, upload.statusCode(), upload.body());
      cid = upload.body();
    } finally {
      node.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    assertEquals(0, run("encode", file.toString(), "--repo", dir.resolve("repo").toString(), "--json"));
    JsonNode encoded = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    assertEquals(cid, encoded.get("manifestCid").asText());
    int manifestBytes =
        ManifestCodec.encode(Manifest.plain(Cid.parse(encoded.get("treeCid").asText()), content.length, 65536)).length;

    out.reset();
    assertEquals(0, run("node", "--check", "-d", data.toString()), err.toString(StandardCharsets.UTF_8));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("checked 7 blocks, " + (6 * 65536 + manifestBytes) + " bytes"), out.toString(StandardCharsets.UTF_8));
    assertTrue(out.toString(StandardCharsets.UTF_8).endsWith("ok\n"));

    Process again = startNode(data);
    try {
      URI api = awaitStarted(again);
      HttpResponse<byte[]> download =
          HTTP.send(HttpRequest.newBuilder(URI.create(api + "/data/" + cid)).build(), HttpResponse.BodyHandlers.ofByteArray());
      assertArrayEquals(content, download.body());
    } finally {
      again.destroy();
      assertTrue(again.waitFor(30, TimeUnit.SECONDS), "SIGTERM stops the node");
    }
  }

  @Test
  void chainOptionsAreCheckedBeforeAnyConnection() throws Exception {
    assertEquals(2, run("node", "-d", dir.toString(), "--eth-provider", "ws://localhost:8545", "--marketplace-address", ADDRESS));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--eth-provider 'ws://localhost:8545' is not an http:// or https:// URL"));
    assertEquals(2, run("node", "-d", dir.toString(), "--eth-provider", "http://127.0.0.1:1"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--eth-provider needs --marketplace-address ADDRESS"));
    assertEquals(2, run("node", "-d", dir.toString(), "--marketplace-address", ADDRESS));
    assertEquals(2, run("node", "-d", dir.toString(), "--dev", "--eth-provider", "http://127.0.0.1:1"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--dev starts its own chain"));
    Path key = Files.writeString(dir.resolve("key"), "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
    err.reset();
    assertEquals(2, run("node", "-d", dir.toString(), "--eth-provider", "http://127.0.0.1:1",
        "--marketplace-address", ADDRESS, "--eth-private-key", key.toString()));
    String message = err.toString(StandardCharsets.UTF_8);
    assertTrue(message.contains("private key file " + key + " has permissions rw-r--r--; it must be 0600"), message);
    assertFalse(message.contains("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"), "never the key");
  }

  private static OnChainMarket.Options marketOptions(String... args) throws ParseException {
    return NodeCommand.marketOptions(new DefaultParser().parse(new NodeCommand().options(), args));
  }

  @Test
  void chainClientOptionsAreNimCodexsWithItsDefaults() throws ParseException {
    OnChainMarket.Options defaults = marketOptions();
    assertEquals(128, defaults.requestCacheSize(), "nim-codex's DefaultRequestCacheSize (spec node §10.3)");
    assertEquals(BigInteger.valueOf(1_000_000_000L), defaults.maxPriorityFeePerGas(), "1 gwei (spec node §10.3)");
    assertEquals(Optional.empty(), defaults.rewardRecipient());
    assertEquals(OnChainMarket.Options.defaults(), defaults);

    OnChainMarket.Options set = marketOptions("--reward-recipient", ADDRESS, "--request-cache-size", "65535",
        "--max-priority-fee-per-gas", "18446744073709551615");
    assertEquals(Optional.of(ADDRESS), set.rewardRecipient());
    assertEquals(65535, set.requestCacheSize());
    assertEquals(BigInteger.TWO.pow(64).subtract(BigInteger.ONE), set.maxPriorityFeePerGas(), "a uint64, as in nim-codex");
    assertEquals(BigInteger.ZERO, marketOptions("--max-priority-fee-per-gas", "0").maxPriorityFeePerGas());
  }

  @Test
  void badChainClientOptionsAreUsageErrorsNamingTheValue() {
    String[][] cases = {
      {"--reward-recipient", "0x1234", "--reward-recipient: address '0x1234' is not 0x and 40 hex digits"},
      {"--request-cache-size", "-1", "--request-cache-size -1 is not in [1, 65535]"},
      {"--request-cache-size", "0", "--request-cache-size 0 is not in [1, 65535]"},
      {"--request-cache-size", "65536", "--request-cache-size 65536 is not in [1, 65535]"},
      {"--max-priority-fee-per-gas", "-5", "--max-priority-fee-per-gas -5 is not in [0, 18446744073709551615] wei"},
      {"--max-priority-fee-per-gas", "18446744073709551616",
          "--max-priority-fee-per-gas 18446744073709551616 is not in [0, 18446744073709551615] wei"},
      {"--max-priority-fee-per-gas", "1gwei", "--max-priority-fee-per-gas '1gwei' is not an integer (wei)"},
    };
    for (String[] bad : cases) {
      err.reset();
      assertEquals(2, run("node", "-d", dir.toString(), "--eth-provider", "http://127.0.0.1:1",
          "--marketplace-address", ADDRESS, bad[0], bad[1]), bad[1]);
      assertTrue(err.toString(StandardCharsets.UTF_8).contains(bad[2]), err.toString(StandardCharsets.UTF_8));
    }
    err.reset();
    assertEquals(2, run("node", "-d", dir.toString(), "--reward-recipient", ADDRESS));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--reward-recipient needs a chain: --eth-provider URL or --dev"));
  }

  /**
   * {@code node --dev} in its own JVM: it prints the dev chain's URL and the contracts' addresses,
   * the marketplace there answers {@code configuration()} with the dev period, the node sells with
   * the small dev circuit, a second node joins it with {@code --eth-provider}, {@code
   * --marketplace-address} and a key file (without a circuit, so not as a host), and SIGTERM stops
   * the node and its anvil (no process of the node outlives it).
   */
  @Test
  void devNodeDeploysTheMarketplaceOnAnvilAndStopsIt() throws Exception {
    Process node = startDevNode();
    List<ProcessHandle> children;
    try {
      Map<String, String> printed = printedUntilStarted(node);
      String rpc = printed.get("dev chain");
      children = node.descendants().toList();
      assertTrue(children.stream().anyMatch(p -> p.info().command().orElse("").endsWith("anvil")), "anvil runs: " + children);
      Web3j web3j = Web3j.build(new HttpService(rpc));
      try {
        Marketplace marketplace = Marketplace.load(printed.get("marketplace"), web3j,
            new ReadonlyTransactionManager(web3j, printed.get("signer")), new StaticGasProvider(BigInteger.ZERO, BigInteger.ZERO));
        Marketplace.MarketplaceConfig config = marketplace.configuration().send();
        assertEquals(BigInteger.TEN, config.proofs.period, "the dev period");
        assertEquals(printed.get("token").toLowerCase(), marketplace.token().send().toLowerCase());
        assertEquals(DevChain.devKey(0).getAddress(), printed.get("signer"));
        assertEquals("proving", printed.get("host"), "the dev node sells and proves with the small dev circuit");
      } finally {
        web3j.shutdown();
      }
      // A second node joins that chain with a key file, as against any chain.
      Path key = Files.writeString(dir.resolve("key"),
          Numeric.toHexStringNoPrefixZeroPadded(DevChain.devKey(1).getEcKeyPair().getPrivateKey(), 64));
      Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
      Process second = new ProcessBuilder(javaCommand("node", "-d", dir.resolve("second").toString(), "-p", "0",
              "--log-level", "warn", "--eth-provider", rpc, "--marketplace-address", printed.get("marketplace"),
              "--eth-private-key", key.toString()))
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      try {
        Map<String, String> joined = printedUntilStarted(second);
        assertEquals(printed.get("marketplace"), joined.get("marketplace"));
        assertEquals(DevChain.devKey(1).getAddress(), joined.get("signer"));
        assertEquals("off", joined.get("host"), "no circuit given: the joining node does not sell");
      } finally {
        second.destroy();
        assertTrue(second.waitFor(30, TimeUnit.SECONDS));
      }
    } finally {
      node.destroy();
      assertTrue(node.waitFor(30, TimeUnit.SECONDS), "SIGTERM stops the node");
    }
    for (ProcessHandle child : children) {
      child.onExit().get(10, TimeUnit.SECONDS);
      assertFalse(child.isAlive(), "orphan " + child.info());
    }
  }

  /**
   * {@code node --dev} killed with SIGKILL (no shutdown hook runs): its anvil, and the watchdog
   * that stops it, are gone within a few seconds of the node.
   */
  @Test
  void killedDevNodeLeavesNoAnvilBehind() throws Exception {
    Process node = startDevNode();
    List<ProcessHandle> children = List.of();
    try {
      printedUntilStarted(node);
      children = node.descendants().toList();
      assertTrue(children.stream().anyMatch(p -> p.info().command().orElse("").endsWith("anvil")), "anvil runs: " + children);
      node.destroyForcibly();
      assertTrue(node.waitFor(30, TimeUnit.SECONDS), "SIGKILL stops the node");
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      for (ProcessHandle child : children) {
        while (running(child) && System.nanoTime() < deadline) {
          Thread.sleep(50);
        }
        assertFalse(running(child), "orphan " + child.pid() + " " + child.info());
      }
    } finally {
      node.destroyForcibly();
      children.stream().filter(NodeCommandTest::running).forEach(ProcessHandle::destroyForcibly);
    }
  }

  /**
   * Whether {@code process} still runs: an orphan that has exited stays a zombie here until the
   * init process reaps it (this machine's does not), and a zombie runs nothing.
   */
  private static boolean running(ProcessHandle process) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
      char state = stat.charAt(stat.lastIndexOf(')') + 2);
      return state != 'Z' && state != 'X';
    } catch (IOException gone) {
      return false;
    }
  }

  /** {@code node --dev} in its own JVM on a free port, its errors discarded. */
  private Process startDevNode() throws IOException {
    return new ProcessBuilder(javaCommand("node", "--dev", "-d", dir.resolve("dev").toString(), "-p", "0",
            "--log-level", "warn"))
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  /** The {@code name: value} lines a node prints before {@code REST service started: URL}. */
  private static Map<String, String> printedUntilStarted(Process node) throws IOException {
    Map<String, String> printed = new HashMap<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
    for (String line = reader.readLine(); ; line = reader.readLine()) {
      if (line == null) {
        throw new IllegalStateException("the node stopped before its REST line; it printed " + printed);
      }
      if (line.startsWith("REST service started: ")) {
        return printed;
      }
      String[] parts = line.split(": ", 2);
      printed.put(parts[0], parts.length > 1 ? parts[1].split(" ")[0] : "");
    }
  }

  /** {@code java -cp} this test's classpath running the CLI, with the checkout and circuit cache. */
  private static List<String> javaCommand(String... args) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dslotbeam.root=" + System.getProperty("slotbeam.root"),
        "-Dslotbeam.cache=" + System.getProperty("slotbeam.cache"),
        "-cp", System.getProperty("java.class.path"),
        SlotbeamCli.class.getName()));
    command.addAll(List.of(args));
    return command;
  }

  private Process startNode(Path data) throws IOException {
    return new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            SlotbeamCli.class.getName(),
            "node", "-d", data.toString(), "-p", "0", "-q", "64MiB", "--log-level", "warn")
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  /** The API URL from the node's first line, {@code REST service started: URL}. */
  private static URI awaitStarted(Process node) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
    String line = reader.readLine();
    if (line == null || !line.startsWith("REST service started: ")) {
      throw new IllegalStateException("the node did not start: " + line);
    }
    return URI.create(line.substring("REST service started: ".length()));
  }
}
