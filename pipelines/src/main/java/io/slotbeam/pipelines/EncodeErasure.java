package io.slotbeam.pipelines;

import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.erasure.DatasetEncoder;
import io.slotbeam.core.erasure.ErasureParams;
import io.slotbeam.core.erasure.LeopardEncoder;
import io.slotbeam.core.erasure.SteppedLayout;
import io.slotbeam.core.manifest.Manifest;
import io.slotbeam.core.manifest.StoredManifests;
import io.slotbeam.pipelines.Records.ErasureGroup;
import io.slotbeam.pipelines.Records.GroupParity;
import io.slotbeam.pipelines.Records.Manifests;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TupleTag;

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
    TupleTag<Manifests> manifests = new TupleTag<>();
    TupleTag<GroupParity> groups = new TupleTag<>();
    return KeyedPCollectionTuple.of(manifests, plain)
        .and(groups, parity)
        .apply("GroupByFile", CoGroupByKey.create())
        .apply("StoreProtectedManifest", ParDo.of(new StoreProtectedFn(repo, params, manifests, groups)))
        .setCoder(KvCoder.of(SourceFile.CODER, Records.MANIFESTS));
  }

  /** A step with the code's parameters (ErasureParams is not Serializable, so its numbers are kept). */
  private abstract static class ErasureFn<I, O> extends StoreFn<I, O> {
    private final int k;
    private final int m;
    private final int blockSize;
    protected transient ErasureParams params;
    protected transient DatasetEncoder encoder;

    ErasureFn(String repo, ErasureParams params) {
      super(repo);
      this.k = params.k();
      this.m = params.m();
      this.blockSize = params.blockSize();
    }

    @Override
    protected void prepare() {
      params = new ErasureParams(k, m, blockSize);
      // Groups are the unit of parallel work here, so each one runs on the worker's own thread.
      encoder = new DatasetEncoder(store, Runnable::run, LeopardEncoder.fastest());
    }
  }

  /** A plain dataset to the work of each of its erasure groups. */
  static final class ListGroupsFn extends ErasureFn<KV<SourceFile, Manifests>, KV<SourceFile, ErasureGroup>> {
    ListGroupsFn(String repo, ErasureParams params) {
      super(repo, params);
    }

    @ProcessElement
    public void list(@Element KV<SourceFile, Manifests> file, OutputReceiver<KV<SourceFile, ErasureGroup>> out) {
      try {
        Manifest plain = StoredManifests.get(store, file.getValue().plain());
        List<Cid> dataCids = store.blockCids(plain.treeCid());
        SteppedLayout layout = new SteppedLayout(dataCids.size(), params.k(), params.m());
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
  static final class EncodeGroupFn extends ErasureFn<KV<SourceFile, ErasureGroup>, KV<SourceFile, GroupParity>> {
    private final Counter parityBlocks = EncodeMetrics.counter(EncodeMetrics.PARITY_BLOCKS);

    EncodeGroupFn(String repo, ErasureParams params) {
      super(repo, params);
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
  static final class StoreProtectedFn extends ErasureFn<KV<SourceFile, CoGbkResult>, KV<SourceFile, Manifests>> {
    private final TupleTag<Manifests> manifests;
    private final TupleTag<GroupParity> groups;

    StoreProtectedFn(String repo, ErasureParams params, TupleTag<Manifests> manifests, TupleTag<GroupParity> groups) {
      super(repo, params);
      this.manifests = manifests;
      this.groups = groups;
    }

    @ProcessElement
    public void assemble(@Element KV<SourceFile, CoGbkResult> file, OutputReceiver<KV<SourceFile, Manifests>> out) {
      try {
        Manifests stored = file.getValue().getOnly(manifests);
        Manifest plain = StoredManifests.get(store, stored.plain());
        List<Cid> dataCids = store.blockCids(plain.treeCid());
        int steps = new SteppedLayout(dataCids.size(), params.k(), params.m()).steps();
        List<List<Cid>> parity = new ArrayList<>(Collections.nCopies(steps, null));
        for (GroupParity group : file.getValue().getAll(groups)) {
          parity.set(group.group(), group.parity());
        }
        if (parity.contains(null)) {
          throw new IllegalStateException("erasure group " + parity.indexOf(null) + " was not encoded");
        }
        Cid protectedCid = encoder.storeProtected(plain, params, dataCids, parity).manifestCid();
        out.output(KV.of(file.getKey(), stored.withProtected(protectedCid)));
      } catch (Exception e) {
        throw failure("file " + file.getKey(), e);
      }
    }
  }
}
