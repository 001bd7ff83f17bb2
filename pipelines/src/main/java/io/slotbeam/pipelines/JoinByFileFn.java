package io.slotbeam.pipelines;

import io.slotbeam.pipelines.Records.Manifests;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TupleTag;

/**
 * The step that ends a fan-out: joins each file's manifests so far with the results of all its
 * parts (erasure groups, slots) and stores the file's next manifest from them.
 *
 * @param <R> the result of one part
 */
abstract class JoinByFileFn<R> extends StoreFn<KV<SourceFile, CoGbkResult>, KV<SourceFile, Manifests>> {
  private final TupleTag<Manifests> manifests = new TupleTag<>();
  private final TupleTag<R> parts = new TupleTag<>();

  JoinByFileFn(String repo) {
    super(repo);
  }

  /** Groups {@code files} with their {@code results} by file and applies this step as {@code name}. */
  final PCollection<KV<SourceFile, Manifests>> join(
      String name, PCollection<KV<SourceFile, Manifests>> files, PCollection<KV<SourceFile, R>> results) {
    return KeyedPCollectionTuple.of(manifests, files)
        .and(parts, results)
        .apply("GroupByFile", CoGroupByKey.create())
        .apply(name, ParDo.of(this))
        .setCoder(KvCoder.of(SourceFile.CODER, Records.MANIFESTS));
  }

  @ProcessElement
  public void joinFile(@Element KV<SourceFile, CoGbkResult> file, OutputReceiver<KV<SourceFile, Manifests>> out) {
    try {
      out.output(KV.of(file.getKey(), next(file.getValue().getOnly(manifests), file.getValue().getAll(parts))));
    } catch (Exception e) {
      throw failure("file " + file.getKey(), e);
    }
  }

  /** Stores the file's next manifest from its {@code manifests} so far and all its parts' results. */
  abstract Manifests next(Manifests manifests, Iterable<R> results) throws Exception;
}
