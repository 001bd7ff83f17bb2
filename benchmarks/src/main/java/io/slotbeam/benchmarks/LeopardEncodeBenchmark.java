package io.slotbeam.benchmarks;

import io.slotbeam.core.erasure.LeopardEncoder;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Leopard encoding of one group of 64 KiB blocks (Codex's block size) on one core, for K=10/M=4 and
 * K=32/M=16, on the fastest path this JVM has and on the scalar path. One operation is one byte of
 * input data, and the unit is nanoseconds, so the score reads directly as GB/s of input.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2) // the vector kernels take seconds to reach C2
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class LeopardEncodeBenchmark {
  private static final int BLOCK = 64 * 1024;

  @Param({"fastest", "scalar"})
  public String path;

  private LeopardEncoder encoder;
  private final byte[][] data10 = new byte[10][BLOCK];
  private final byte[][] parity4 = new byte[4][BLOCK];
  private final byte[][] data32 = new byte[32][BLOCK];
  private final byte[][] parity16 = new byte[16][BLOCK];

  @Setup
  public void setUp() {
    encoder = path.equals("scalar") ? LeopardEncoder.scalar() : LeopardEncoder.fastest();
    Random random = new Random(10);
    for (byte[] block : data10) {
      random.nextBytes(block);
    }
    for (byte[] block : data32) {
      random.nextBytes(block);
    }
  }

  @Benchmark
  @OperationsPerInvocation(10 * BLOCK)
  public byte[][] encode10Data4Parity() {
    encoder.encode(data10, parity4);
    return parity4;
  }

  @Benchmark
  @OperationsPerInvocation(32 * BLOCK)
  public byte[][] encode32Data16Parity() {
    encoder.encode(data32, parity16);
    return parity16;
  }
}
