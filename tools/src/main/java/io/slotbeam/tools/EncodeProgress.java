package io.slotbeam.tools;

import io.slotbeam.pipelines.EncodeMetrics;
import java.io.IOException;
import java.io.PrintStream;
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
 * A one-line progress display on a terminal while the encode pipeline runs: bytes and blocks
 * done, rate and ETA, from the pipeline's Beam counters. The slowest step sets the pace, so progress
 * counts the blocks hashed for slots when erasure-coding and the blocks stored otherwise. Shows
 * nothing when stderr is not a terminal or the runner reports no counters until it is done.
 */
final class EncodeProgress implements AutoCloseable {
  private static final double MIB = 1024.0 * 1024.0;

  private final PipelineResult result;
  private final PrintStream err = System.err;
  private final String counter;
  private final long totalUnits;
  private final long totalBytes;
  private final long started = System.nanoTime();
  private final ScheduledExecutorService timer;

  private EncodeProgress(PipelineResult result, String counter, long totalUnits, long totalBytes) {
    this.result = result;
    this.counter = counter;
    this.totalUnits = totalUnits;
    this.totalBytes = totalBytes;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "encode-progress");
      thread.setDaemon(true);
      return thread;
    });
    timer.scheduleAtFixedRate(this::show, 1, 1, TimeUnit.SECONDS);
  }

  /** Starts showing progress of {@code result} if stderr is a terminal; otherwise does nothing. */
  static EncodeProgress start(PipelineResult result, EncodeArguments arguments) {
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
    return new EncodeProgress(result, counter, units, bytes);
  }

  private void show() {
    long done;
    try {
      done = attempted(counter);
    } catch (RuntimeException e) {
      return; // this runner has no counters while it runs
    }
    double fraction = totalUnits == 0 ? 1 : Math.min(1.0, (double) done / totalUnits);
    double seconds = (System.nanoTime() - started) / 1e9;
    double bytesDone = fraction * totalBytes;
    double rate = bytesDone / seconds;
    String eta = rate > 0 ? duration((totalBytes - bytesDone) / rate) : "--:--";
    err.printf(
        "\rencode: %,.1f of %,.1f MiB, %,d of %,d blocks, %,.1f MiB/s, ETA %s   ",
        bytesDone / MIB, totalBytes / MIB, done, totalUnits, rate / MIB, eta);
  }

  private long attempted(String name) {
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
