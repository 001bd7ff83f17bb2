package io.slotbeam.benchmarks;

import io.slotbeam.core.groth16.Fp12;
import io.slotbeam.core.groth16.Groth16Json;
import io.slotbeam.core.groth16.Proof;
import io.slotbeam.core.groth16.PublicInputs;
import io.slotbeam.core.groth16.VerificationKey;
import io.slotbeam.prover.bn254.Pairing;
import io.slotbeam.prover.groth16.NativeVerifier;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One Groth16 verification of the upstream hardhat example proof (spec datapath §10.7: 3 public
 * inputs) with {@link NativeVerifier}, on one thread: the whole call, i.e. packing, the on-curve
 * and G2 subgroup checks of all seven points, vk_x, four Miller loops and one final
 * exponentiation ({@code verifyCpuTime} also prints the thread's CPU time per call). {@code
 * pairing} is a single e(P, Q) for comparison. Target: ≤ 5 ms (rapidsnark's
 * verifier takes 4.6 ms on the project's reference machine).
 *
 * <p>Run from the repository root: {@code java -jar benchmarks/target/benchmarks.jar Verify}; the
 * vector is read in place from {@code ../shared/vectors}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class VerifyBenchmark {
  private final NativeVerifier verifier = new NativeVerifier();
  private VerificationKey key;
  private Proof proof;
  private PublicInputs inputs;

  @Setup
  public void setUp() throws IOException {
    Path vectors = Path.of("").toAbsolutePath().resolve("../shared/vectors/codex").normalize();
    key = Groth16Json.readVerificationKey(Files.readString(vectors.resolve("hardhat-verification-key.json")));
    proof = Groth16Json.readProof(Files.readString(vectors.resolve("hardhat-example-proof.json")));
    inputs = Groth16Json.readPublic(Files.readString(vectors.resolve("hardhat-example-public.json")));
    if (!verifier.verify(key, inputs, proof)) {
      throw new IllegalStateException("the hardhat example proof does not verify");
    }
  }

  @Benchmark
  public boolean verify() {
    return verifier.verify(key, inputs, proof);
  }

  /**
   * {@link #verify} with the thread's CPU time per call printed after each iteration: on a shared
   * machine the wall-clock score counts the time the thread waited for a core, this does not.
   */
  @Benchmark
  public boolean verifyCpuTime(CpuTime cpu) {
    long start = CpuTime.THREADS.getCurrentThreadCpuTime();
    boolean valid = verifier.verify(key, inputs, proof);
    cpu.nanos += CpuTime.THREADS.getCurrentThreadCpuTime() - start;
    cpu.calls++;
    return valid;
  }

  /** Thread CPU time of {@link #verifyCpuTime}, printed per measurement iteration. */
  @State(Scope.Thread)
  public static class CpuTime {
    static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    long nanos;
    long calls;

    @TearDown(Level.Iteration)
    public void print() {
      System.out.printf("  [thread CPU time: %.3f ms per verify over %d calls]%n", nanos / 1e6 / calls, calls);
      nanos = 0;
      calls = 0;
    }
  }

  @Benchmark
  public Fp12 pairing() {
    return Pairing.pair(key.alpha1(), key.beta2());
  }
}
