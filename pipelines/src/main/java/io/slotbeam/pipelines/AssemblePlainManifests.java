package io.slotbeam.pipelines;

import io.slotbeam.core.block.BlockRef;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.dataset.Upload;
import io.slotbeam.pipelines.Records.Manifests;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * Gathers each file's block references and stores its tree and plain manifest ({@link
 * Upload#finish}), as {@code Upload.store} would have for the whole file. Holds one file's block
 * CIDs (about 40 bytes per block) at a time.
 */
final class AssemblePlainManifests
    extends PTransform<PCollection<KV<SourceFile, BlockRef>>, PCollection<KV<SourceFile, Manifests>>> {
  private final String repo;
  private final int blockSize;
  private final Optional<String> filename;
  private final Optional<String> mimetype;

  AssemblePlainManifests(String repo, int blockSize, Optional<String> filename, Optional<String> mimetype) {
    this.repo = repo;
    this.blockSize = blockSize;
    this.filename = filename;
    this.mimetype = mimetype;
  }

  @Override
  public PCollection<KV<SourceFile, Manifests>> expand(PCollection<KV<SourceFile, BlockRef>> blocks) {
    return blocks
        .apply("GroupByFile", GroupByKey.create())
        .apply(
            "StorePlainManifest",
            ParDo.of(new StorePlainManifestFn(repo, blockSize, filename.orElse(null), mimetype.orElse(null))))
        .setCoder(KvCoder.of(SourceFile.CODER, Records.MANIFESTS));
  }

  /** One file's block references, in any order, to its stored plain manifest. */
  static final class StorePlainManifestFn
      extends StoreFn<KV<SourceFile, Iterable<BlockRef>>, KV<SourceFile, Manifests>> {
    private final int blockSize;
    private final String filename;
    private final String mimetype;
    private final Counter files = EncodeMetrics.counter(EncodeMetrics.FILES);

    StorePlainManifestFn(String repo, int blockSize, String filename, String mimetype) {
      super(repo);
      this.blockSize = blockSize;
      this.filename = filename;
      this.mimetype = mimetype;
    }

    @ProcessElement
    public void assemble(
        @Element KV<SourceFile, Iterable<BlockRef>> blocks, OutputReceiver<KV<SourceFile, Manifests>> out) {
      SourceFile file = blocks.getKey();
      try {
        List<BlockRef> refs = new ArrayList<>();
        blocks.getValue().forEach(refs::add);
        refs.sort(Comparator.comparingLong(BlockRef::index));
        List<Cid> cids = new ArrayList<>(refs.size());
        for (BlockRef ref : refs) {
          if (ref.index() != cids.size()) {
            throw new IllegalStateException("block " + cids.size() + " was not chunked");
          }
          cids.add(ref.cid());
        }
        if (cids.size() != file.blockCount(blockSize)) {
          throw new IllegalStateException(
              cids.size() + " blocks were chunked, not " + file.blockCount(blockSize));
        }
        Upload.Stored plain =
            Upload.finish(
                cids, file.size(), blockSize, Optional.ofNullable(filename), Optional.ofNullable(mimetype), store);
        files.inc();
        out.output(KV.of(file, Manifests.plainOnly(plain.manifestCid())));
      } catch (Exception e) {
        throw failure("file " + file, e);
      }
    }
  }
}
