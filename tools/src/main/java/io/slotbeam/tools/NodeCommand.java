package io.slotbeam.tools;

import com.google.common.hash.Hashing;
import com.google.common.io.MoreFiles;
import io.slotbeam.contracts.MarketplaceDeployment;
import io.slotbeam.core.groth16.Groth16Json;
import io.slotbeam.core.groth16.VerificationKey;
import io.slotbeam.core.slots.CircuitParams;
import io.slotbeam.node.Node;
import io.slotbeam.node.NodeConfig;
import io.slotbeam.node.chain.DevChain;
import io.slotbeam.node.chain.OnChainClock;
import io.slotbeam.node.chain.OnChainMarket;
import io.slotbeam.node.chain.SignerKeys;
import io.slotbeam.node.proving.Proving;
import io.slotbeam.node.repo.RepoCheck;
import io.slotbeam.node.repo.RocksBlockStore;
import io.slotbeam.prover.circuit.ProvingCircuit;
import io.slotbeam.prover.setup.DevSetupFiles;
import java.io.IOException;
import io.slotbeam.node.validator.ValidationConfig;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.web3j.crypto.Credentials;

/**
 * {@code slotbeam node}: runs the storage node (repository, expiry maintenance, REST API) until
 * SIGINT or SIGTERM, or with {@code --check} checks its repository and exits. {@code --validator}
 * adds the validator (spec node §8.5), which needs the node to run on a marketplace. Option names and
 * defaults are nim-codex's (spec node §10.3): sizes take binary units ({@code 20GiB}, {@code
 * 512M}: K, M, G and T are all powers of 1024), durations a number and a unit ({@code 30d}, {@code
 * 10m}, {@code 1h30m}; s, m, h, d, w; a bare number is seconds). With {@code --dev} the node
 * starts a local anvil chain with the marketplace (its addresses printed before the REST line) and
 * stops it when it stops; with {@code --eth-provider}, {@code --marketplace-address} and {@code
 * --eth-private-key} (nim-codex's names, spec node §10.3) it uses that chain's marketplace.
 */
final class NodeCommand implements Command {
  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([KMGT]?)(I?B)?", Pattern.CASE_INSENSITIVE);
  private static final Pattern DURATION_PART = Pattern.compile("(\\d+)([smhdw])");
  /** nim-codex's {@code --request-cache-size} is a uint16 (codex/conf.nim). */
  private static final int MAX_REQUEST_CACHE_SIZE = 65535;
  /** nim-codex's {@code --max-priority-fee-per-gas} is a uint64 (codex/conf.nim). */
  private static final BigInteger MAX_PRIORITY_FEE = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
  /** The options of the chain client, which need a chain. */
  private static final List<String> MARKET_OPTIONS = List.of("reward-recipient", "request-cache-size", "max-priority-fee-per-gas");

  @Override
  public String name() {
    return "node";
  }

  @Override
  public String arguments() {
    return "";
  }

  @Override
  public String summary() {
    return "run a storage node: block repository and Codex REST API (or --check its repository)";
  }

  @Override
  public Options options() {
    return new Options()
        .addOption(valued("d", "data-dir", "DIR", "data folder, created with mode 0700 (default ~/.cache/slotbeam)"))
        .addOption(valued("p", "api-port", "PORT", "REST API port, 0 for any free one (default 8080)"))
        .addOption(valued(null, "api-bindaddr", "ADDR", "REST API address (default 127.0.0.1)"))
        .addOption(valued("q", "storage-quota", "SIZE", "bytes of blocks to keep at most (default 20GiB)"))
        .addOption(valued("t", "block-ttl", "DURATION", "how long a stored block lives (default 30d)"))
        .addOption(valued(null, "block-mi", "DURATION", "how often expired blocks are deleted (default 10m)"))
        .addOption(valued(null, "block-mn", "N", "expired blocks deleted per pass at most (default 1000)"))
        .addOption(valued(null, "log-level", "LEVEL", "trace, debug, info, notice, warn, error or fatal (default info)"))
        .addOption(
            Option.builder()
                .longOpt("peer")
                .hasArg()
                .argName("URL")
                .desc("REST API of a node to fetch blocks from (repeatable)")
                .get())
        .addOption(Option.builder().longOpt("validator").desc("mark missed storage proofs (needs a marketplace)").get())
        .addOption(valued(null, "validator-max-slots", "N", "slots the validator watches at most, 0 for no limit (default 1000)"))
        .addOption(valued(null, "validator-groups", "G", "split the slot ids into G groups, 2 to 65535, and watch one"))
        .addOption(valued(null, "validator-group-index", "I", "the group to watch, 0 to G - 1 (default 0)"))
        .addOption(
            Option.builder()
                .longOpt("dev")
                .desc("start a local anvil chain with the marketplace deployed (small circuit, dev setup, 10 s periods) and use it")
                .get())
        .addOption(valued(null, "eth-provider", "URL", "JSON-RPC endpoint (HTTP) of the chain to use"))
        .addOption(valued(null, "circuit-dir", "DIR",
            "circuit folder to prove sold slots with (built circuit, zkey, verification key); --dev defaults to the small circuit's dev setup"))
        .addOption(valued(null, "circuit", "DIR", "same as --circuit-dir"))
        .addOption(valued(null, "simulate-proof-failures", "N",
            "make every N-th periodic proof invalid, for tests (default 0: none)"))
        .addOption(valued(null, "marketplace-address", "ADDRESS", "the marketplace contract on that chain"))
        .addOption(valued(null, "eth-private-key", "FILE",
            "signing key file (hex, mode 0600); else the environment variable " + SignerKeys.ENVIRONMENT_VARIABLE))
        .addOption(valued(null, "reward-recipient", "ADDRESS",
            "address the payout of a freed slot goes to (default: the signer; the collateral always goes back to the signer)"))
        .addOption(valued(null, "request-cache-size", "N",
            "storage requests kept in memory, 1 to " + MAX_REQUEST_CACHE_SIZE + " (default " + OnChainMarket.Options.DEFAULT_REQUEST_CACHE_SIZE + ")"))
        .addOption(valued(null, "max-priority-fee-per-gas", "WEI",
            "EIP-1559 tip per gas in wei when the chain suggests none (default " + OnChainMarket.Options.DEFAULT_MAX_PRIORITY_FEE_PER_GAS + ")"))
        .addOption(
            Option.builder()
                .longOpt("check")
                .desc("check every stored block against its CID and the quota totals against the blocks, then exit")
                .get());
  }

  private static Option valued(String shortName, String longName, String arg, String description) {
    return Option.builder(shortName).longOpt(longName).hasArg().argName(arg).desc(description).get();
  }

  @Override
  public int run(CommandLine line, PrintStream out) throws Exception {
    if (!line.getArgList().isEmpty()) {
      throw new UsageException("node takes no arguments, got " + line.getArgList());
    }
    NodeConfig config = config(line);
    setLogLevel(line.getOptionValue("log-level", "info"));
    if (line.hasOption("check")) {
      return check(config, out);
    }
    Chain chain = chain(line, out);
    Node node;
    try {
      node = chain.onChain().isEmpty()
          ? Node.start(config, Clock.systemUTC())
          : Node.start(config, Clock.systemUTC(), chain.onChain().get(), chain.clock().orElseThrow());
    } catch (IOException | RuntimeException e) {
      chain.close();
      throw e;
    }
    Chain running;
    try {
      running = chain.onChain().isEmpty() ? chain : startHost(line, node, chain, out);
    } catch (IOException | RuntimeException e) {
      node.close();
      chain.close();
      throw e;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  node.close();
                  running.close();
                  stopped.countDown();
                }));
    // nim-codex prints "REST service started"; the URL lets scripts find a port chosen with -p 0.
    out.println("REST service started: " + node.baseUrl() + "/api/codex/v1");
    out.flush();
    stopped.await();
    return ExitCode.OK;
  }

  /**
   * The node's chain, if any, and what to stop with the node: the chain's clock, the market, then
   * a dev chain.
   */
  private record Chain(Optional<OnChainMarket> onChain, Optional<OnChainClock> clock, Optional<DevChain> dev,
      Optional<Path> devCircuit, Optional<ProvingCircuit> hostCircuit) implements AutoCloseable {
    /** How often the chain clock reads the latest block: well inside a dev period of 10 s. */
    private static final Duration CLOCK_POLL = Duration.ofMillis(250);

    static Chain none() {
      return new Chain(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    static Chain of(OnChainMarket market, Optional<DevChain> dev, Optional<Path> devCircuit) {
      return new Chain(Optional.of(market), Optional.of(market.startClock(CLOCK_POLL)), dev, devCircuit,
          Optional.empty());
    }

    Chain proving(ProvingCircuit circuit) {
      return new Chain(onChain, clock, dev, devCircuit, Optional.of(circuit));
    }

    @Override
    public void close() {
      hostCircuit.ifPresent(ProvingCircuit::close);
      clock.ifPresent(OnChainClock::close);
      onChain.ifPresent(OnChainMarket::close);
      dev.ifPresent(DevChain::close);
    }
  }

  /**
   * {@code --dev}: a local chain, printed as {@code dev chain: URL} and one line per contract;
   * {@code --eth-provider}: that chain's marketplace, printed with the signer; neither: no chain.
   */
  private static Chain chain(CommandLine line, PrintStream out) throws Exception {
    boolean provider = line.hasOption("eth-provider");
    OnChainMarket.Options options = marketOptions(line);
    if (line.hasOption("dev")) {
      if (provider || line.hasOption("marketplace-address") || line.hasOption("eth-private-key")) {
        throw new UsageException("--dev starts its own chain: it takes no --eth-provider, --marketplace-address or --eth-private-key");
      }
      return devChain(options, out);
    }
    if (!provider) {
      if (line.hasOption("marketplace-address") || line.hasOption("eth-private-key")) {
        throw new UsageException("--marketplace-address and --eth-private-key need --eth-provider URL");
      }
      for (String option : MARKET_OPTIONS) {
        if (line.hasOption(option)) {
          throw new UsageException("--" + option + " needs a chain: --eth-provider URL or --dev");
        }
      }
      return Chain.none();
    }
    String url = line.getOptionValue("eth-provider");
    if (!url.matches("(?i)https?://.+")) {
      throw new UsageException("--eth-provider '" + url + "' is not an http:// or https:// URL (the node polls JSON-RPC over HTTP; no WebSocket)");
    }
    String marketplace = line.getOptionValue("marketplace-address");
    if (marketplace == null) {
      throw new UsageException("--eth-provider needs --marketplace-address ADDRESS");
    }
    Credentials signer;
    try {
      signer = line.hasOption("eth-private-key")
          ? SignerKeys.fromFile(Path.of(line.getOptionValue("eth-private-key")))
          : SignerKeys.fromEnvironment(System.getenv()).orElseThrow(() -> new UsageException(
              "--eth-provider needs --eth-private-key FILE or the environment variable " + SignerKeys.ENVIRONMENT_VARIABLE));
      OnChainMarket market = OnChainMarket.connect(url, marketplace, signer, options);
      out.println("marketplace: " + market.marketplaceAddress());
      out.println("signer: " + market.signer());
      return Chain.of(market, Optional.empty(), Optional.empty());
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /**
   * The host role (spec node §7–§8): sales and proving with the circuit of {@code --circuit-dir}
   * (or, on {@code --dev}, the small circuit's development setup). Without a circuit the node
   * does not sell, and says so. Returns the chain holding the opened circuit, to close it last.
   */
  private static Chain startHost(CommandLine line, Node node, Chain chain, PrintStream out) throws IOException {
    String option = line.hasOption("circuit-dir") ? "circuit-dir" : "circuit";
    Optional<Path> folder = line.hasOption(option)
        ? Optional.of(Path.of(line.getOptionValue(option)))
        : chain.devCircuit();
    if (folder.isEmpty()) {
      out.println("host: off (no --circuit-dir DIR to prove slots with)");
      return chain;
    }
    int failEveryNProofs = (int) Arguments.longOption(line, "simulate-proof-failures", 0, Integer.MAX_VALUE, 0);
    ProvingCircuit circuit = ProvingCircuit.open(folder.get());
    try {
      node.startSales(chain.onChain().get(), chain.clock().get(), Proving.of(circuit, failEveryNProofs),
          (slot, period, proof) -> out.printf("proof submitted: slot %s, period %d%n", slot, period));
    } catch (IOException | RuntimeException e) {
      circuit.close();
      throw e;
    }
    out.println("host: proving with " + circuit.params() + " from " + folder.get());
    return chain.proving(circuit);
  }

  /**
   * Anvil with the marketplace for the small circuit's development setup (built and set up once
   * into the user's cache), signing as anvil's first dev account.
   */
  private static Chain devChain(OnChainMarket.Options options, PrintStream out) throws Exception {
    Path folder = ProvingCircuit.devFolder(RepositoryRoot.get(), CircuitParams.SMALL);
    VerificationKey key = Groth16Json.readVerificationKey(
        Files.readString(folder.resolve(DevSetupFiles.VERIFICATION_KEY), StandardCharsets.UTF_8));
    String zkeyHash = MoreFiles.asByteSource(folder.resolve(DevSetupFiles.ZKEY)).hash(Hashing.sha256()).toString();
    DevChain dev = DevChain.startDev(RepositoryRoot.get(), key, zkeyHash);
    try {
      OnChainMarket market = dev.market(0, options);
      MarketplaceDeployment deployment = dev.deployment();
      out.println("dev chain: " + dev.rpcUrl());
      out.println("marketplace: " + deployment.marketplace());
      out.println("token: " + deployment.token());
      out.println("verifier: " + deployment.verifier());
      out.println("signer: " + market.signer() + " (anvil dev account 0)");
      return Chain.of(market, Optional.of(dev), Optional.of(folder));
    } catch (RuntimeException e) {
      dev.close();
      throw e;
    }
  }

  private static int check(NodeConfig config, PrintStream out) throws Exception {
    try (RocksBlockStore store =
        RocksBlockStore.open(config.dataDir().resolve("repo"), config.quota(), config.blockTtl(), Clock.systemUTC())) {
      RepoCheck.Report report = RepoCheck.run(store);
      out.printf("checked %d blocks, %d bytes%n", report.blocks(), report.bytes());
      report.problems().forEach(problem -> out.println("problem: " + problem));
      out.println(report.ok() ? "ok" : report.problems().size() + " problems");
      return report.ok() ? ExitCode.OK : ExitCode.FAILED;
    }
  }

  /**
   * The chain client's settings from nim-codex's options (codex/conf.nim: {@code
   * --reward-recipient}, and the hidden {@code --request-cache-size} and {@code
   * --max-priority-fee-per-gas}, with its ranges), checked before anything connects.
   */
  static OnChainMarket.Options marketOptions(CommandLine line) {
    int cacheSize = (int) Arguments.longOption(line, "request-cache-size", 1, MAX_REQUEST_CACHE_SIZE,
        OnChainMarket.Options.DEFAULT_REQUEST_CACHE_SIZE);
    BigInteger maxPriorityFee = OnChainMarket.Options.DEFAULT_MAX_PRIORITY_FEE_PER_GAS;
    String fee = line.getOptionValue("max-priority-fee-per-gas");
    if (fee != null) {
      try {
        maxPriorityFee = new BigInteger(fee.trim());
      } catch (NumberFormatException e) {
        throw new UsageException("--max-priority-fee-per-gas '" + fee + "' is not an integer (wei)");
      }
      if (maxPriorityFee.signum() < 0 || maxPriorityFee.compareTo(MAX_PRIORITY_FEE) > 0) {
        throw new UsageException("--max-priority-fee-per-gas " + maxPriorityFee + " is not in [0, " + MAX_PRIORITY_FEE + "] wei");
      }
    }
    try {
      return new OnChainMarket.Options(cacheSize, Optional.ofNullable(line.getOptionValue("reward-recipient")),
          maxPriorityFee, OnChainMarket.Options.DEFAULT_EVENT_POLL_INTERVAL);
    } catch (IllegalArgumentException badAddress) { // the only value not checked above
      throw new UsageException("--reward-recipient: " + badAddress.getMessage());
    }
  }

  static NodeConfig config(CommandLine line) {
    Path dataDir =
        line.hasOption("data-dir")
            ? Path.of(line.getOptionValue("data-dir"))
            : Path.of(System.getProperty("user.home"), ".cache", "slotbeam");
    return new NodeConfig(
        dataDir,
        line.getOptionValue("api-bindaddr", NodeConfig.DEFAULT_BIND_ADDRESS),
        (int) Arguments.longOption(line, "api-port", 0, 65535, NodeConfig.DEFAULT_PORT),
        line.hasOption("storage-quota") ? size(line.getOptionValue("storage-quota")) : NodeConfig.DEFAULT_QUOTA,
        duration(line, "block-ttl", NodeConfig.DEFAULT_BLOCK_TTL),
        duration(line, "block-mi", NodeConfig.DEFAULT_MAINTENANCE_INTERVAL),
        (int) Arguments.longOption(line, "block-mn", 1, Integer.MAX_VALUE, NodeConfig.DEFAULT_MAINTENANCE_BATCH),
        line.hasOption("peer") ? List.of(line.getOptionValues("peer")) : List.of(),
        validation(line));
  }

  /** The validator's settings with {@code --validator}, checked with nim-codex's messages (§8.5). */
  private static Optional<ValidationConfig> validation(CommandLine line) {
    if (!line.hasOption("validator")) {
      for (String option : List.of("validator-max-slots", "validator-groups", "validator-group-index")) {
        if (line.hasOption(option)) {
          throw new UsageException("--" + option + " needs --validator");
        }
      }
      return Optional.empty();
    }
    long maxSlots = Arguments.longOption(line, "validator-max-slots", Integer.MIN_VALUE, Integer.MAX_VALUE, ValidationConfig.DEFAULT_MAX_SLOTS);
    OptionalInt groups =
        line.hasOption("validator-groups")
            ? OptionalInt.of((int) Arguments.longOption(line, "validator-groups", Integer.MIN_VALUE, Integer.MAX_VALUE, 0))
            : OptionalInt.empty();
    long groupIndex = Arguments.longOption(line, "validator-group-index", Integer.MIN_VALUE, Integer.MAX_VALUE, 0);
    try {
      return Optional.of(new ValidationConfig((int) maxSlots, groups, (int) groupIndex));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** {@code 20GiB}, {@code 512M}, {@code 1048576}: bytes, with binary units. */
  static long size(String text) {
    Matcher matcher = SIZE.matcher(text.strip());
    if (!matcher.matches()) {
      throw new UsageException("--storage-quota '" + text + "' is not a size such as 20GiB, 512MiB or 1048576");
    }
    long number;
    try {
      number = Long.parseLong(matcher.group(1));
    } catch (NumberFormatException e) {
      throw new UsageException("--storage-quota '" + text + "' is too large");
    }
    String unit = matcher.group(2).toUpperCase(Locale.ROOT);
    int shift = unit.isEmpty() ? 0 : 10 * ("KMGT".indexOf(unit) + 1);
    long bytes = number << shift;
    if (number <= 0 || bytes >>> shift != number || bytes < 0) {
      throw new UsageException("--storage-quota '" + text + "' must be positive and below 8 EiB");
    }
    return bytes;
  }

  private static Duration duration(CommandLine line, String option, Duration fallback) {
    String text = line.getOptionValue(option);
    if (text == null) {
      return fallback;
    }
    String trimmed = text.strip().toLowerCase(Locale.ROOT);
    if (trimmed.matches("\\d{1,12}")) {
      return Duration.ofSeconds(Long.parseLong(trimmed));
    }
    Matcher part = DURATION_PART.matcher(trimmed);
    Duration total = Duration.ZERO;
    int end = 0;
    while (part.find() && part.start() == end && part.group(1).length() <= 12) {
      long amount = Long.parseLong(part.group(1));
      total =
          total.plus(
              switch (part.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> Duration.ofDays(7 * amount);
              });
      end = part.end();
    }
    if (end == 0 || end != trimmed.length()) {
      throw new UsageException("--" + option + " '" + text + "' is not a duration such as 30d, 10m or 1h30m");
    }
    return total;
  }

  /** Chronicles' levels (nim-codex's {@code --log-level}) on the JDK logger the node logs to. */
  private static void setLogLevel(String text) {
    String level = text.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    Level julLevel =
        switch (level) {
          case "trace" -> Level.FINEST;
          case "debug" -> Level.FINE;
          case "info", "notice" -> Level.INFO;
          case "warn" -> Level.WARNING;
          case "error", "fatal" -> Level.SEVERE;
          default ->
              throw new UsageException(
                  "--log-level '" + text + "': the level must be trace, debug, info, notice, warn, error or fatal");
        };
    Logger root = Logger.getLogger("");
    root.setLevel(julLevel);
    for (Handler handler : root.getHandlers()) {
      handler.setLevel(julLevel);
    }
  }
}
