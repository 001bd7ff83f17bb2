package io.slotbeam.benchmarks;

import io.slotbeam.circuits.Witness;
import io.slotbeam.circuits.WitnessCalculator;
import io.slotbeam.core.slots.ProofInput;
import io.slotbeam.core.slots.ProofInputJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The witness of the full Codex circuit (32,8,5,67,5) for the upstream fixture, computed three
 * ways in the same run: in this JVM (Chicory), by circom's {@code generate_witness.js} under node,
 * and by {@code snarkjs wtns calculate} (both including their process start, as a host would run
 * them). {@code jvmFirstWitness} loads the wasm and computes one witness, as a fresh process does.
 *
 * <p>Run from the repository root: {@code java -jar benchmarks/target/benchmarks.jar Witness}. The
 * circuit is built (or reused) under {@code benchmarks/target/circuits}; the fixture is read in place
 * from {@code ../shared/vectors}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class WitnessBenchmark {
  private static final String PARAMS = "32,8,5,67,5";

  private Path root;
  private Path wasm;
  private Path inputFile;
  private Path work;
  private ProofInput input;
  private WitnessCalculator calculator;

  @Setup
  public void setUp() throws IOException, InterruptedException {
    root = Path.of("").toAbsolutePath();
    Path circuit = root.resolve("benchmarks/target/circuits").resolve(PARAMS);
    run(List.of("bash", "circuits/src/main/scripts/build-circuit.sh", PARAMS, circuit.toString()));
    wasm = circuit.resolve("sample_and_prove_js/sample_and_prove.wasm");
    inputFile = root.resolve("../shared/vectors/codex/circuit-input-fixture.json").normalize();
    input = ProofInputJson.parse(Files.readString(inputFile));
    work = Files.createTempDirectory("slotbeam-witness-");
    calculator = WitnessCalculator.load(wasm);
  }

  @Benchmark
  public Witness jvmSteadyState() {
    return calculator.calculate(input);
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 1)
  @Measurement(iterations = 5)
  public Witness jvmFirstWitness() throws IOException {
    return WitnessCalculator.load(wasm).calculate(input);
  }

  @Benchmark
  public int nodeGenerateWitness() throws IOException, InterruptedException {
    Path script = wasm.getParent().resolve("generate_witness.js");
    return run(List.of("node", script.toString(), wasm.toString(), inputFile.toString(), work.resolve("node.wtns").toString()));
  }

  @Benchmark
  public int snarkjsWtnsCalculate() throws IOException, InterruptedException {
    return run(
        List.of(
            "node", "node_modules/snarkjs/build/cli.cjs", "wtns", "calculate",
            wasm.toString(), inputFile.toString(), work.resolve("snarkjs.wtns").toString()));
  }

  private int run(List<String> command) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
    process.getInputStream().readAllBytes();
    int status = process.waitFor();
    if (status != 0) {
      throw new IllegalStateException(command + " failed with status " + status);
    }
    return status;
  }
}
