package io.slotbeam.pipelines;

import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.erasure.DatasetEncoder;
import io.slotbeam.core.erasure.ErasureParams;
import io.slotbeam.core.erasure.LeopardEncoder;
import io.slotbeam.core.erasure.SteppedLayout;
import io.slotbeam.core.manifest.Manifest;
import io.slotbeam.core.manifest.StoredManifests;
import io.slotbeam.core.store.BlockStore;
import io.slotbeam.pipelines.Records.ErasureGroup;
import io.slotbeam.pipelines.Records.GroupParity;
import io.slotbeam.pipelines.Records.Manifests;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * Erasure-codes every plain dataset as {@link DatasetEncoder#protect} does, one erasure group per
 * work item so that the groups of one large file spread over all workers: each worker reads its
 * group's K blocks back from the store and stores the M parity blocks; the protected tree and
 * manifest are then stored per file.
 */
final class EncodeErasure
    extends PTransform<PCollection<KV<SourceFile, Manifests>>, PCollection<KV<SourceFile, Manifests>>> {
  private final String repo;
  private final ErasureParams params;

  EncodeErasure(String repo, ErasureParams params) {
    this.repo = repo;
    this.params = params;
  }

  @Override
  public PCollection<KV<SourceFile, Manifests>> expand(PCollection<KV<SourceFile, Manifests>> plain) {
    PCollection<KV<SourceFile, GroupParity>> parity =
        plain
            .apply("ListGroups", ParDo.of(new ListGroupsFn(repo, params)))
            .setCoder(KvCoder.of(SourceFile.CODER, Records.ERASURE_GROUP))
            .apply("SpreadGroups", Reshuffle.viaRandomKey())
            .apply("EncodeGroup", ParDo.of(new EncodeGroupFn(repo, params)))
            .setCoder(KvCoder.of(SourceFile.CODER, Records.GROUP_PARITY));
    return new StoreProtectedFn(repo, params).join("StoreProtectedManifest", plain, parity);
  }

  /**
   * The code's parameters, kept as numbers because ErasureParams is not Serializable, and an
   * encoder over the worker's store. Groups are the unit of parallel work here, so each one runs
   * on the worker's own thread.
   */
  private record Code(int k, int m, int blockSize) implements Serializable {
    static Code of(ErasureParams params) {
      return new Code(params.k(), params.m(), params.blockSize());
    }

    ErasureParams params() {
      return new ErasureParams(k, m, blockSize);
    }

    DatasetEncoder encoder(BlockStore store) {
      return new DatasetEncoder(store, Runnable::run, LeopardEncoder.fastest());
    }
  }

  /** A plain dataset to the work of each of its erasure groups. */
  static final class ListGroupsFn extends StoreFn<KV<SourceFile, Manifests>, KV<SourceFile, ErasureGroup>> {
    private final Code code;

    ListGroupsFn(String repo, ErasureParams params) {
      super(repo);
      this.code = Code.of(params);
    }

    @ProcessElement
    public void list(@Element KV<SourceFile, Manifests> file, OutputReceiver<KV<SourceFile, ErasureGroup>> out) {
      try {
        Manifest plain = StoredManifests.get(store, file.getValue().plain());
        List<Cid> dataCids = store.blockCids(plain.treeCid());
        SteppedLayout layout = new SteppedLayout(dataCids.size(), code.k(), code.m());
        for (int group = 0; group < layout.steps(); group++) {
          out.output(
              KV.of(file.getKey(), new ErasureGroup(group, DatasetEncoder.groupData(layout, dataCids, group))));
        }
      } catch (Exception e) {
        throw failure("file " + file.getKey(), e);
      }
    }
  }

  /** Encodes one group: reads its data blocks, stores its parity blocks. */
  static final class EncodeGroupFn extends StoreFn<KV<SourceFile, ErasureGroup>, KV<SourceFile, GroupParity>> {
    private final Code code;
    private final Counter parityBlocks = EncodeMetrics.counter(EncodeMetrics.PARITY_BLOCKS);
    private transient ErasureParams params;
    private transient DatasetEncoder encoder;

    EncodeGroupFn(String repo, ErasureParams params) {
      super(repo);
      this.code = Code.of(params);
    }

    @Override
    protected void prepare() {
      params = code.params();
      encoder = code.encoder(store);
    }

    @ProcessElement
    public void encode(@Element KV<SourceFile, ErasureGroup> work, OutputReceiver<KV<SourceFile, GroupParity>> out) {
      ErasureGroup group = work.getValue();
      try {
        List<Cid> parity = encoder.encodeGroup(group.data(), params);
        parityBlocks.inc(parity.size());
        out.output(KV.of(work.getKey(), new GroupParity(group.group(), parity)));
      } catch (Exception e) {
        throw failure("file " + work.getKey() + ", erasure group " + group.group(), e);
      }
    }
  }

  /** A file's plain manifest and the parity of all its groups to its stored protected manifest. */
  static final class StoreProtectedFn extends JoinByFileFn<GroupParity> {
    private final Code code;

    StoreProtectedFn(String repo, ErasureParams params) {
      super(repo);
      this.code = Code.of(params);
    }

    @Override
    Manifests next(Manifests manifests, Iterable<GroupParity> groups) throws IOException {
      Manifest plain = StoredManifests.get(store, manifests.plain());
      List<Cid> dataCids = store.blockCids(plain.treeCid());
      int steps = new SteppedLayout(dataCids.size(), code.k(), code.m()).steps();
      List<List<Cid>> parity = new ArrayList<>(Collections.nCopies(steps, null));
      for (GroupParity group : groups) {
        parity.set(group.group(), group.parity());
      }
      if (parity.contains(null)) {
        throw new IllegalStateException("erasure group " + parity.indexOf(null) + " was not encoded");
      }
      return manifests.withProtected(
          code.encoder(store).storeProtected(plain, code.params(), dataCids, parity).manifestCid());
    }
  }
}
