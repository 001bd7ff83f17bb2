package io.slotbeam.circuits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotbeam.core.field.Fr;
import io.slotbeam.core.slots.ProofInput;
import io.slotbeam.core.slots.ProofInputJson;
import io.slotbeam.core.vectors.Vectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * The storage-proof circuits the build compiled: the JVM witness equals snarkjs's {@code .wtns}
 * byte for byte, for the full circuit on the upstream fixture and for the small circuit on an
 * input of our sampler.
 */
class WitnessCompiledCircuitTest {
  @Test
  void fullCircuitWitnessOfTheUpstreamFixtureEqualsSnarkjs() throws IOException {
    String json = Files.readString(Vectors.file("codex/circuit-input-fixture.json"));
    assertSameAsSnarkjs(CircuitTools.wasm(CircuitTools.circuit(CircuitTools.FULL)), json);
  }

  @Test
  void smallCircuitWitnessOfOurSamplerEqualsSnarkjs() throws IOException {
    ExecutorService workers = Executors.newFixedThreadPool(2);
    try {
      ProofInput input = CircuitTools.smallDataset(150000, 2, 1, workers).sample(1, Fr.of(424242));
      assertSameAsSnarkjs(
          CircuitTools.wasm(CircuitTools.circuit(CircuitTools.SMALL)), ProofInputJson.toJsonString(input));
    } finally {
      workers.shutdownNow();
    }
  }

  private static void assertSameAsSnarkjs(Path wasm, String json) throws IOException {
    WitnessCalculator calculator = WitnessCalculator.load(wasm);
    ProofInput input = ProofInputJson.parse(json);
    Witness witness = calculator.calculate(input);
    assertEquals(witness, calculator.calculate(input), "a second witness from the same instance");
    assertArrayEquals(WitnessCircuits.snarkjs(wasm, json), WitnessFile.toBytes(witness));
  }
}
