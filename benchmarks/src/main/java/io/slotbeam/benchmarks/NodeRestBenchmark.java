package io.slotbeam.benchmarks;

import io.slotbeam.node.Node;
import io.slotbeam.node.NodeConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Uploads and downloads a 1 GiB file of random bytes through a node's REST API on loopback, client
 * and node in one JVM limited to {@code -Xmx512m}, so it passes only if neither buffers the file.
 * Every upload goes to a fresh repository (a second upload of the same bytes would store nothing).
 * Throughput is {@code gibibytes * 1073.74 MB} divided by the reported seconds; the peak heap is
 * printed at the end, and each call's process CPU time beside its wall time. Run: {@code java -jar
 * benchmarks/target/benchmarks.jar NodeRest}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx512m"})
public class NodeRestBenchmark {
  private static final long GIB = 1L << 30;

  /** The file, written once; deleted with everything else at the end. */
  @State(Scope.Benchmark)
  public static class Input {
    @Param("1")
    public int gibibytes;

    Path workDir;
    Path file;

    @Setup(Level.Trial)
    public void createFile() throws IOException {
      workDir = Files.createTempDirectory("slotbeam-node-bench-");
      file = workDir.resolve("data.bin");
      byte[] chunk = new byte[1 << 20];
      Random random = new Random(1);
      try (OutputStream out = Files.newOutputStream(file)) {
        for (long written = 0; written < gibibytes * GIB; written += chunk.length) {
          random.nextBytes(chunk);
          out.write(chunk);
        }
      }
    }

    @TearDown(Level.Trial)
    public void cleanUp() throws IOException {
      deleteTree(workDir);
      long peak = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          peak += pool.getPeakUsage().getUsed();
        }
      }
      System.out.printf("%npeak heap (sum of the heap pools' peaks): %d MiB%n", peak >> 20);
    }
  }

  /**
   * The process CPU time of each call (client, server and RocksDB threads together), printed
   * beside JMH's wall time: on a machine shared with other jobs it says what a call costs.
   */
  @State(Scope.Benchmark)
  public static class CpuTime {
    private final com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long start;

    @Setup(Level.Invocation)
    public void before() {
      start = os.getProcessCpuTime();
    }

    @TearDown(Level.Invocation)
    public void after() {
      System.out.printf("(process CPU %.2f s) ", (os.getProcessCpuTime() - start) / 1e9);
    }
  }

  /** A node on an empty repository, new for every iteration: each upload stores every block. */
  @State(Scope.Benchmark)
  public static class EmptyNode {
    Node node;

    @Setup(Level.Iteration)
    public void start(Input input) throws IOException {
      node = startNode(input, "empty");
    }

    @TearDown(Level.Iteration)
    public void stop() {
      node.close();
    }
  }

  /** A node that holds the file, uploaded once. */
  @State(Scope.Benchmark)
  public static class FilledNode {
    Node node;
    String manifestCid;

    @Setup(Level.Trial)
    public void start(Input input) throws IOException {
      node = startNode(input, "filled");
      manifestCid = upload(node, input.file);
    }

    @TearDown(Level.Trial)
    public void stop() {
      node.close();
    }
  }

  @Benchmark
  public String upload(Input input, EmptyNode empty, CpuTime cpu) throws IOException {
    return upload(empty.node, input.file);
  }

  @Benchmark
  public long download(Input input, FilledNode filled, CpuTime cpu) throws IOException {
    HttpURLConnection connection = open(filled.node, "data/" + filled.manifestCid);
    long bytes;
    try (InputStream body = connection.getInputStream()) {
      bytes = body.transferTo(OutputStream.nullOutputStream());
    }
    if (connection.getResponseCode() != 200 || bytes != input.gibibytes * GIB) {
      throw new IllegalStateException("download answered " + connection.getResponseCode() + " with " + bytes + " bytes");
    }
    return bytes;
  }

  private static Node startNode(Input input, String name) throws IOException {
    Path data = input.workDir.resolve(name);
    deleteTree(data);
    return Node.start(
        new NodeConfig(data, "127.0.0.1", 0, 4 * input.gibibytes * GIB, NodeConfig.DEFAULT_BLOCK_TTL,
            NodeConfig.DEFAULT_MAINTENANCE_INTERVAL, NodeConfig.DEFAULT_MAINTENANCE_BATCH, List.of()),
        Clock.systemUTC());
  }

  private static String upload(Node node, Path file) throws IOException {
    HttpURLConnection connection = open(node, "data");
    connection.setRequestMethod("POST");
    connection.setDoOutput(true);
    connection.setFixedLengthStreamingMode(Files.size(file));
    // HttpURLConnection would send application/x-www-form-urlencoded, which nim-codex refuses.
    connection.setRequestProperty("Content-Type", "application/octet-stream");
    try (OutputStream body = connection.getOutputStream()) {
      Files.copy(file, body);
    }
    String answer;
    try (InputStream in = connection.getResponseCode() == 200 ? connection.getInputStream() : connection.getErrorStream()) {
      answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (connection.getResponseCode() != 200) {
      throw new IllegalStateException("upload answered " + connection.getResponseCode() + ": " + answer);
    }
    return answer;
  }

  /**
   * A connection to the node's API. {@code HttpURLConnection}, not {@code java.net.http}: on this
   * machine the latter spent 2.5 to 7 CPU seconds per GiB on loopback, the former 0.5 to 0.8.
   */
  private static HttpURLConnection open(Node node, String path) throws IOException {
    return (HttpURLConnection) URI.create(node.baseUrl() + "/api/codex/v1/" + path).toURL().openConnection();
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(path);
      }
    }
  }
}
