package io.slotbeam.tools;

import io.slotbeam.pipelines.EncodeMetrics;
import io.slotbeam.pipelines.ProveMetrics;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;

/**
 * A one-line progress display on a terminal while a pipeline runs, from one of its Beam counters:
 * units done of a total, rate and ETA. For encode, bytes and blocks: the slowest step sets the
 * pace, so progress counts the blocks hashed for slots when erasure-coding and the blocks stored
 * otherwise. For prove-slots, proofs. Shows nothing when stderr is not a terminal or the runner
 * reports no counters until it is done.
 */
final class PipelineProgress implements AutoCloseable {
  private static final double MIB = 1024.0 * 1024.0;

  /** The line shown for {@code done} of {@code total} units after {@code seconds}. */
  private interface Line {
    String format(long done, long total, double seconds);
  }

  private final PipelineResult result;
  private final PrintStream err = System.err;
  private final List<String> counters;
  private final long totalUnits;
  private final Line line;
  private final long started = System.nanoTime();
  private final ScheduledExecutorService timer;

  private PipelineProgress(PipelineResult result, List<String> counters, long totalUnits, Line line) {
    this.result = result;
    this.counters = counters;
    this.totalUnits = totalUnits;
    this.line = line;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "pipeline-progress");
      thread.setDaemon(true);
      return thread;
    });
    timer.scheduleAtFixedRate(this::show, 1, 1, TimeUnit.SECONDS);
  }

  /** Starts showing progress of {@code result} if stderr is a terminal; otherwise does nothing. */
  static PipelineProgress forEncode(PipelineResult result, EncodeArguments arguments) {
    if (System.console() == null) {
      return null;
    }
    long units = 0;
    long bytes = 0;
    try {
      for (MatchResult match : FileSystems.match(arguments.inputs())) {
        for (MatchResult.Metadata file : match.metadata()) {
          long blocks = Math.floorDiv(file.sizeBytes() + arguments.blockSize() - 1, arguments.blockSize());
          long steps = arguments.ecK() == 0 ? 0 : Math.floorDiv(blocks + arguments.ecK() - 1, arguments.ecK());
          units += arguments.ecK() == 0 ? blocks : steps * (arguments.ecK() + arguments.ecM());
          bytes += file.sizeBytes();
        }
      }
    } catch (IOException e) {
      return null; // the pipeline reports what is wrong with its inputs
    }
    String counter = arguments.ecK() == 0 ? EncodeMetrics.BLOCKS : EncodeMetrics.SLOT_BLOCKS;
    long totalBytes = bytes;
    return new PipelineProgress(result, List.of(counter), units, (done, total, seconds) -> {
      double fraction = total == 0 ? 1 : Math.min(1.0, (double) done / total);
      double bytesDone = fraction * totalBytes;
      double rate = bytesDone / seconds;
      return String.format(
          "encode: %,.1f of %,.1f MiB, %,d of %,d blocks, %,.1f MiB/s, ETA %s",
          bytesDone / MIB, totalBytes / MIB, done, total, rate / MIB,
          rate > 0 ? duration((totalBytes - bytesDone) / rate) : "--:--");
    });
  }

  /**
   * Starts showing (slot, period) tasks done, proved or failed, of {@code totalProofs} (0 when the
   * run has no end) if stderr is a terminal; otherwise does nothing.
   */
  static PipelineProgress forProofs(PipelineResult result, long totalProofs) {
    if (System.console() == null) {
      return null;
    }
    return new PipelineProgress(result, List.of(ProveMetrics.PROOFS, ProveMetrics.PROOF_FAILURES), totalProofs, (done, total, seconds) -> {
      double rate = done / seconds;
      String eta = total == 0 ? "until stopped" : "ETA " + (rate > 0 ? duration((total - done) / rate) : "--:--");
      return String.format(
          "prove-slots: %,d%s proofs, %.2f proofs/s, %s", done, total == 0 ? "" : String.format(" of %,d", total),
          rate, eta);
    });
  }

  private void show() {
    long done;
    try {
      done = 0;
      for (String counter : counters) {
        done += attempted(result, counter);
      }
    } catch (RuntimeException e) {
      return; // this runner has no counters while it runs
    }
    err.print("\r" + line.format(done, totalUnits, (System.nanoTime() - started) / 1e9) + "   ");
  }

  /** The attempted value of counter {@code name}, summed over the steps that count it. */
  static long attempted(PipelineResult result, String name) {
    long sum = 0;
    for (MetricResult<Long> c :
        result
            .metrics()
            .queryMetrics(
                MetricsFilter.builder().addNameFilter(MetricNameFilter.named(EncodeMetrics.NAMESPACE, name)).build())
            .getCounters()) {
      sum += c.getAttempted();
    }
    return sum;
  }

  private static String duration(double seconds) {
    long s = Math.round(seconds);
    return String.format("%d:%02d", s / 60, s % 60);
  }

  @Override
  public void close() {
    timer.shutdownNow();
    err.println();
  }
}
