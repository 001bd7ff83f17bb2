package io.slotbeam.pipelines;

import java.util.List;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * Files and globs to the files they name, each once, with its size. A pattern that matches no file
 * fails the pipeline, naming the pattern.
 */
final class MatchFiles extends PTransform<PBegin, PCollection<SourceFile>> {
  private final List<String> patterns;

  MatchFiles(List<String> patterns) {
    this.patterns = List.copyOf(patterns);
  }

  @Override
  public PCollection<SourceFile> expand(PBegin input) {
    return input
        .apply("ListPatterns", Create.of(patterns))
        // Without matchAll's own Reshuffle: Distinct below regroups the files anyway, and their
        // work is spread later, so it would only add a barrier (on the DirectRunner, a wait).
        .apply(
            "Match",
            FileIO.matchAll().withEmptyMatchTreatment(EmptyMatchTreatment.DISALLOW).withOutputParallelization(false))
        .apply(
            "ToSourceFiles",
            MapElements.into(TypeDescriptor.of(SourceFile.class))
                .via((MatchResult.Metadata m) -> new SourceFile(m.resourceId().toString(), m.sizeBytes())))
        .setCoder(SourceFile.CODER)
        .apply("EachFileOnce", Distinct.create());
  }
}
