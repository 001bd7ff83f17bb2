package io.slotbeam.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotbeam.circuits.CircuitBuild;
import io.slotbeam.core.vectors.Vectors;
import io.slotbeam.prover.setup.DevSetupFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code slotbeam prove} refuses, naming the problem, an input for other circuit parameters and
 * a circuit folder without its proving key, before any witness or proof work. (Proofs themselves
 * are checked by snarkjs in prover-native's NativeProverTest.)
 */
class ProveCommandTest extends CliTest {
  @TempDir Path dir;



  /** A folder laid out as 'circuits build' leaves it, stamped for {@code params}. */
  private Path circuitFolder(String params, boolean withKey) throws IOException {
    Path circuit = dir.resolve("circuit");
    Files.createDirectories(CircuitBuild.wasm(circuit).getParent());
    Files.write(CircuitBuild.wasm(circuit), new byte[] {0, 'a', 's', 'm'});
    Files.writeString(circuit.resolve("params"), params + " (circom2 0.2.23, circomlib 2.0.5)\n");
    if (withKey) {
      Files.write(circuit.resolve(DevSetupFiles.ZKEY), new byte[] {'z', 'k', 'e', 'y'});
    }
    return circuit;
  }

  @Test
  void anInputForOtherParametersIsAClearError() throws IOException {
    Path circuit = circuitFolder("8,3,5,67,2", true);
    String fixture = Vectors.file("codex/circuit-input-fixture.json").toString(); // made for 32,8,5,67,5
    Path out = dir.resolve("out");
    assertEquals(1, run("prove", "--circuit", circuit.toString(), "--input", fixture, "--out", out.toString()));
    assertTrue(stderr().contains("proof input for circuit 8,3,5,67,2 fails"), stderr());
    assertFalse(Files.exists(out.resolve("proof.json")));
  }

  @Test
  void aCircuitWithoutItsProvingKeyIsAClearError() throws IOException {
    Path circuit = circuitFolder("32,8,5,67,5", false);
    String fixture = Vectors.file("codex/circuit-input-fixture.json").toString();
    assertEquals(
        1, run("prove", "--circuit", circuit.toString(), "--input", fixture, "--out", dir.resolve("out").toString()));
    assertTrue(stderr().contains("no proving key " + circuit.resolve(DevSetupFiles.ZKEY)), stderr());
  }
}
