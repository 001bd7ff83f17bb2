package io.slotbeam.benchmarks;

import io.slotbeam.prover.bn254.CurveGroup;
import io.slotbeam.prover.bn254.NativeField;
import io.slotbeam.prover.bn254.NativeMsm;
import java.math.BigInteger;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A native G1 multi-scalar multiplication ({@link NativeMsm}, Pippenger on the library's thread
 * pool) of 2^16 and 2^17 distinct points with uniform scalars below r, the worst case (circom
 * witnesses have many 0/1 scalars, which cost almost nothing). The time includes reading and
 * checking the points, as one call does. Run: {@code java -jar benchmarks/target/benchmarks.jar
 * MsmBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(1)
public class MsmBenchmark {
  @Param({"16", "17"})
  public int logPoints;

  private byte[] points;
  private byte[] scalars;

  @Setup(Level.Trial)
  public void setUp() {
    int n = 1 << logPoints;
    Random random = new Random(n);
    BigInteger r = NativeField.FR.modulus();
    byte[] generators = new byte[64 * n];
    byte[] multipliers = new byte[32 * n];
    scalars = new byte[32 * n];
    for (int i = 0; i < n; i++) {
      generators[64 * i] = 1; // (1, 2), the generator
      generators[64 * i + 32] = 2;
      writeLe(new BigInteger(254, random).mod(r), multipliers, 32 * i);
      writeLe(new BigInteger(254, random).mod(r), scalars, 32 * i);
    }
    points = CurveGroup.G1.multiply(generators, multipliers);
  }

  private static void writeLe(BigInteger value, byte[] out, int offset) {
    byte[] be = value.toByteArray();
    for (int i = 0; i < 32 && i < be.length; i++) {
      out[offset + i] = be[be.length - 1 - i];
    }
  }

  @Benchmark
  public byte[] g1Msm() {
    return NativeMsm.sum(CurveGroup.G1, points, scalars);
  }
}
