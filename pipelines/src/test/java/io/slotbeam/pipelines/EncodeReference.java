package io.slotbeam.pipelines;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.slotbeam.core.dataset.Upload;
import io.slotbeam.core.erasure.DatasetEncoder;
import io.slotbeam.core.erasure.LeopardEncoder;
import io.slotbeam.core.hash.BlockHasher;
import io.slotbeam.core.slots.DatasetSlots;
import io.slotbeam.core.store.FileBlockStore;
import io.slotbeam.pipelines.Records.Manifests;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * What the pipeline must reproduce: each file encoded on its own by the sequential core path that
 * {@code slotbeam encode} ran before the pipeline ({@link Upload#store}, {@link
 * DatasetEncoder#protect}, {@link DatasetSlots#build}), in a repository of its own.
 */
public final class EncodeReference {
  private EncodeReference() {}

  /**
   * Encodes {@code files} one by one into {@code repo} and returns their summary, sorted by path.
   * {@code k = 0} stops after the plain manifest.
   */
  public static ArrayNode encode(Path repo, List<Path> files, int blockSize, int k, int m, int cellSize)
      throws IOException {
    FileBlockStore store = FileBlockStore.open(repo);
    ExecutorService workers = Executors.newFixedThreadPool(2);
    try {
      ArrayNode summary = EncodeSummary.MAPPER.createArrayNode();
      for (Path file : files.stream().sorted().toList()) {
        Upload.Stored plain;
        try (InputStream in = Files.newInputStream(file)) {
          plain = Upload.store(in, blockSize, Optional.empty(), Optional.empty(), store);
        }
        Manifests manifests = Manifests.plainOnly(plain.manifestCid());
        if (k > 0) {
          Upload.Stored protectedStored =
              new DatasetEncoder(store, workers, LeopardEncoder.fastest()).protect(plain.manifest(), k, m);
          DatasetSlots.Built verifiable =
              new DatasetSlots(store, workers, BlockHasher.java()).build(protectedStored.manifest(), cellSize);
          manifests =
              manifests
                  .withProtected(protectedStored.manifestCid())
                  .withVerifiable(verifiable.verifiable().manifestCid());
        }
        summary.add(EncodeSummary.of(store, file.toString(), manifests));
      }
      return summary;
    } finally {
      workers.shutdownNow();
    }
  }

  /** Every file under {@code repo}, by relative path, with the SHA-256 of its contents. */
  public static Map<String, String> contents(Path repo) throws IOException {
    try (Stream<Path> files = Files.walk(repo)) {
      Map<String, String> contents = new TreeMap<>();
      files
          .filter(Files::isRegularFile)
          .forEach(file -> contents.put(repo.relativize(file).toString(), sha256(file)));
      return contents;
    }
  }

  private static String sha256(Path file) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
