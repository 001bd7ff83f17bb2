package io.slotbeam.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.field.Fr;
import io.slotbeam.core.manifest.Manifest;
import io.slotbeam.core.manifest.StoredManifests;
import io.slotbeam.core.slots.CircuitParams;
import io.slotbeam.core.store.FileBlockStore;
import io.slotbeam.pipelines.EncodeMetrics;
import io.slotbeam.pipelines.EncodePipeline;
import io.slotbeam.pipelines.ProveMetrics;
import io.slotbeam.pipelines.ProvePipeline;
import io.slotbeam.prover.circuit.ProvingCircuit;
import io.slotbeam.prover.circuit.SlotProof;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricsFilter;
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
 * Issue 19's target: proving 8 slots in batch with the prove pipeline (DirectRunner, one worker per
 * core, the default 2 proofs at once sharing the native prover's threads) against one proof with
 * all cores ({@code ProvingCircuit.proveSlot} alone). Batching should cost at most 10%: 8 /
 * (batch's s/op) ≥ 0.9 / (one proof's s/op). The dataset: 6 random blocks of 64 KiB, K = 6, M =
 * 2, so 8 slots of one block, proved with the small circuit and a development setup (built once
 * into the user's cache). Run from the checkout: {@code java -jar benchmarks/target/benchmarks.jar
 * ProveSlots -f 1 -wi 2 -i 3 -w 1s -r 1s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--add-opens=java.base/java.nio=ALL-UNNAMED"})
public class ProveSlotsBenchmark {
  private static final int SLOTS = 8;
  private static final String CHALLENGE = "00".repeat(31) + "2a";

  private Path work;
  private Path circuitFolder;
  private ProvingCircuit circuit;
  private FileBlockStore store;
  private Manifest verifiable;
  private List<String> slots;
  private int run;

  @Setup
  public void setUp() throws IOException {
    work = Files.createTempDirectory("slotbeam-prove-bench-");
    byte[] data = new byte[6 * 65536];
    new Random(19).nextBytes(data);
    Path file = Files.write(work.resolve("data.bin"), data);
    Path summary = work.resolve("summary.json");
    EncodePipeline.create(EncodePipeline.options("--runner=DirectRunner", "--inputs=" + file,
            "--repo=" + work.resolve("repo"), "--summary=" + summary, "--ecK=6", "--ecM=2"))
        .run()
        .waitUntilFinish();
    Cid cid = Cid.parse(new ObjectMapper().readTree(summary.toFile()).get(0).get("verifiable").get("manifestCid").asText());
    store = FileBlockStore.attach(work.resolve("repo"));
    verifiable = StoredManifests.get(store, cid);
    circuitFolder =
        ProvingCircuit.devFolder(Path.of(System.getProperty("slotbeam.root", ".")).toAbsolutePath(), CircuitParams.SMALL);
    circuit = ProvingCircuit.open(circuitFolder);
    slots = new ArrayList<>();
    for (int slot = 0; slot < SLOTS; slot++) {
      slots.add(cid + ":" + slot);
    }
  }

  /** One proof at a time, all cores on it: witness, native proof, native verification. */
  @Benchmark
  public SlotProof oneProofWithAllCores() throws IOException {
    SlotProof proof = circuit.proveSlot(store, verifiable, run++ % SLOTS, Fr.of(42));
    if (!proof.verified()) {
      throw new IllegalStateException("a benchmark proof did not verify");
    }
    return proof;
  }

  /** The prove pipeline on 8 slots: Beam's start, sampling, proofs, files and the Arrow records. */
  @Benchmark
  public long eightSlotsInBatch() throws IOException {
    PipelineResult result = ProvePipeline.create(
            ProvePipeline.options("--runner=DirectRunner",
                "--targetParallelism=" + Runtime.getRuntime().availableProcessors(),
                "--repo=" + work.resolve("repo"), "--circuit=" + circuitFolder,
                "--out=" + work.resolve("out-" + run++), "--slots=" + String.join(",", slots),
                "--challenge=" + CHALLENGE))
        .run();
    result.waitUntilFinish();
    long proved = result.metrics()
        .queryMetrics(MetricsFilter.builder()
            .addNameFilter(MetricNameFilter.named(EncodeMetrics.NAMESPACE, ProveMetrics.PROOFS)).build())
        .getCounters().iterator().next().getAttempted();
    if (proved != SLOTS) {
      throw new IllegalStateException(proved + " of " + SLOTS + " benchmark proofs verified");
    }
    return proved;
  }

  @TearDown
  public void tearDown() throws IOException {
    circuit.close();
    ScratchFiles.delete(work);
  }
}
