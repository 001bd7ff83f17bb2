package io.slotbeam.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The encode pipeline on one runner against the sequential core path, file for file and byte for
 * byte. Each runner module extends it with its runner's options. Kept small: 1 KiB blocks, 64-byte
 * cells, a few dozen blocks. (Test methods are public so that subclasses in other packages inherit
 * them.)
 */
public abstract class EncodePipelineContract {
  private static final int BLOCK_SIZE = 1024;
  private static final int CELL_SIZE = 64;

  @TempDir protected Path dir;

  /** The runner's options, e.g. {@code --runner=FlinkRunner}. */
  protected abstract List<String> runnerArgs();

  /** Runs the encode pipeline and returns the summary it wrote. */
  protected JsonNode encode(Path repo, List<String> inputs, String... options) throws IOException {
    Path summary = dir.resolve("summary-" + System.nanoTime() + ".json");
    List<String> args = new ArrayList<>(runnerArgs());
    args.add("--inputs=" + String.join(",", inputs));
    args.add("--repo=" + repo);
    args.add("--summary=" + summary);
    args.addAll(List.of(options));
    EncodePipeline.create(EncodePipeline.options(args.toArray(String[]::new))).run().waitUntilFinish();
    return EncodeSummary.MAPPER.readTree(summary.toFile());
  }

  /** Files of random bytes: a large one over several ranges, groups and padding, and small ones. */
  protected List<Path> dataset() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("in"));
    Random random = new Random(7);
    List<Path> files = new ArrayList<>();
    for (int size : new int[] {20 * BLOCK_SIZE + 300, 3 * BLOCK_SIZE, 2 * BLOCK_SIZE + 1}) {
      byte[] bytes = new byte[size];
      random.nextBytes(bytes);
      files.add(Files.write(folder.resolve("file-" + size + ".bin"), bytes));
    }
    return files;
  }

  @Test
  public void encodesEveryFileOfAGlobLikeTheSingleFilePath() throws IOException {
    List<Path> files = dataset();
    Path repo = dir.resolve("repo");
    JsonNode summary =
        encode(
            repo,
            List.of(dir.resolve("in").resolve("*.bin").toString()),
            "--blockSize=" + BLOCK_SIZE, "--ecK=3", "--ecM=2", "--cellSize=" + CELL_SIZE, "--rangeBlocks=4");
    Path reference = dir.resolve("reference");
    assertEquals(EncodeReference.encode(reference, files, BLOCK_SIZE, 3, 2, CELL_SIZE).toString(), summary.toString());
    assertEquals(EncodeReference.contents(reference), EncodeReference.contents(repo));
  }

  @Test
  public void reRunningOverTheSameRepositoryChangesNothing() throws IOException {
    List<String> inputs = dataset().stream().map(Path::toString).toList();
    Path repo = dir.resolve("repo");
    String[] options = {"--blockSize=" + BLOCK_SIZE, "--ecK=2", "--ecM=1", "--cellSize=" + CELL_SIZE};
    JsonNode first = encode(repo, inputs, options);
    Map<String, String> contents = EncodeReference.contents(repo);
    assertEquals(first, encode(repo, inputs, options));
    assertEquals(contents, EncodeReference.contents(repo));
  }
}
