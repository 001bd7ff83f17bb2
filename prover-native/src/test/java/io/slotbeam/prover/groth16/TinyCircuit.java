package io.slotbeam.prover.groth16;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test support: the circuit {@code groth16/prover_tiny.circom} compiled by circom2 (r1cs and
 * witness wasm) with a proving key from snarkjs's own 2^6 ceremony (powersoftau new, contribute,
 * prepare phase2, groth16 setup; a few seconds), built once into {@code
 * prover-native/target/groth16-tiny} and reused while newer than the source. Also runs {@code
 * snarkjs groth16 verify}.
 */
final class TinyCircuit {
  private static final String NAME = "prover_tiny";
  private static Path built;

  private TinyCircuit() {}

  static Path zkey() {
    return dir().resolve("key.zkey");
  }

  /** A prover bound to the zkey at {@code path} ({@link ProvingKey#read}). */
  static NativeProver prover(Path path) throws IOException {
    return NativeProver.load(ProvingKey.read(path));
  }

  static Path wasm() {
    return dir().resolve(NAME + "_js/" + NAME + ".wasm");
  }

  static Path verificationKey() {
    return dir().resolve("verification_key.json");
  }

  /** The repository root: the nearest folder above the working directory with snarkjs. */
  static Path root() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("node_modules/snarkjs/build/cli.cjs"))) {
        return p;
      }
    }
    return fail("no node_modules/snarkjs above " + Path.of("").toAbsolutePath());
  }

  /** Whether {@code snarkjs groth16 verify} accepts the proof and public inputs (JSON texts). */
  static boolean snarkjsVerifies(String proofJson, String publicJson) throws IOException {
    Path work = Files.createTempDirectory(dir(), "verify");
    Files.writeString(work.resolve("proof.json"), proofJson);
    Files.writeString(work.resolve("public.json"), publicJson);
    int exit =
        run(work, snarkjs("groth16", "verify", verificationKey().toString(), "public.json", "proof.json"));
    return exit == 0;
  }

  private static synchronized Path dir() {
    if (built != null) {
      return built;
    }
    try {
      Path source = Path.of(TinyCircuit.class.getResource("/groth16/" + NAME + ".circom").toURI());
      Path dir = root().resolve("prover-native/target/groth16-tiny");
      Path done = dir.resolve("done");
      if (!Files.isRegularFile(done)
          || Files.getLastModifiedTime(done).compareTo(Files.getLastModifiedTime(source)) < 0) {
        Files.createDirectories(dir);
        Files.copy(source, dir.resolve(NAME + ".circom"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String entropy = "-e=slotbeam prover test";
        List<List<String>> steps = List.of(
            List.of("node", root().resolve("node_modules/circom2/cli.js").toString(),
                NAME + ".circom", "--r1cs", "--wasm", "-o", "."),
            snarkjs("powersoftau", "new", "bn128", "6", "pot0.ptau"),
            snarkjs("powersoftau", "contribute", "pot0.ptau", "pot1.ptau", "--name=test", entropy),
            snarkjs("powersoftau", "prepare", "phase2", "pot1.ptau", "pot.ptau"),
            snarkjs("groth16", "setup", NAME + ".r1cs", "pot.ptau", "key0.zkey"),
            snarkjs("zkey", "contribute", "key0.zkey", "key.zkey", "--name=test", entropy),
            snarkjs("zkey", "export", "verificationkey", "key.zkey", "verification_key.json"));
        for (List<String> step : steps) {
          if (run(dir, step) != 0) {
            fail("failed: " + String.join(" ", step));
          }
        }
        Files.writeString(done, "built from " + source);
      }
      built = dir;
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> snarkjs(String... args) {
    List<String> command = new ArrayList<>(List.of("node", root().resolve("node_modules/snarkjs/build/cli.cjs").toString()));
    command.addAll(List.of(args));
    return command;
  }

  /** Runs a command in {@code dir}; its output goes to {@code dir/last.log}. */
  private static int run(Path dir, List<String> command) throws IOException {
    Path log = dir.resolve("last.log");
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
            .redirectOutput(log.toFile()).start();
    try {
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail("timed out: " + String.join(" ", command));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    if (process.exitValue() != 0 && !command.contains("verify")) {
      System.err.println(Files.readString(log, StandardCharsets.UTF_8));
    }
    return process.exitValue();
  }
}
