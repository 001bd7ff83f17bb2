package io.slotbeam.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slotbeam.pipelines.EncodeOptions;
import io.slotbeam.pipelines.EncodePipeline;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Example 5: encode every file of a folder with the Beam encode pipeline, each file its own
 * dataset: blocks and trees into a repository folder, erasure coding (K = 2, M = 1) and slot trees,
 * one plain, protected and verifiable manifest per file, byte for byte what {@code slotbeam
 * encode} and the sequential core path give.
 *
 * <p>Run on the DirectRunner (after {@code mvn -B -q -pl examples -am package -DskipTests}, from
 * the repository root): {@code java --add-modules=jdk.incubator.vector -cp
 * examples/target/classes:$(cat examples/target/examples.classpath) io.slotbeam.examples.EncodeFolder
 * FOLDER REPO_DIR}
 *
 * <p>On Flink or Spark, as the {@code ./slotbeam} launcher does it: build the runner's module
 * ({@code mvn -B -q -pl pipelines/flink -am package -DskipTests}), put its classpath first, open the
 * JDK internals the runners use, and pass runner options after the two arguments: {@code java
 * --add-modules=jdk.incubator.vector --add-opens=java.base/java.lang=ALL-UNNAMED
 * --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
 * --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
 * -cp $(cat pipelines/flink/target/runner.classpath):examples/target/classes:$(cat
 * examples/target/examples.classpath) io.slotbeam.examples.EncodeFolder FOLDER REPO_DIR
 * --runner=FlinkRunner --flinkMaster=[local]} (or {@code pipelines/spark} and {@code
 * --runner=SparkRunner --sparkMaster=local[2]}).
 */
public final class EncodeFolder {
  private EncodeFolder() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: EncodeFolder FOLDER REPO_DIR [RUNNER-OPTIONS...]");
      System.exit(2);
    }
    run(Path.of(args[0]), Path.of(args[1]), Arrays.asList(args).subList(2, args.length), System.out);
  }

  /**
   * Encodes the files of {@code folder} into {@code repo}; returns the pipeline's summary, one
   * entry per file with its manifest CIDs and roots, and prints one line per file.
   */
  public static JsonNode run(Path folder, Path repo, List<String> runnerOptions, PrintStream out)
      throws IOException {
    Path summary = Files.createTempFile("encode-folder-", ".json");
    try {
      List<String> args = new ArrayList<>();
      args.add("--inputs=" + folder.toAbsolutePath().resolve("*"));
      args.add("--repo=" + repo.toAbsolutePath());
      args.add("--summary=" + summary);
      args.add("--ecK=2");
      args.add("--ecM=1");
      args.addAll(runnerOptions);
      EncodeOptions options = EncodePipeline.options(args.toArray(String[]::new));
      EncodePipeline.create(options).run().waitUntilFinish();

      JsonNode files = new ObjectMapper().readTree(summary.toFile());
      for (JsonNode file : files) {
        out.printf("%s  manifest %s  verifiable %s%n", Path.of(file.get("file").asText()).getFileName(),
            file.get("manifestCid").asText(), file.get("verifiable").get("manifestCid").asText());
      }
      return files;
    } finally {
      Files.deleteIfExists(summary);
    }
  }
}
