package io.slotbeam.pipelines;

import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;

/**
 * The Beam counters of the encode pipeline, in one namespace, for progress displays and run
 * reports: input files and their data blocks and bytes, parity blocks, blocks hashed for slots,
 * slot trees, blocks sent to a node, and failed elements.
 */
public final class EncodeMetrics {
  public static final String NAMESPACE = "slotbeam";
  public static final String FILES = "files";
  public static final String BLOCKS = "blocks";
  public static final String BYTES = "bytes";
  public static final String PARITY_BLOCKS = "parityBlocks";
  public static final String SLOT_BLOCKS = "slotBlocks";
  public static final String SLOTS = "slots";
  public static final String UPLOADED_BLOCKS = "uploadedBlocks";
  public static final String FAILURES = "failures";

  private EncodeMetrics() {}

  static Counter counter(String name) {
    return Metrics.counter(NAMESPACE, name);
  }
}
