package io.slotbeam.benchmarks;

import io.slotbeam.core.block.DatasetHasher;
import io.slotbeam.core.block.PlainDataset;
import java.io.ByteArrayInputStream;
import java.io.IOException;
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
 * Chunking a 64 MiB in-memory stream into 64 KiB blocks with their SHA-256 CIDs and the treeCid,
 * on one core. One operation is one byte, the unit nanoseconds: the score reads as GB/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class ChunkAndHashBenchmark {
  private static final int SIZE = 64 << 20;

  private final byte[] data = new byte[SIZE];

  @Setup
  public void setUp() {
    new Random(64).nextBytes(data);
  }

  @Benchmark
  @OperationsPerInvocation(SIZE)
  public PlainDataset chunkAndHash64MiB() throws IOException {
    return DatasetHasher.hash(new ByteArrayInputStream(data), 65536, block -> {});
  }
}
