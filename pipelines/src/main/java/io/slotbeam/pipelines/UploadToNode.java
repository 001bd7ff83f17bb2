package io.slotbeam.pipelines;

import com.google.common.base.Throwables;
import com.google.common.util.concurrent.ThreadFactoryBuilder;
import io.slotbeam.core.block.Block;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.manifest.StoredManifests;
import io.slotbeam.core.store.BlockStore;
import io.slotbeam.pipelines.Records.Manifests;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * The node sink: sends each encoded file's datasets from the repository to a running node over its
 * REST API ({@link NodeSink}), after every other step, so the node receives only finished datasets.
 *
 * <p>Why a final upload from the repository rather than a {@code BlockStore} over HTTP: the
 * pipeline reads its own blocks back many times (erasure groups, slot hashing, manifests) and
 * stores slot trees, for which the node has no endpoint; a manifest reaches the node only with its
 * tree and after all of that tree's blocks. A local repository keeps every earlier step as it is
 * (one code path, byte for byte what encoding into a folder gives), reads stay local, and a run
 * whose upload failed can simply be run again: nothing is recomputed, and the node's PUTs are
 * idempotent. The repository is the user's folder, or a scratch folder the caller removes.
 *
 * <p>Per file, for its plain, protected and verifiable manifests in that order: every block of the
 * manifest's tree not sent yet, then the manifest with its tree. Files are uploaded in parallel,
 * and each worker keeps {@value #IN_FLIGHT} block PUTs in flight (a PUT spends most of its time
 * waiting for the node); each sender reads its own block, so memory stays {@value #IN_FLIGHT}
 * blocks per worker.
 */
final class UploadToNode
    extends PTransform<PCollection<KV<SourceFile, Manifests>>, PCollection<KV<SourceFile, Manifests>>> {
  static final int IN_FLIGHT = 4;
  private final String repo;
  private final String node;

  UploadToNode(String repo, String node) {
    this.repo = repo;
    this.node = node;
  }

  @Override
  public PCollection<KV<SourceFile, Manifests>> expand(PCollection<KV<SourceFile, Manifests>> files) {
    return files.apply("Upload", ParDo.of(new UploadFn(repo, node)));
  }

  /** One file's manifests and their blocks to the node; passes the file on once all arrived. */
  static final class UploadFn extends StoreFn<KV<SourceFile, Manifests>, KV<SourceFile, Manifests>> {
    private final String node;
    private final Counter uploaded = EncodeMetrics.counter(EncodeMetrics.UPLOADED_BLOCKS);
    private transient NodeSink sink;
    private transient ExecutorService senders;

    UploadFn(String repo, String node) {
      super(repo);
      this.node = node;
    }

    @Override
    protected void prepare() {
      sink = new NodeSink(node);
      senders =
          Executors.newFixedThreadPool(
              IN_FLIGHT, new ThreadFactoryBuilder().setNameFormat("slotbeam-upload-%d").setDaemon(true).build());
    }

    @Override
    protected void release() {
      if (senders != null) { // null when the repository could not be attached
        senders.shutdownNow();
      }
    }

    @ProcessElement
    public void upload(@Element KV<SourceFile, Manifests> file, OutputReceiver<KV<SourceFile, Manifests>> out) {
      Manifests manifests = file.getValue();
      Set<Cid> sent = new HashSet<>();
      try {
        upload(manifests.plain(), sent);
        for (Optional<Cid> manifest : List.of(manifests.protectedCid(), manifests.verifiable())) {
          if (manifest.isPresent()) {
            upload(manifest.get(), sent);
          }
        }
      } catch (IOException | RuntimeException e) {
        throw failure("file " + file.getKey() + " to node " + node, e);
      }
      out.output(file);
    }

    private void upload(Cid manifestCid, Set<Cid> sent) throws IOException {
      List<Cid> tree = store.blockCids(StoredManifests.get(store, manifestCid).treeCid());
      List<Future<Void>> puts = new ArrayList<>();
      for (Cid cid : tree) {
        if (sent.add(cid)) {
          puts.add(
              senders.submit(
                  () -> {
                    sink.putBlock(stored(cid));
                    return null;
                  }));
        }
      }
      try {
        for (Future<Void> put : puts) {
          await(put);
          uploaded.inc(); // here, not in the sender: Beam counts on the thread that runs the DoFn
        }
      } finally {
        puts.forEach(put -> put.cancel(true));
      }
      sink.putManifest(manifestCid, stored(manifestCid).data(), tree);
    }

    /** Waits for one PUT and rethrows its own failure. */
    private static void await(Future<Void> put) throws IOException {
      try {
        put.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while sending blocks", e);
      } catch (ExecutionException e) {
        Throwables.throwIfInstanceOf(e.getCause(), IOException.class);
        Throwables.throwIfUnchecked(e.getCause());
        throw new IOException(e.getCause());
      }
    }

    private Block stored(Cid cid) throws IOException {
      return store.get(cid).orElseThrow(() -> new IllegalStateException("block " + cid + " is not in the repository"));
    }
  }
}
