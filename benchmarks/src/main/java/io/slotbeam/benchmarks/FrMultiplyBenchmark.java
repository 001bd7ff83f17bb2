package io.slotbeam.benchmarks;

import io.slotbeam.core.field.Fr;
import io.slotbeam.core.field.FrMontgomery;
import java.math.BigInteger;
import java.util.Random;
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
 * One Montgomery multiply in Fr. {@code multiplyChain} feeds each product into the next (latency,
 * as in the S-box); {@code multiplyIndependent} multiplies fixed operands (throughput).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FrMultiplyBenchmark {
  private final long[] a = new long[4];
  private final long[] b = new long[4];
  private final long[] product = new long[4];

  @Setup
  public void setUp() {
    Random random = new Random(1);
    Fr.of(new BigInteger(253, random)).copyMontgomeryLimbs(a, 0);
    Fr.of(new BigInteger(253, random)).copyMontgomeryLimbs(b, 0);
  }

  @Benchmark
  public long[] multiplyChain() {
    FrMontgomery.mul(a, 0, b, 0, a, 0);
    return a;
  }

  @Benchmark
  public long[] multiplyIndependent() {
    FrMontgomery.mul(a, 0, b, 0, product, 0);
    return product;
  }
}
