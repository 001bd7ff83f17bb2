package io.slotbeam.benchmarks;

import io.slotbeam.core.field.Fr;
import io.slotbeam.core.field.FrLanes;
import io.slotbeam.core.field.FrMontgomery;
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
 * One Montgomery multiply in Fr. {@code scalarChain} feeds each product into the next (latency,
 * as in an S-box); {@code scalarIndependent} multiplies fixed operands (throughput);
 * {@code lanes} multiplies {@link FrLanes#LANES} elements at once and reports the time per element.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2) // the lane kernels take seconds to reach C2
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class FrMultiplyBenchmark {
  private final long[] a = new long[4];
  private final long[] b = new long[4];
  private final long[] product = new long[4];
  private final long[] laneA = new long[FrLanes.ELEMENT_LONGS];
  private final long[] laneB = new long[FrLanes.ELEMENT_LONGS];

  @Setup
  public void setUp() {
    Random random = new Random(1);
    Fr.of(new BigInteger(253, random)).copyMontgomeryLimbs(a, 0);
    Fr.of(new BigInteger(253, random)).copyMontgomeryLimbs(b, 0);
    Fr[] left = new Fr[FrLanes.LANES];
    Fr[] right = new Fr[FrLanes.LANES];
    for (int lane = 0; lane < FrLanes.LANES; lane++) {
      left[lane] = Fr.of(new BigInteger(253, random));
      right[lane] = Fr.of(new BigInteger(253, random));
    }
    FrLanes.load(laneA, 0, left, 0, FrLanes.LANES);
    FrLanes.load(laneB, 0, right, 0, FrLanes.LANES);
  }

  @Benchmark
  public long[] scalarChain() {
    FrMontgomery.mul(a, 0, b, 0, a, 0);
    return a;
  }

  @Benchmark
  public long[] scalarIndependent() {
    FrMontgomery.mul(a, 0, b, 0, product, 0);
    return product;
  }

  @Benchmark
  @OperationsPerInvocation(8) // FrLanes.LANES on 512-bit vectors
  public long[] lanes() {
    FrLanes.mul(laneA, 0, laneB, 0, laneA, 0);
    return laneA;
  }
}
