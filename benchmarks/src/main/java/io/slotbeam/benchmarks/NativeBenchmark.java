package io.slotbeam.benchmarks;

import io.slotbeam.core.field.Fr;
import io.slotbeam.prover.bn254.NativeField;
import io.slotbeam.prover.bn254.NativePoseidon2;
import io.slotbeam.prover.hash.NativeBlockHasher;
import java.math.BigInteger;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * libslotbeam on one core: an Fr multiply and a Poseidon2 permutation, each measured as a chain of
 * dependent operations inside one native call (so the JNA call, about a microsecond, is spread
 * over the chain and does not show), and the root of one 64 KiB block in 2 KiB cells, one call
 * per block as slot building makes it. Compare with {@code FrMultiplyBenchmark} and {@code
 * Poseidon2Benchmark} (Java).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NativeBenchmark {
  private static final int MULTIPLIES = 1_000_000;
  private static final int PERMUTATIONS = 1_000;

  private final BigInteger a = new BigInteger("1234567891011121314151617181920");
  private final BigInteger b = NativeField.FR.modulus().subtract(BigInteger.valueOf(12345));
  private final byte[] block = new byte[65536];
  private NativeBlockHasher hasher;

  @Setup
  public void setUp() {
    new Random(64).nextBytes(block);
    hasher = NativeBlockHasher.load();
  }

  @Benchmark
  @OperationsPerInvocation(MULTIPLIES)
  public BigInteger frMultiply() {
    return NativeField.frMultiplyChain(a, b, MULTIPLIES);
  }

  @Benchmark
  @OperationsPerInvocation(PERMUTATIONS)
  public Fr[] permutation() {
    return NativePoseidon2.permute(Fr.of(0), Fr.of(1), Fr.of(2), PERMUTATIONS);
  }

  @Benchmark
  public Fr blockRoot64KiB() {
    return hasher.root(block, 0, block.length, 2048);
  }
}
