package io.slotbeam.pipelines;

import io.slotbeam.core.erasure.ErasureParams;
import io.slotbeam.core.slots.SlotGeometry;
import io.slotbeam.core.store.FileBlockStore;
import io.slotbeam.pipelines.Records.Manifests;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
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
 * MatchFiles ─▶ EncodeGroups ─────────────────────────────────▶ [UploadToNode] ─▶ WriteSummary
 *               (ranges of erasure groups: chunk, code, hash; then manifests per file)
 *           └─▶ ChunkFiles ─▶ AssemblePlainManifests ─────────┘   (plain datasets, ecK = 0)
 * </pre>
 *
 * Blocks and trees go to the repository; PCollections carry only CIDs and roots. With {@link
 * EncodeOptions#getNode()}, the finished datasets also go to that node ({@link UploadToNode}), and
 * the summary is written only once they are all there.
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
    if (options.getNode() != null) {
      checkedNodeUrl(options.getNode());
    }
    FileBlockStore.open(Path.of(options.getRepo()));
    String repo = options.getRepo();
    Pipeline pipeline = Pipeline.create(options);
    PCollection<SourceFile> files = pipeline.apply("MatchFiles", new MatchFiles(options.getInputs()));
    Optional<String> filename = Optional.ofNullable(options.getFilename());
    Optional<String> mimetype = Optional.ofNullable(options.getMimetype());
    PCollection<KV<SourceFile, Manifests>> encoded =
        erasure.isPresent()
            ? files.apply(
                "EncodeGroups",
                new EncodeGroups(
                    repo,
                    erasure.get(),
                    options.getCellSize(),
                    options.getHasher(),
                    Math.floorDiv(options.getRangeBlocks() + erasure.get().k() - 1, erasure.get().k()),
                    filename,
                    mimetype))
            : files
                .apply("ChunkFiles", new ChunkFiles(repo, options.getBlockSize(), options.getRangeBlocks()))
                .apply(
                    "AssemblePlainManifests",
                    new AssemblePlainManifests(repo, options.getBlockSize(), filename, mimetype));
    if (options.getNode() != null) {
      encoded = encoded.apply("UploadToNode", new UploadToNode(repo, options.getNode()));
    }
    encoded.apply("WriteSummary", new WriteSummary(repo, options.getSummary()));
    return pipeline;
  }

  /**
   * {@code url} as a URI if it is an absolute http(s) URL with a host (a node's base URL); the
   * message names it otherwise. Checked before a pipeline runs, so a typo fails before any work.
   */
  public static URI checkedNodeUrl(String url) {
    try {
      URI uri = new URI(url);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // answered below
    }
    throw new IllegalArgumentException("node URL '" + url + "' is not an http:// or https:// URL with a host");
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
