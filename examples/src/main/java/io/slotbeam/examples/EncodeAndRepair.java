package io.slotbeam.examples;

import io.slotbeam.core.block.Chunker;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.dataset.Upload;
import io.slotbeam.core.erasure.DatasetEncoder;
import io.slotbeam.core.erasure.DatasetRepairer;
import io.slotbeam.core.erasure.LeopardDecoder;
import io.slotbeam.core.erasure.LeopardEncoder;
import io.slotbeam.core.store.BlockStore;
import io.slotbeam.core.store.FileBlockStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Example 2: store a file in a block repository, erasure-code it (Leopard Reed–Solomon, K data and
 * M parity blocks per step), lose M blocks of the protected dataset, and repair them. The repair
 * re-checks every restored block against the manifest's tree.
 *
 * <p>Run (after {@code mvn -B -q -pl examples -am package -DskipTests}, from the
 * repository root): {@code java --add-modules=jdk.incubator.vector -cp
 * examples/target/classes:$(cat examples/target/examples.classpath) io.slotbeam.examples.EncodeAndRepair FILE REPO_DIR}
 */
public final class EncodeAndRepair {
  private static final int K = 2;
  private static final int M = 1;

  private EncodeAndRepair() {}

  /** What the example did: the protected manifest's CID, the blocks it lost and what came back. */
  public record Outcome(Cid protectedManifestCid, List<Cid> lost, DatasetRepairer.Report report) {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: EncodeAndRepair FILE REPO_DIR");
      System.exit(2);
    }
    Outcome outcome = run(Path.of(args[0]), FileBlockStore.open(Path.of(args[1])), System.out);
    System.exit(outcome.report().complete() ? 0 : 1);
  }

  public static Outcome run(Path file, BlockStore store, PrintStream out) throws IOException {
    Upload.Stored plain;
    try (InputStream in = Files.newInputStream(file)) {
      plain = Upload.store(in, Chunker.DEFAULT_BLOCK_SIZE, Optional.empty(), Optional.empty(), store);
    }
    out.println("manifest            " + plain.manifestCid());
    ExecutorService workers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    try {
      Upload.Stored protectedDataset =
          new DatasetEncoder(store, workers, LeopardEncoder.fastest()).protect(plain.manifest(), K, M);
      out.println("protected manifest  " + protectedDataset.manifestCid());
      // Any M blocks of one step can be lost; here the first block of the first step.
      Cid lost = store.leaf(protectedDataset.manifest().treeCid(), 0).orElseThrow().blockCid();
      store.delete(lost);
      out.println("deleted             " + lost);
      DatasetRepairer.Report report =
          new DatasetRepairer(store, workers, LeopardDecoder.fastest()).repair(protectedDataset.manifest());
      out.println("restored indices    " + report.restored());
      out.println("repair complete     " + report.complete());
      return new Outcome(protectedDataset.manifestCid(), List.of(lost), report);
    } finally {
      workers.shutdownNow();
    }
  }
}
