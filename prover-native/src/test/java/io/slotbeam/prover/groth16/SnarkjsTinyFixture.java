package io.slotbeam.prover.groth16;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Test support (no tests): snarkjs Groth16 material for {@code groth16/verify_tiny.circom}, made
 * once into {@code prover-native/target/snarkjs-tiny} and reused while the circuit is unchanged: a
 * 2^4 powers-of-tau file (no contribution: only the keys matter here), two keys of the same
 * circuit (two different contributions, so two deltas), and for each of two statements (a, b) =
 * (3, 11) and (5, 7) a snarkjs proof under the first key. Runs node with the repository's
 * {@code node_modules} (the module's parent folder is the repository root).
 */
final class SnarkjsTinyFixture {
  static final int STATEMENTS = 2;
  private static final String[][] INPUTS = {{"3", "11"}, {"5", "7"}};
  private static Path built;

  private SnarkjsTinyFixture() {}

  /** The verification key of the key that made the proofs. */
  static Path verificationKey() {
    return dir().resolve("vk_1.json");
  }

  /** The verification key of the other contribution to the same circuit. */
  static Path otherVerificationKey() {
    return dir().resolve("vk_2.json");
  }

  static Path proof(int statement) {
    return dir().resolve("proof_" + statement + ".json");
  }

  static Path publicInputs(int statement) {
    return dir().resolve("public_" + statement + ".json");
  }

  private static synchronized Path dir() {
    if (built != null) {
      return built;
    }
    Path root = Path.of("").toAbsolutePath().getParent();
    Path dir = root.resolve("prover-native/target/snarkjs-tiny");
    Path done = dir.resolve("done");
    try (InputStream source = SnarkjsTinyFixture.class.getResourceAsStream("/groth16/verify_tiny.circom")) {
      byte[] circuit = source.readAllBytes();
      Path copy = dir.resolve("verify_tiny.circom");
      if (!Files.isRegularFile(done) || !Files.isRegularFile(copy)
          || !Arrays.equals(Files.readAllBytes(copy), circuit)) {
        Files.createDirectories(dir);
        Files.deleteIfExists(done);
        Files.write(copy, circuit);
        build(root, dir);
        Files.writeString(done, "built by SnarkjsTinyFixture");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    built = dir;
    return dir;
  }

  private static void build(Path root, Path dir) throws IOException {
    String circom = root.resolve("node_modules/circom2/cli.js").toString();
    String snarkjs = root.resolve("node_modules/snarkjs/build/cli.cjs").toString();
    run(dir, "node", circom, "verify_tiny.circom", "--r1cs", "--wasm", "-o", ".");
    run(dir, "node", snarkjs, "powersoftau", "new", "bn128", "4", "pot_0.ptau");
    run(dir, "node", snarkjs, "powersoftau", "prepare", "phase2", "pot_0.ptau", "pot_final.ptau");
    run(dir, "node", snarkjs, "groth16", "setup", "verify_tiny.r1cs", "pot_final.ptau", "key_0.zkey");
    for (int k = 1; k <= 2; k++) {
      run(dir, "node", snarkjs, "zkey", "contribute", "key_0.zkey", "key_" + k + ".zkey",
          "--name=contribution " + k, "-e=slotbeam verifier key " + k);
      run(dir, "node", snarkjs, "zkey", "export", "verificationkey", "key_" + k + ".zkey",
          "vk_" + k + ".json");
    }
    for (int s = 0; s < STATEMENTS; s++) {
      Files.writeString(dir.resolve("input_" + s + ".json"),
          "{\"a\": \"" + INPUTS[s][0] + "\", \"b\": \"" + INPUTS[s][1] + "\"}");
      run(dir, "node", snarkjs, "wtns", "calculate", "verify_tiny_js/verify_tiny.wasm",
          "input_" + s + ".json", "witness_" + s + ".wtns");
      run(dir, "node", snarkjs, "groth16", "prove", "key_1.zkey", "witness_" + s + ".wtns",
          "proof_" + s + ".json", "public_" + s + ".json");
    }
  }

  private static void run(Path dir, String... command) throws IOException {
    Process process =
        new ProcessBuilder(new ArrayList<>(List.of(command))).directory(dir.toFile())
            .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (process.waitFor() != 0) {
        fail(String.join(" ", command) + " failed in " + dir + ":\n" + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + String.join(" ", command), e);
    }
  }
}
