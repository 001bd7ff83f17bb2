package io.slotbeam.pipelines;

import io.slotbeam.core.erasure.ErasureParams;
import io.slotbeam.core.slots.SlotGeometry;
import io.slotbeam.core.store.FileBlockStore;
import io.slotbeam.pipelines.Records.Manifests;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * The encode pipeline: what {@code slotbeam encode} does to one file, done to many files (or one
 * large one) by parallel workers, with the same blocks, trees and manifests byte for byte.
 *
 * <pre>
 * MatchFiles ─▶ ChunkFiles ─▶ AssemblePlainManifests ─▶ EncodeErasure ─▶ BuildSlots ─▶ WriteSummary
 *               (ranges)                                (groups)          (blocks, slots)
 * </pre>
 *
 * Erasure coding and slots are skipped when {@link EncodeOptions#getEcK()} is 0. Blocks and
 * trees go to the repository; PCollections carry only CIDs and roots.
 */
public final class EncodePipeline {
  private EncodePipeline() {}

  /** The options of {@code args} ({@code --inputs=…}, {@code --repo=…}, runner options), checked. */
  public static EncodeOptions options(String... args) {
    PipelineOptionsFactory.register(EncodeOptions.class);
    return PipelineOptionsFactory.fromArgs(args).withValidation().as(EncodeOptions.class);
  }

  /**
   * The pipeline for {@code options}, not yet run. Checks the parameters first, and opens the
   * repository once, which removes the temporary files of a crashed run, before any worker writes.
   */
  public static Pipeline create(EncodeOptions options) throws IOException {
    Optional<ErasureParams> erasure = erasureParams(options);
    if (options.getRangeBlocks() < 1) {
      throw new IllegalArgumentException("rangeBlocks " + options.getRangeBlocks() + " must be at least 1");
    }
    FileBlockStore.open(Path.of(options.getRepo()));
    String repo = options.getRepo();
    Pipeline pipeline = Pipeline.create(options);
    PCollection<KV<SourceFile, Manifests>> encoded =
        pipeline
            .apply("MatchFiles", new MatchFiles(options.getInputs()))
            .apply("ChunkFiles", new ChunkFiles(repo, options.getBlockSize(), options.getRangeBlocks()))
            .apply(
                "AssemblePlainManifests",
                new AssemblePlainManifests(
                    repo,
                    options.getBlockSize(),
                    Optional.ofNullable(options.getFilename()),
                    Optional.ofNullable(options.getMimetype())));
    if (erasure.isPresent()) {
      encoded =
          encoded
              .apply("EncodeErasure", new EncodeErasure(repo, erasure.get()))
              .apply("BuildSlots", new BuildSlots(repo, options.getCellSize(), options.getHasher()));
    }
    encoded.apply("WriteSummary", new WriteSummary(repo, options.getSummary()));
    return pipeline;
  }

  /** K, M and the block size, checked with the cell size before anything runs; empty for K = 0. */
  private static Optional<ErasureParams> erasureParams(EncodeOptions options) {
    if (options.getBlockSize() < 1) {
      throw new IllegalArgumentException("block size " + options.getBlockSize() + " must be positive");
    }
    if (options.getEcK() == 0) {
      return Optional.empty();
    }
    SlotGeometry.checkCellSize(options.getBlockSize(), options.getCellSize());
    return Optional.of(new ErasureParams(options.getEcK(), options.getEcM(), options.getBlockSize()));
  }
}
