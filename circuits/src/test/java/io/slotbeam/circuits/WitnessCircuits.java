package io.slotbeam.circuits;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Test support (no tests): compiles the test circuits of {@code src/test/resources/witness} with
 * the pinned circom2 into {@code circuits/target/witness-test} once per JVM, runs {@code snarkjs
 * wtns calculate} for reference witnesses, and keeps one calculator per circuit and engine.
 */
final class WitnessCircuits {
  static final String TINY = "witness_tiny";
  static final String PROOF_SHAPE = "witness_proof_shape";

  private static final Map<String, Path> WASMS = new HashMap<>();
  private static final Map<String, WitnessCalculator> CALCULATORS = new HashMap<>();
  private static int snarkjsRuns;

  private WitnessCircuits() {}

  /** The repository root: Surefire's {@code slotbeam.root}, else found upwards from here. */
  static Path root() {
    String property = System.getProperty("slotbeam.root");
    if (property != null && !property.isBlank()) {
      return Path.of(property).toAbsolutePath().normalize();
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("node_modules/circom2/cli.js"))) {
        return p;
      }
    }
    return fail(
        "no slotbeam.root and no node_modules/circom2 above " + Path.of("").toAbsolutePath());
  }

  /** Scratch folder of these tests, under {@code circuits/target}. */
  static Path work() {
    Path dir = root().resolve("circuits/target/witness-test");
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The witness wasm of test circuit {@code name} over BN254, compiled on first use. */
  static Path wasm(String name) {
    return wasm(name, "bn128");
  }

  /** The witness wasm of test circuit {@code name} over {@code prime} (a circom curve name). */
  static synchronized Path wasm(String name, String prime) {
    String key = name + "@" + prime;
    Path known = WASMS.get(key);
    if (known != null) {
      return known;
    }
    Path source = source(name);
    Path out = work().resolve(prime.equals("bn128") ? name : name + "-" + prime);
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    run(
        source.getParent(),
        List.of(
            "node",
            root().resolve("node_modules/circom2/cli.js").toString(),
            source.getFileName().toString(),
            "--wasm",
            "--sym",
            "-p",
            prime,
            "-o",
            out.toString()));
    Path wasm = out.resolve(name + "_js").resolve(name + ".wasm");
    if (!Files.isRegularFile(wasm)) {
      fail("circom2 wrote no " + wasm);
    }
    WASMS.put(key, wasm);
    return wasm;
  }

  /** A calculator of test circuit {@code name} on {@code engine}, loaded once per JVM. */
  static synchronized WitnessCalculator calculator(String name, WitnessCalculator.Engine engine) {
    String key = name + "@" + engine;
    WitnessCalculator known = CALCULATORS.get(key);
    if (known == null) {
      try {
        known = WitnessCalculator.load(wasm(name), engine);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      CALCULATORS.put(key, known);
    }
    return known;
  }

  /** The {@code .wtns} bytes snarkjs computes for {@code inputJson}. */
  static synchronized byte[] snarkjs(Path wasm, String inputJson) {
    int run = ++snarkjsRuns;
    Path input = work().resolve("input-" + run + ".json");
    Path output = work().resolve("snarkjs-" + run + ".wtns");
    try {
      Files.writeString(input, inputJson);
      Files.deleteIfExists(output);
      run(
          work(),
          List.of(
              "node",
              root().resolve("node_modules/snarkjs/build/cli.cjs").toString(),
              "wtns",
              "calculate",
              wasm.toString(),
              input.toString(),
              output.toString()));
      return Files.readAllBytes(output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path source(String name) {
    URL url = WitnessCircuits.class.getResource("/witness/" + name + ".circom");
    if (url == null) {
      return fail("test circuit /witness/" + name + ".circom is not on the test classpath");
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static void run(Path dir, List<String> command) {
    try {
      Path log = Files.createTempFile(work(), "process", ".log");
      Process process =
          new ProcessBuilder(new ArrayList<>(command))
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail("timed out: " + String.join(" ", command));
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      Files.delete(log);
      if (process.exitValue() != 0) {
        fail("exit " + process.exitValue() + ": " + String.join(" ", command) + "\n" + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
