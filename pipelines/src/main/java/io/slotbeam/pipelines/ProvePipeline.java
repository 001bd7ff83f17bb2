package io.slotbeam.pipelines;

import io.slotbeam.prover.circuit.ProvingCircuit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.PeriodicImpulse;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * The prove pipeline: storage proofs of many slots, for one challenge (batch mode) or a new
 * challenge every period (periodic mode), by parallel workers, every proof verified before it is
 * written, every outcome recorded.
 *
 * <pre>
 * batch:    ListSlots ──────────────▶ ChallengeEachSlot ─▶ ProveSlots ─▶ WriteProofRecords
 * periodic: Tick (PeriodicImpulse) ─▶ ChallengeEachPeriod ─┘  (records/period-P.arrow per window)
 * </pre>
 *
 * The challenge of period P is {@code SHA-256(seed ‖ P)} ({@link Challenges#ofPeriod}); periods
 * count from 0 at the pipeline's start. Periodic mode needs a runner that runs Beam's unbounded
 * {@code PeriodicImpulse}: the DirectRunner and Flink do; the Spark runner is refused.
 */
public final class ProvePipeline {
  private ProvePipeline() {}

  /** The options of {@code args} ({@code --repo=…}, {@code --slots=…}, runner options), checked. */
  public static ProveOptions options(String... args) {
    PipelineOptionsFactory.register(ProveOptions.class);
    return PipelineOptionsFactory.fromArgs(args).withValidation().as(ProveOptions.class);
  }

  /**
   * The pipeline for {@code options}, not yet run. Checks everything it can first, naming what
   * is wrong: the slots, the challenge or period, the repository, and the circuit folder, which it
   * opens (so a worker in this JVM finds it ready).
   */
  public static Pipeline create(ProveOptions options) throws IOException {
    List<SlotTarget> slots = slots(options);
    if (options.getMaxConcurrentProofs() < 1) {
      throw new IllegalArgumentException(
          "maxConcurrentProofs " + options.getMaxConcurrentProofs() + " must be at least 1");
    }
    Path repo = Path.of(options.getRepo());
    if (!Files.isDirectory(repo.resolve("blocks"))) {
      throw new IllegalArgumentException("no block repository at " + repo + " (no blocks/ folder)");
    }
    SharedCircuits.get(Path.of(options.getCircuit()), options.getMaxConcurrentProofs());
    Files.createDirectories(Path.of(options.getOut()));

    Pipeline pipeline = Pipeline.create(options);
    PCollection<ProofTask> tasks =
        options.getPeriod() == 0 ? batchTasks(pipeline, options, slots) : periodicTasks(pipeline, options, slots);
    tasks
        .apply(
            "ProveSlots",
            new ProveSlots(options.getRepo(), options.getCircuit(), options.getOut(), options.getMaxConcurrentProofs()))
        .apply("WriteProofRecords", new WriteProofRecords(options.getOut()));
    return pipeline;
  }

  /** How many slots {@code options} name, each counted once; the message names a bad one. */
  public static int slotCount(ProveOptions options) throws IOException {
    return slots(options).size();
  }

  /** The slots of {@code --slots} and {@code --slotList}, in order, each once. */
  static List<SlotTarget> slots(ProveOptions options) throws IOException {
    Set<SlotTarget> slots = new LinkedHashSet<>();
    List<String> inline = options.getSlots() == null ? List.of() : options.getSlots();
    for (int i = 0; i < inline.size(); i++) {
      slots.add(SlotTarget.parse(inline.get(i), "slots entry " + (i + 1)));
    }
    if (options.getSlotList() != null) {
      Path list = Path.of(options.getSlotList());
      List<String> lines = Files.readAllLines(list, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).replaceFirst("#.*", "").trim();
        if (!line.isEmpty()) {
          slots.add(SlotTarget.parse(line, "line " + (i + 1) + " of " + list));
        }
      }
    }
    if (slots.isEmpty()) {
      throw new IllegalArgumentException("no slots to prove: give --slots=CID:SLOT,… or --slotList=FILE");
    }
    return new ArrayList<>(slots);
  }

  private static PCollection<ProofTask> batchTasks(Pipeline pipeline, ProveOptions options, List<SlotTarget> slots) {
    if (options.getChallenge() == null) {
      throw new IllegalArgumentException("batch mode needs --challenge=HEX (or --period=SECONDS for periodic mode)");
    }
    if (options.getPeriods() != 0) {
      throw new IllegalArgumentException("--periods=" + options.getPeriods() + " needs --period=SECONDS");
    }
    String challenge = Challenges.hex(Challenges.parse(options.getChallenge()));
    return pipeline
        .apply("ListSlots", Create.of(slots).withCoder(SlotTarget.CODER))
        .apply(
            "ChallengeEachSlot",
            MapElements.into(TypeDescriptor.of(ProofTask.class)).via(slot -> new ProofTask(slot, 0, challenge)))
        .setCoder(ProofTask.CODER);
  }

  private static PCollection<ProofTask> periodicTasks(
      Pipeline pipeline, ProveOptions options, List<SlotTarget> slots) {
    String runner = options.getRunner().getSimpleName();
    if (runner.startsWith("Spark")) {
      throw new IllegalArgumentException(
          "periodic mode (--period) is not supported on the " + runner + ": its batch mode cannot run Beam's"
              + " unbounded PeriodicImpulse; use the DirectRunner or the FlinkRunner, or batch mode (--challenge)");
    }
    if (options.getChallenge() != null) {
      throw new IllegalArgumentException(
          "--challenge is for batch mode; periodic mode derives each period's challenge from --seed");
    }
    if (options.getPeriod() < 0 || options.getPeriods() < 0) {
      throw new IllegalArgumentException(
          "--period=" + options.getPeriod() + " and --periods=" + options.getPeriods() + " must not be negative");
    }
    Duration period = Duration.standardSeconds(options.getPeriod());
    Instant start = Instant.now();
    PeriodicImpulse ticks = PeriodicImpulse.create().startAt(start).withInterval(period).applyWindowing();
    if (options.getPeriods() > 0) {
      // half a period after the last tick: the last one fires whether the bound is inclusive or not
      ticks = ticks.stopAt(start.plus(period.multipliedBy(options.getPeriods() - 1)).plus(period.dividedBy(2)));
    }
    List<String> targets = slots.stream().map(SlotTarget::toString).toList();
    return pipeline
        .apply("Tick", ticks)
        .apply(
            "ChallengeEachPeriod",
            ParDo.of(
                new PeriodTasksFn(
                    start.getMillis(), period.getMillis(), options.getSeed().getBytes(StandardCharsets.UTF_8), targets)))
        .setCoder(ProofTask.CODER);
  }

  /** A tick to the period's task of every slot, with the period's challenge. */
  private static final class PeriodTasksFn extends DoFn<Instant, ProofTask> {
    private final long startMillis;
    private final long periodMillis;
    private final byte[] seed;
    private final List<String> slots;

    PeriodTasksFn(long startMillis, long periodMillis, byte[] seed, List<String> slots) {
      this.startMillis = startMillis;
      this.periodMillis = periodMillis;
      this.seed = seed;
      this.slots = new ArrayList<>(slots);
    }

    @ProcessElement
    public void tasks(@Element Instant tick, OutputReceiver<ProofTask> out) {
      long period = Math.floorDiv(tick.getMillis() - startMillis, periodMillis);
      String challenge = Challenges.hex(Challenges.ofPeriod(seed, period));
      for (String slot : slots) {
        out.output(new ProofTask(SlotTarget.parse(slot, "slot"), period, challenge));
      }
    }
  }
}
