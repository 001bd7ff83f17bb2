package io.slotbeam.benchmarks;

import io.slotbeam.pipelines.EncodePipeline;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.beam.sdk.PipelineResult;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Timeout;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole encode pipeline (chunk, erasure K = 8, M = 2, slots with 2 KiB cells) over a generated
 * file on the DirectRunner with 2 workers and the fastest block hasher, in a JVM limited to {@code
 * -Xmx1g}. The slots hash (8 + 2) / 8 of the file, so 1.25 × 1.048576 × mebibytes / score is the
 * rate in MB/s to compare with {@code SlotBuildBenchmark} at 2 threads (the slot builder alone,
 * same unit); the difference is the cost of chunking, erasure coding, the store and Beam. Run both
 * in one command so that they see the same machine: {@code java -jar
 * benchmarks/target/benchmarks.jar 'EncodePipeline|SlotBuild' -p threads=2 -p hasher=native -f 1
 * -wi 2 -i 3 -w 1s -r 1s}. With {@code -p mebibytes=1024} it also shows that memory stays bounded
 * by blocks and batches; prints the peak heap at the end.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Timeout(time = 60, timeUnit = TimeUnit.MINUTES) // a busy 2-core machine hashes 1.25 GiB slowly (mebibytes=1024)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx1g"})
public class EncodePipelineBenchmark {
  @Param("64")
  public int mebibytes;

  @Param("2")
  public int workers;

  private Path workDir;
  private Path file;

  @Setup(Level.Trial)
  public void createFile() throws IOException {
    long bytes = mebibytes * (1L << 20);
    file = ScratchFiles.randomFile("slotbeam-pipeline-", bytes, bytes * 3, 18);
    workDir = file.getParent();
  }

  @Setup(Level.Iteration)
  public void emptyRepository() throws IOException {
    ScratchFiles.delete(workDir.resolve("repo"));
  }

  @Benchmark
  public PipelineResult.State encodeOnTheDirectRunner() throws IOException {
    return EncodePipeline.create(
            EncodePipeline.options(
                "--runner=DirectRunner",
                "--targetParallelism=" + workers,
                "--inputs=" + file,
                "--repo=" + workDir.resolve("repo"),
                "--summary=" + workDir.resolve("summary.json"),
                "--ecK=8",
                "--ecM=2"))
        .run()
        .waitUntilFinish();
  }

  @TearDown(Level.Trial)
  public void deleteWorkDir() throws IOException {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf("%npeak heap (sum of the pools' peaks) %,d MiB%n", peak >> 20);
    ScratchFiles.delete(workDir);
  }
}
