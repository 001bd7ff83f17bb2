package io.slotbeam.pipelines;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slotbeam.pipelines.Records.Manifests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;

/**
 * Writes one JSON array of {@link EncodeSummary} entries, sorted by file, to the summary path:
 * atomically (a temporary file in the same folder, then a rename), so a reader never sees half of it.
 */
final class WriteSummary extends PTransform<PCollection<KV<SourceFile, Manifests>>, PDone> {
  private final String repo;
  private final String summary;

  WriteSummary(String repo, String summary) {
    this.repo = repo;
    this.summary = summary;
  }

  @Override
  public PDone expand(PCollection<KV<SourceFile, Manifests>> files) {
    files
        .apply("AllFiles", WithKeys.of("summary"))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), KvCoder.of(SourceFile.CODER, Records.MANIFESTS)))
        .apply("GroupAll", GroupByKey.create())
        .apply("WriteJson", ParDo.of(new WriteJsonFn(repo, summary)));
    return PDone.in(files.getPipeline());
  }

  /** Every file's manifests to the summary file. */
  static final class WriteJsonFn extends StoreFn<KV<String, Iterable<KV<SourceFile, Manifests>>>, Void> {
    private final String summary;

    WriteJsonFn(String repo, String summary) {
      super(repo);
      this.summary = summary;
    }

    @ProcessElement
    public void write(@Element KV<String, Iterable<KV<SourceFile, Manifests>>> all) {
      Path target = Path.of(summary).toAbsolutePath();
      try {
        List<KV<SourceFile, Manifests>> files = new ArrayList<>();
        all.getValue().forEach(files::add);
        files.sort(Comparator.comparing(file -> file.getKey().path()));
        ArrayNode json = EncodeSummary.MAPPER.createArrayNode();
        for (KV<SourceFile, Manifests> file : files) {
          ObjectNode entry = EncodeSummary.of(store, file.getKey().path(), file.getValue());
          json.add(entry);
        }
        Files.createDirectories(target.getParent());
        Path temp = target.resolveSibling(target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
          EncodeSummary.MAPPER.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), json);
          Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
          Files.deleteIfExists(temp);
        }
      } catch (IOException | RuntimeException e) {
        throw failure("summary " + target, e);
      }
    }
  }
}
