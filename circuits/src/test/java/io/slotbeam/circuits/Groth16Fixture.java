package io.slotbeam.circuits;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

/**
 * Test support (no tests): the tiny test circuit {@code witness_tiny} compiled with {@code --r1cs}
 * and a snarkjs Groth16 key for it from a 2^6 powers-of-tau ceremony (about 8 s), built once into
 * {@code circuits/target/groth16-test} and reused while newer than the circuit source.
 */
final class Groth16Fixture {
  private static final String NAME = WitnessCircuits.TINY;
  private static final String ENTROPY = "slotbeam zkey test";
  private static Path built;

  private Groth16Fixture() {}

  static Path r1cs() {
    return dir().resolve(NAME + ".r1cs");
  }

  /** The key straight from {@code groth16 setup} (snarkjs's section order 1, 2, 10, 9, 4, 3…). */
  static Path initialKey() {
    return dir().resolve("key_0000.zkey");
  }

  /** The key after one named contribution (sections 1..10 in order, one contribution). */
  static Path key() {
    return dir().resolve("key_0001.zkey");
  }

  /** {@code snarkjs zkey export verificationkey} of {@link #key()}. */
  static Path verificationKey() {
    return dir().resolve("verification_key.json");
  }

  /** The output of {@code snarkjs r1cs info} on {@link #r1cs()}. */
  static String r1csInfo() {
    try {
      return Files.readString(dir().resolve("r1cs-info.txt"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static synchronized Path dir() {
    if (built != null) {
      return built;
    }
    Path source = WitnessCircuits.source(NAME);
    Path dir = WitnessCircuits.root().resolve("circuits/target/groth16-test");
    Path done = dir.resolve("done");
    try {
      if (!Files.isRegularFile(done)
          || Files.getLastModifiedTime(done).compareTo(Files.getLastModifiedTime(source)) < 0) {
        build(source, dir);
        Files.writeString(done, "built from " + source);
        Files.setLastModifiedTime(done, FileTime.fromMillis(System.currentTimeMillis()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    built = dir;
    return dir;
  }

  private static void build(Path source, Path dir) throws IOException {
    Files.createDirectories(dir);
    WitnessCircuits.run(
        source.getParent(),
        List.of(
            "node",
            WitnessCircuits.root().resolve("node_modules/circom2/cli.js").toString(),
            source.getFileName().toString(),
            "--r1cs",
            "-o",
            dir.toString()));
    String r1cs = dir.resolve(NAME + ".r1cs").toString();
    snarkjs(dir, "powersoftau", "new", "bn128", "6", "pot_0000.ptau");
    snarkjs(dir, "powersoftau", "contribute", "pot_0000.ptau", "pot_0001.ptau", "--name=test",
        "-e=" + ENTROPY);
    snarkjs(dir, "powersoftau", "prepare", "phase2", "pot_0001.ptau", "pot_final.ptau");
    snarkjs(dir, "groth16", "setup", r1cs, "pot_final.ptau", "key_0000.zkey");
    snarkjs(dir, "zkey", "contribute", "key_0000.zkey", "key_0001.zkey",
        "--name=slotbeam test contribution", "-e=" + ENTROPY);
    snarkjs(dir, "zkey", "export", "verificationkey", "key_0001.zkey", "verification_key.json");
    Files.writeString(dir.resolve("r1cs-info.txt"), snarkjs(dir, "r1cs", "info", r1cs));
  }

  private static String snarkjs(Path dir, String... args) throws IOException {
    String[] absolute = args.clone();
    for (int i = 0; i < absolute.length; i++) {
      if (absolute[i].endsWith(".ptau") || absolute[i].endsWith(".zkey")
          || absolute[i].endsWith(".json")) {
        absolute[i] = dir.resolve(absolute[i]).toString();
      }
    }
    CircuitTools.Run run = CircuitTools.snarkjs(absolute);
    if (run.exitCode() != 0) {
      fail("snarkjs " + String.join(" ", args) + " failed:\n" + run.output());
    }
    return run.output();
  }
}
