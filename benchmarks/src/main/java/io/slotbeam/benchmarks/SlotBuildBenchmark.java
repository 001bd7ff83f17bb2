package io.slotbeam.benchmarks;

import io.slotbeam.core.field.Fr;
import io.slotbeam.core.merkle.KeyedMerkleTree;
import io.slotbeam.core.slots.SlotBuilder;
import io.slotbeam.core.slots.SlotGeometry;
import io.slotbeam.prover.hash.BlockHashers;
import java.io.IOException;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Building one slot of 16 blocks of 64 KiB (2 KiB cells) from memory on 1 and 2 worker threads,
 * with the Java or the native block hasher: the Poseidon2-bound part of making a dataset
 * verifiable. One operation is one byte; the score in bytes per microsecond reads as MB/s.
 * Compare with {@code Poseidon2Benchmark.cell2KiBFastest} (2048 bytes per cell) or {@code
 * NativeBenchmark.blockRoot64KiB} (65536 bytes per block) times the threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 3) // the lane kernels take seconds to reach C2
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class SlotBuildBenchmark {
  private static final int BLOCK = 65536;
  private static final int BLOCKS = 16;

  @Param({"1", "2"})
  public int threads;

  @Param({"java", "native"})
  public String hasher;

  private final byte[][] blocks = new byte[BLOCKS][BLOCK];
  private ExecutorService workers;
  private SlotBuilder builder;

  @Setup
  public void setUp() {
    Random random = new Random(16);
    for (byte[] block : blocks) {
      random.nextBytes(block);
    }
    workers = Executors.newFixedThreadPool(threads);
    builder = new SlotBuilder(
            new SlotGeometry(BLOCK, 2048, BLOCKS), workers, BlockHashers.named(hasher));
  }

  @TearDown
  public void tearDown() {
    workers.shutdownNow();
  }

  @Benchmark
  @OperationsPerInvocation(BLOCKS * BLOCK)
  public KeyedMerkleTree<Fr> buildSlotOf16Blocks() throws IOException {
    return builder.build(position -> blocks[(int) position]);
  }
}
