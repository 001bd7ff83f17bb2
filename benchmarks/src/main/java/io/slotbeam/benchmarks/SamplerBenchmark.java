package io.slotbeam.benchmarks;

import io.slotbeam.core.dataset.Upload;
import io.slotbeam.core.erasure.DatasetEncoder;
import io.slotbeam.core.erasure.LeopardEncoder;
import io.slotbeam.core.field.Fr;
import io.slotbeam.core.hash.BlockHasher;
import io.slotbeam.core.hash.CellHasher;
import io.slotbeam.core.manifest.Manifest;
import io.slotbeam.core.slots.CircuitParams;
import io.slotbeam.core.slots.DatasetSlots;
import io.slotbeam.core.slots.ProofInput;
import io.slotbeam.core.slots.Sampler;
import io.slotbeam.core.store.FileBlockStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
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
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sampling one slot (5 samples, the Codex circuit's parameters) of a stored verifiable dataset:
 * 8 MiB in 64 KiB blocks, K = 3, M = 2, in a file-system repository in a temporary folder.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class SamplerBenchmark {
  private Path repo;
  private Sampler sampler;
  private Manifest manifest;
  private final Random random = new Random(5);

  @Setup
  public void setUp() throws IOException {
    repo = Files.createTempDirectory("slotbeam-sampler-");
    FileBlockStore store = FileBlockStore.open(repo);
    byte[] data = new byte[8 << 20];
    new Random(8).nextBytes(data);
    ExecutorService workers = Executors.newFixedThreadPool(2);
    try {
      Manifest plain =
          Upload.store(new ByteArrayInputStream(data), 65536, Optional.empty(), Optional.empty(), store)
              .manifest();
      Manifest protectedManifest =
          new DatasetEncoder(store, workers, LeopardEncoder.fastest()).protect(plain, 3, 2).manifest();
      manifest =
          new DatasetSlots(store, workers, BlockHasher.java())
              .build(protectedManifest, 2048)
              .verifiable()
              .manifest();
    } finally {
      workers.shutdownNow();
    }
    sampler = new Sampler(store, CellHasher.fastest());
  }

  @TearDown
  public void tearDown() throws IOException {
    try (Stream<Path> paths = Files.walk(repo)) {
      for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(path);
      }
    }
  }

  @Benchmark
  public ProofInput sampleOneSlot() throws IOException {
    return sampler.sample(manifest, 1, Fr.of(random.nextInt(Integer.MAX_VALUE)), CircuitParams.FULL);
  }
}
