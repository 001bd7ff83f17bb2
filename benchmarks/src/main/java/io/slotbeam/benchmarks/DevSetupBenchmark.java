package io.slotbeam.benchmarks;

import io.slotbeam.circuits.R1csFile;
import io.slotbeam.prover.setup.ConstraintSystem;
import io.slotbeam.prover.setup.DevSetup;
import io.slotbeam.prover.setup.DevSetupFiles;
import io.slotbeam.prover.setup.DevSetupKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The development Groth16 setup of the small and the full Codex circuit, one shot per iteration:
 * {@code keyPoints} is {@link DevSetup} alone on the r1cs's constraint system (every point of the
 * key), {@code zkeyAndVerificationKey} is all of {@code slotbeam circuits setup --dev}: read the
 * r1cs, make the key, write the zkey and the verification key (whose {@code vk_alphabeta_12}
 * still comes from a snarkjs process, about 3 s). snarkjs needs a prepared 2^17 ptau (about
 * 2458 s) and 89 s of setup for the full circuit.
 *
 * <p>Run from the repository root after the circuits module's tests built the circuits under
 * {@code circuits/target/circuits}: {@code java -jar benchmarks/target/benchmarks.jar DevSetup
 * -f 1 -wi 1 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class DevSetupBenchmark {
  @Param({"8,3,5,67,2", "32,8,5,67,5"})
  public String params;

  private Path folder;
  private ConstraintSystem system;
  private final SecureRandom random = new SecureRandom();

  @Setup
  public void setUp() throws IOException {
    Path r1cs = Path.of("circuits/target/circuits", params, "sample_and_prove.r1cs").toAbsolutePath();
    if (!Files.isRegularFile(r1cs)) {
      throw new IllegalStateException(r1cs + " is missing: build the circuits first (mvn -pl circuits test)");
    }
    folder = Files.createTempDirectory("slotbeam-dev-setup-");
    Files.copy(r1cs, folder.resolve(r1cs.getFileName()));
    system = DevSetupFiles.constraintSystem(R1csFile.read(r1cs));
  }

  @Benchmark
  public DevSetupKey keyPoints() {
    return DevSetup.generate(system, random);
  }

  @Benchmark
  public Path zkeyAndVerificationKey() throws IOException {
    return DevSetupFiles.write(folder, random);
  }
}
