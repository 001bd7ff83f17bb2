package io.slotbeam.benchmarks;

import io.slotbeam.core.dataset.Upload;
import io.slotbeam.core.erasure.DatasetEncoder;
import io.slotbeam.core.erasure.LeopardEncoder;
import io.slotbeam.core.store.FileBlockStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Stores and erasure-codes (K = 10, M = 4) a 4 GiB file into a file-system repository in a JVM
 * limited to {@code -Xmx512m}: it passes only if memory stays bounded by blocks, not by the file.
 * Checks free disk space first (file + repository need about 10 GiB) and deletes everything after.
 * Run alone: {@code java -jar benchmarks/target/benchmarks.jar EncodeLargeFile}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx512m"})
public class EncodeLargeFileBenchmark {
  private static final long GIB = ScratchFiles.GIB;

  @Param("4")
  public int gibibytes;

  private Path workDir;
  private Path file;

  @Setup(Level.Trial)
  public void createFile() throws IOException {
    file = ScratchFiles.randomFile("slotbeam-large-", gibibytes * GIB, gibibytes * GIB * 5 / 2, 4);
    workDir = file.getParent();
  }

  @Benchmark
  public Upload.Stored encodeWithErasure() throws IOException {
    FileBlockStore store = FileBlockStore.open(workDir.resolve("repo"));
    ExecutorService workers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    try (InputStream in = Files.newInputStream(file)) {
      Upload.Stored plain = Upload.store(in, 65536, Optional.empty(), Optional.empty(), store);
      return new DatasetEncoder(store, workers, LeopardEncoder.fastest()).protect(plain.manifest(), 10, 4);
    } finally {
      workers.shutdownNow();
    }
  }

  @TearDown(Level.Trial)
  public void deleteWorkDir() throws IOException {
    ScratchFiles.delete(workDir);
  }
}
