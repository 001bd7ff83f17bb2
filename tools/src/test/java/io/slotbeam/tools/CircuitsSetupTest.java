package io.slotbeam.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slotbeam.circuits.CircuitBuild;
import io.slotbeam.circuits.ZkeyFile;
import io.slotbeam.core.vectors.WorkedExampleFile;
import io.slotbeam.prover.setup.DevSetup;
import io.slotbeam.prover.setup.DevSetupFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code slotbeam circuits setup --dev}: snarkjs proves with our zkey and verifies with our
 * verification key, exports the same verification key from our zkey, and reads the warning in
 * it; on a hand-written tiny circuit and on the small storage-proof circuit.
 */
class CircuitsSetupTest extends CliTest {
  private static final Path ROOT = Path.of(System.getProperty("slotbeam.root"));

  @TempDir static Path shared;
  @TempDir Path dir;
  private static Path tinyBuild;


  /** Each run starts with empty output. */
  @Override
  int run(String... args) {
    out.reset();
    err.reset();
    return super.run(args);
  }

  @Test
  void snarkjsProvesAndVerifiesWithTheTinyCircuitsDevelopmentKey() throws Exception {
    Path circuit = tinyCircuit();
    assertEquals(0, run("circuits", "setup", "--dev", "--circuit", circuit.toString()), err.toString());
    assertTrue(out.toString().contains("WARNING: " + DevSetup.UNSAFE_NOTICE), out.toString());
    Path input = Files.writeString(dir.resolve("input.json"), "{\"a\": \"3\", \"b\": \"11\", \"c\": \"5\"}");
    Path witness = dir.resolve("tiny.wtns");
    snarkjs("wtns", "calculate", tinyBuild.resolve("sample_and_prove_js/sample_and_prove.wasm").toString(),
        input.toString(), witness.toString());
    assertProvesAndVerifies(circuit, witness, "3");
  }

  @Test
  void snarkjsProvesAndVerifiesWithTheSmallCircuitsDevelopmentKey() throws Exception {
    Path built = Path.of(System.getProperty("slotbeam.circuits"), "8,3,5,67,2");
    Path circuit = Files.createDirectory(dir.resolve("small"));
    Files.copy(built.resolve(DevSetupFiles.R1CS), circuit.resolve(DevSetupFiles.R1CS));
    assertEquals(0, run("circuits", "setup", "--dev", "--circuit", circuit.toString()), err.toString());

    Path input = smallCircuitInput(0, 5);
    Path witness = dir.resolve("small.wtns");
    assertEquals(0, run("witness", "--circuit", built.toString(), "--input", input.toString(), "--out",
        witness.toString()), err.toString());
    assertProvesAndVerifies(circuit, witness, null);
  }

  /**
   * The whole path on the small circuit with our own tools: dev setup, sample, prove natively
   * (issue: prover), then snarkjs and our native verifier both accept the proof, and neither does
   * under another setup's key.
   */
  @Test
  void ourProofOfTheSmallCircuitVerifiesWithSnarkjsAndNativelyButNotUnderAnotherKey() throws Exception {
    Path built = Path.of(System.getProperty("slotbeam.circuits"), "8,3,5,67,2");
    Path circuit = Files.createDirectory(dir.resolve("small"));
    for (String file : List.of(DevSetupFiles.R1CS, "params")) {
      Files.copy(built.resolve(file), circuit.resolve(file));
    }
    Files.createDirectories(CircuitBuild.wasm(circuit).getParent());
    Files.copy(CircuitBuild.wasm(built), CircuitBuild.wasm(circuit));
    assertEquals(0, run("circuits", "setup", "--dev", "--circuit", circuit.toString()), err.toString());

    Path input = smallCircuitInput(1, 7);
    Path proofs = dir.resolve("proofs");
    assertEquals(0, run("prove", "--circuit", circuit.toString(), "--input", input.toString(), "--out",
        proofs.toString()), err.toString());
    Path proof = proofs.resolve("proof.json");
    Path pub = proofs.resolve("public.json");
    Path vk = circuit.resolve(DevSetupFiles.VERIFICATION_KEY);
    String verified = snarkjs("groth16", "verify", vk.toString(), pub.toString(), proof.toString());
    assertTrue(verified.contains("OK!"), verified);
    assertEquals(0, run("verify", "--vkey", vk.toString(), "--proof", proof.toString(), "--public", pub.toString()),
        err.toString());
    JsonNode publics = new ObjectMapper().readTree(pub.toFile());
    assertEquals("7", publics.get(0).asText()); // entropy, then dataSetRoot, slotIndex
    assertEquals("1", publics.get(2).asText());

    Path other = Files.createDirectory(dir.resolve("other"));
    Files.copy(built.resolve(DevSetupFiles.R1CS), other.resolve(DevSetupFiles.R1CS));
    assertEquals(0, run("circuits", "setup", "--dev", "--circuit", other.toString()), err.toString());
    Path otherVk = other.resolve(DevSetupFiles.VERIFICATION_KEY);
    assertEquals(1, run("verify", "--vkey", otherVk.toString(), "--proof", proof.toString(), "--public",
        pub.toString()));
    String rejected = snarkjsFailing("groth16", "verify", otherVk.toString(), pub.toString(), proof.toString());
    assertTrue(rejected.contains("Invalid proof"), rejected);
  }

  @Test
  void aTruncatedOrCorruptedR1csIsAClearErrorAndWritesNothing() throws Exception {
    Path circuit = tinyCircuit();
    Path r1cs = circuit.resolve(DevSetupFiles.R1CS);
    byte[] bytes = Files.readAllBytes(r1cs);

    Files.write(r1cs, Arrays.copyOf(bytes, bytes.length - 40));
    assertEquals(1, run("circuits", "setup", "--dev", "--circuit", circuit.toString()));
    assertTrue(err.toString().contains("r1cs"), err.toString());

    byte[] corrupted = bytes.clone();
    corrupted[0] = 'x'; // the magic
    Files.write(r1cs, corrupted);
    assertEquals(1, run("circuits", "setup", "--dev", "--circuit", circuit.toString()));
    assertTrue(err.toString().contains("r1cs"), err.toString());
    assertEquals(1, err.toString().lines().count(), err.toString());
    assertFalse(Files.exists(circuit.resolve(DevSetupFiles.ZKEY)));
    assertFalse(Files.exists(circuit.resolve(DevSetupFiles.VERIFICATION_KEY)));
  }

  @Test
  void setupWithoutDevIsBadUsageThatSaysWhy() throws Exception {
    assertEquals(2, run("circuits", "setup", "--circuit", dir.toString()));
    assertTrue(err.toString().contains(DevSetup.UNSAFE_NOTICE), err.toString());
    assertEquals(2, run("circuits", "setup", "--dev", "--circuit", dir.toString()));
    assertTrue(err.toString().contains("has no " + DevSetupFiles.R1CS), err.toString());
    assertEquals(0, run("circuits", "--help"), err.toString());
    assertTrue(out.toString().contains("UNSAFE FOR PRODUCTION"), out.toString());
  }

  /** The small circuit's input for {@code slot} of the encoded worked example, at {@code entropy}. */
  private Path smallCircuitInput(int slot, int entropy) throws IOException {
    Path file = Files.write(dir.resolve("worked.bin"), WorkedExampleFile.bytes());
    Path repo = dir.resolve("repo");
    assertEquals(0, run("encode", file.toString(), "--repo", repo.toString(), "--ec-k", "2", "--ec-m", "1"));
    Path input = dir.resolve("input.json");
    assertEquals(0, run("sample", "--repo", repo.toString(), "--manifest",
        "zDvZRwzky136jJX797oz5LgmX8YVxYuisRoLCuXqUZRowePcXkX2", "--slot", Integer.toString(slot), "--entropy",
        Integer.toString(entropy), "--params", "8,3,5,67,2", "--out", input.toString()), err.toString());
    return input;
  }

  /**
   * Proves with our zkey, verifies with our key, and compares our key with snarkjs's export of our
   * zkey, field by field; the zkey names itself unsafe. {@code publicInput}, when given, is the
   * expected last public signal, and a proof claiming another one must fail.
   */
  private void assertProvesAndVerifies(Path circuit, Path witness, String publicInput) throws Exception {
    Path zkey = circuit.resolve(DevSetupFiles.ZKEY);
    Path vk = circuit.resolve(DevSetupFiles.VERIFICATION_KEY);
    Path proof = dir.resolve("proof.json");
    Path pub = dir.resolve("public.json");
    snarkjs("groth16", "prove", zkey.toString(), witness.toString(), proof.toString(), pub.toString());
    String verified = snarkjs("groth16", "verify", vk.toString(), pub.toString(), proof.toString());
    assertTrue(verified.contains("OK!"), verified);

    ObjectMapper json = new ObjectMapper();
    JsonNode publics = json.readTree(pub.toFile());
    if (publicInput != null) { // and the same proof with another public input fails
      assertEquals(publicInput, publics.get(publics.size() - 1).asText());
      Path forged = Files.writeString(dir.resolve("forged.json"),
          publics.toString().replaceFirst("\"(\\d+)\"", "\"12345\""));
      String rejected = snarkjsFailing("groth16", "verify", vk.toString(), forged.toString(), proof.toString());
      assertTrue(rejected.contains("Invalid proof"), rejected);
    }

    Path exported = dir.resolve("exported.json");
    snarkjs("zkey", "export", "verificationkey", zkey.toString(), exported.toString());
    JsonNode ours = json.readTree(vk.toFile());
    JsonNode theirs = json.readTree(exported.toFile());
    for (String field : List.of("protocol", "curve", "nPublic", "vk_alpha_1", "vk_beta_2", "vk_gamma_2",
        "vk_delta_2", "IC")) {
      assertEquals(theirs.get(field), ours.get(field), field);
    }
    // vk_alphabeta_12 too: ours is the native pairing's, theirs snarkjs's
    assertEquals(theirs, ours);

    ZkeyFile.Contribution contribution = ZkeyFile.read(zkey).mpcParams().contributions().get(0);
    assertEquals(DevSetup.UNSAFE_NOTICE, contribution.name().orElseThrow());
  }

  /**
   * A fresh folder holding the tiny circuit as sample_and_prove.{r1cs,wasm}, compiled once per
   * run with the pinned circom.
   */
  private Path tinyCircuit() throws Exception {
    synchronized (CircuitsSetupTest.class) {
      if (tinyBuild == null) {
        Path build = Files.createDirectories(shared.resolve("tiny"));
        Path source = build.resolve("sample_and_prove.circom");
        Files.copy(Path.of(CircuitsSetupTest.class.getResource("/dev-setup/tiny.circom").toURI()), source);
        node(0, ROOT.resolve("node_modules/circom2/cli.js").toString(), source.toString(), "--r1cs", "--wasm",
            "-o", build.toString());
        tinyBuild = build;
      }
    }
    Path circuit = Files.createDirectories(dir.resolve("tiny"));
    Files.copy(tinyBuild.resolve(DevSetupFiles.R1CS), circuit.resolve(DevSetupFiles.R1CS));
    return circuit;
  }

  private static String snarkjs(String... args) throws Exception {
    return node(0, cli(args));
  }

  private static String snarkjsFailing(String... args) throws Exception {
    return node(1, cli(args));
  }

  private static String[] cli(String... args) {
    List<String> command = new ArrayList<>(List.of(ROOT.resolve("node_modules/snarkjs/build/cli.cjs").toString()));
    command.addAll(List.of(args));
    return command.toArray(String[]::new);
  }

  private static String node(int expectedExit, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("node"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(expectedExit, process.waitFor(), command + ": " + output);
    return output;
  }
}
