package io.slotbeam.pipelines;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Gathers the proof records of each period and writes them as {@code OUT/records/period-P.arrow}
 * ({@link ProofRecordsFile}), rows ordered by dataset, slot. In periodic mode each period is its
 * own window, so a period's file appears as soon as its proofs are done. Emits each file's path.
 */
final class WriteProofRecords extends PTransform<PCollection<ProofRecord>, PCollection<String>> {
  private final String out;

  WriteProofRecords(String out) {
    this.out = out;
  }

  /** The records file of {@code period}. */
  static Path file(Path out, long period) {
    return out.resolve("records").resolve("period-" + period + ".arrow");
  }

  @Override
  public PCollection<String> expand(PCollection<ProofRecord> records) {
    return records
        .apply("KeyByPeriod", WithKeys.of(ProofRecord::period).withKeyType(TypeDescriptors.longs()))
        .setCoder(KvCoder.of(VarLongCoder.of(), ProofRecord.CODER))
        .apply("GroupByPeriod", GroupByKey.create())
        .apply("WriteArrowFile", ParDo.of(new WriteFn(out)));
  }

  private static final class WriteFn extends DoFn<KV<Long, Iterable<ProofRecord>>, String> {
    private final String out;

    WriteFn(String out) {
      this.out = out;
    }

    @ProcessElement
    public void write(@Element KV<Long, Iterable<ProofRecord>> period, OutputReceiver<String> written)
        throws IOException {
      List<ProofRecord> rows = new ArrayList<>();
      period.getValue().forEach(rows::add);
      rows.sort(Comparator.comparing(ProofRecord::dataset).thenComparingInt(ProofRecord::slot));
      Path file = file(Path.of(out), period.getKey());
      Files.createDirectories(file.getParent());
      ProofRecordsFile.write(file, rows);
      written.output(file.toString());
    }
  }
}
