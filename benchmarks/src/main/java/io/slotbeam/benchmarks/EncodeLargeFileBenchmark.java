package io.slotbeam.benchmarks;

import io.slotbeam.core.dataset.Upload;
import io.slotbeam.core.erasure.DatasetEncoder;
import io.slotbeam.core.erasure.LeopardEncoder;
import io.slotbeam.core.store.FileBlockStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
  private static final long GIB = 1L << 30;

  @Param("4")
  public int gibibytes;

  private Path workDir;
  private Path file;

  @Setup(Level.Trial)
  public void createFile() throws IOException {
    workDir = Files.createTempDirectory("slotbeam-large-");
    FileStore disk = Files.getFileStore(workDir);
    long needed = gibibytes * GIB * 5 / 2;
    if (disk.getUsableSpace() < needed) {
      deleteWorkDir();
      throw new IllegalStateException(
          "needs " + needed / GIB + " GiB free in " + workDir.getParent() + ", has "
              + disk.getUsableSpace() / GIB);
    }
    file = workDir.resolve("input.bin");
    byte[] chunk = new byte[1 << 20];
    Random random = new Random(4);
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long written = 0; written < gibibytes * GIB; written += chunk.length) {
        random.nextBytes(chunk);
        out.write(chunk);
      }
    }
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
    try (Stream<Path> paths = Files.walk(workDir)) {
      for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(path);
      }
    }
  }
}
