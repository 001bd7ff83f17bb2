package io.slotbeam.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotbeam.core.groth16.Groth16Json;
import io.slotbeam.core.slots.CircuitParams;
import io.slotbeam.core.vectors.WorkedExampleFile;
import io.slotbeam.prover.circuit.ProvingCircuit;
import io.slotbeam.prover.groth16.NativeVerifier;
import io.slotbeam.prover.setup.DevSetupFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code slotbeam prove-slots}: a slot of the encoded worked example proves and its proof verifies
 * under the circuit's key; usage errors name the rule before anything runs.
 */
class ProveSlotsCommandTest extends CliTest {
  private static final String VERIFIABLE = "zDvZRwzky136jJX797oz5LgmX8YVxYuisRoLCuXqUZRowePcXkX2";
  private static final String CHALLENGE = "00".repeat(31) + "07";

  @TempDir Path dir;

  @Test
  void provesTheSlotsOfAManifestAndSaysWhereTheProofsAre() throws Exception {
    Path file = Files.write(dir.resolve("worked.bin"), WorkedExampleFile.bytes());
    Path repo = dir.resolve("repo");
    assertEquals(0, run("encode", file.toString(), "--repo", repo.toString(), "--ec-k", "2", "--ec-m", "1"), stderr());
    Path circuit = ProvingCircuit.devFolder(RepositoryRoot.get(), CircuitParams.SMALL);
    Path out = dir.resolve("out");
    assertEquals(0, run("prove-slots", "--repo", repo.toString(), "--manifest", VERIFIABLE, "--slots", "1",
        "--circuit", circuit.toString(), "--challenge", CHALLENGE, "--out", out.toString()), stderr());
    assertTrue(stdout().contains("1 proofs verified, 0 failed"), stdout());
    assertTrue(stdout().contains("records  " + out.toAbsolutePath().resolve("records")), stdout());

    Path proof = out.resolve("proofs/" + VERIFIABLE + "/slot-1/period-0");
    var vk = Groth16Json.readVerificationKey(Files.readString(circuit.resolve(DevSetupFiles.VERIFICATION_KEY)));
    var publics = Groth16Json.readPublic(Files.readString(proof.resolve("public.json")));
    assertEquals("1", publics.get(2).toString());
    assertTrue(new NativeVerifier().verify(vk, publics, Groth16Json.readProof(Files.readString(proof.resolve("proof.json")))));
  }

  @Test
  void usageErrorsNameTheRule() {
    String[] common = {"prove-slots", "--repo", dir.toString(), "--circuit", dir.toString(), "--out", dir.toString()};
    assertEquals(2, run(concat(common, "--challenge", CHALLENGE)));
    assertTrue(stderr().contains("give the slots with --manifest CID [--slots 0,2,...] or with --list FILE"), stderr());
    assertEquals(2, run(concat(common, "--manifest", VERIFIABLE)));
    assertTrue(stderr().contains("give --challenge HEX (batch mode) or --period SECONDS (periodic mode)"), stderr());
    assertEquals(2, run(concat(common, "--manifest", VERIFIABLE, "--challenge", CHALLENGE, "--periods", "3")));
    assertTrue(stderr().contains("--periods and --seed are for periodic mode (--period)"), stderr());
    assertEquals(2, run(concat(common, "--manifest", VERIFIABLE, "--period", "0")));
    assertTrue(stderr().contains("--period 0 is not in [1, "), stderr());
  }

  private static String[] concat(String[] head, String... tail) {
    String[] all = new String[head.length + tail.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    return all;
  }
}
