package io.slotbeam.pipelines;

import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;

/**
 * The Beam counters of the prove pipeline, in the encode pipeline's namespace, for progress
 * displays: proofs made and verified, and (slot, period) pairs that failed.
 */
public final class ProveMetrics {
  public static final String PROOFS = "proofs";
  public static final String PROOF_FAILURES = "proofFailures";

  private ProveMetrics() {}

  static Counter counter(String name) {
    return Metrics.counter(EncodeMetrics.NAMESPACE, name);
  }
}
