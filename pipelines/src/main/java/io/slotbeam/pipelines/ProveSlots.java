package io.slotbeam.pipelines;

import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.manifest.Manifest;
import io.slotbeam.core.manifest.StoredManifests;
import io.slotbeam.core.store.FileBlockStore;
import io.slotbeam.prover.circuit.ProofFiles;
import io.slotbeam.prover.circuit.SlotProof;
import java.nio.file.Path;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PCollection;

/**
 * Proves each (slot, challenge) task with the circuit folder's {@code ProvingCircuit}: sample the
 * slot from the block repository, witness in the JVM, Groth16 proof natively, verification
 * natively. A verified proof's files ({@link ProofFiles}) are written under {@code
 * OUT/proofs/DATASET/slot-S/period-P/} and its record emitted; anything else (a missing manifest
 * or block, a slot out of range, a proof that does not verify) is a record naming the reason, and
 * the other tasks go on. Tasks are spread over the workers first; on each worker at most {@code
 * maxConcurrentProofs} prove at a time, sharing one circuit and the native prover's threads
 * ({@link SharedCircuits}).
 */
final class ProveSlots extends PTransform<PCollection<ProofTask>, PCollection<ProofRecord>> {
  private final String repo;
  private final String circuit;
  private final String out;
  private final int maxConcurrentProofs;

  ProveSlots(String repo, String circuit, String out, int maxConcurrentProofs) {
    this.repo = repo;
    this.circuit = circuit;
    this.out = out;
    this.maxConcurrentProofs = maxConcurrentProofs;
  }

  /** Where the files of a task's proof go. */
  static Path proofFolder(Path out, ProofTask task) {
    return out.resolve("proofs")
        .resolve(task.target().dataset())
        .resolve("slot-" + task.target().slot())
        .resolve("period-" + task.period());
  }

  @Override
  public PCollection<ProofRecord> expand(PCollection<ProofTask> tasks) {
    return tasks
        .apply("SpreadTasks", Reshuffle.viaRandomKey())
        .apply("ProveAndVerify", ParDo.of(new ProveFn(repo, circuit, out, maxConcurrentProofs)))
        .setCoder(ProofRecord.CODER);
  }

  /** Proves one task on the worker's shared circuit, within the worker's bound. */
  static final class ProveFn extends DoFn<ProofTask, ProofRecord> {
    private final String repo;
    private final String circuitFolder;
    private final String out;
    private final int maxConcurrentProofs;
    private final Counter proofs = ProveMetrics.counter(ProveMetrics.PROOFS);
    private final Counter failures = ProveMetrics.counter(ProveMetrics.PROOF_FAILURES);
    private transient FileBlockStore store;
    private transient SharedCircuits.Shared shared;

    ProveFn(String repo, String circuitFolder, String out, int maxConcurrentProofs) {
      this.repo = repo;
      this.circuitFolder = circuitFolder;
      this.out = out;
      this.maxConcurrentProofs = maxConcurrentProofs;
    }

    @Setup
    public void setUp() throws Exception {
      store = FileBlockStore.attach(Path.of(repo));
      shared = SharedCircuits.get(Path.of(circuitFolder), maxConcurrentProofs);
    }

    @ProcessElement
    public void prove(@Element ProofTask task, OutputReceiver<ProofRecord> records) throws InterruptedException {
      shared.proofs().acquire();
      ProofRecord record;
      try {
        record = proveOrSayWhy(task);
      } finally {
        shared.proofs().release();
      }
      (record.verified() ? proofs : failures).inc();
      records.output(record);
    }

    private ProofRecord proveOrSayWhy(ProofTask task) {
      try {
        Manifest manifest = StoredManifests.get(store, Cid.parse(task.target().dataset()));
        SlotProof proof = shared.circuit().proveSlot(store, manifest, task.target().slot(), task.entropy());
        if (!proof.verified()) {
          return ProofRecord.failed(task, "the proof did not verify under the circuit's verification key");
        }
        ProofFiles.write(proofFolder(Path.of(out), task), proof);
        return ProofRecord.proved(task, proof);
      } catch (Exception e) {
        return ProofRecord.failed(task, e.getMessage() == null ? e.getClass().getName() : e.getMessage());
      }
    }
  }
}
