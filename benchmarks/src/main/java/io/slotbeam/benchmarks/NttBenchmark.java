package io.slotbeam.benchmarks;

import io.slotbeam.core.field.Fr;
import io.slotbeam.prover.bn254.NativeNtt;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The native forward NTT of 2^17 Fr elements (the full circuit's domain) on one thread, in place
 * on packed bytes ({@link NativeNtt#transformInPlace}; the library converts into and out of
 * Montgomery form). Run: {@code java
 * -jar benchmarks/target/benchmarks.jar NttBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class NttBenchmark {
  private final byte[] values = new byte[Fr.BYTES << 17];

  @Setup(Level.Trial)
  public void setUp() {
    Random random = new Random(17);
    for (int i = 0; i < 1 << 17; i++) {
      System.arraycopy(Fr.of(new BigInteger(253, random)).toBytes(), 0, values, Fr.BYTES * i, Fr.BYTES);
    }
  }

  @Benchmark
  public byte[] forward2To17() {
    NativeNtt.transformInPlace(values, false); // each call transforms the previous output
    return values;
  }
}
