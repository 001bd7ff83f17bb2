package io.slotbeam.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.cid.Multicodec;
import io.slotbeam.core.dataset.Upload;
import io.slotbeam.core.erasure.ErasureParams;
import io.slotbeam.core.store.FileBlockStore;
import io.slotbeam.core.vectors.WorkedExampleFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.Create;
import org.junit.jupiter.api.Test;

/** The encode pipeline on the DirectRunner: the contract, the spec's worked example, and failures. */
class DirectRunnerEncodeTest extends EncodePipelineContract {
  @Override
  protected List<String> runnerArgs() {
    return List.of("--runner=DirectRunner", "--targetParallelism=2");
  }

  @Test
  void workedExampleGivesTheSpecPlainProtectedAndVerifiableManifests() throws IOException {
    Path file = Files.write(dir.resolve("worked.bin"), WorkedExampleFile.bytes());
    JsonNode summary = encode(dir.resolve("repo"), List.of(file.toString()), "--ecK=2", "--ecM=1").get(0);
    assertEquals(file.toString(), summary.get("file").asText());
    assertEquals("zDvZRwzmAh1vuhtYihUxtE3QzRdaKQPpvX974i4sNpRGLeZtH9gV", summary.get("manifestCid").asText());
    assertEquals(
        "zDvZRwzm4Sdws42DEEr9wYVda57V5nStdeb5gEQWdXjfEjoGMqwj",
        summary.get("protected").get("manifestCid").asText());
    assertEquals(
        "zDvZRwzky136jJX797oz5LgmX8YVxYuisRoLCuXqUZRowePcXkX2",
        summary.get("verifiable").get("manifestCid").asText());
    assertEquals(
        "19495713132223480327656540588819391962835965021248986668431192275097615670921",
        summary.get("verifiable").get("verifyRoot").asText());
  }

  @Test
  void withoutErasureStoresThePlainManifestWithItsFilenameAsAnUploadDoes() throws IOException {
    byte[] bytes = "some file contents".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    Path file = Files.write(dir.resolve("upload.txt"), bytes);
    JsonNode summary =
        encode(dir.resolve("repo"), List.of(file.toString()), "--filename=upload.txt", "--mimetype=text/plain").get(0);
    Cid expected =
        Upload.store(
                new ByteArrayInputStream(bytes),
                65536,
                Optional.of("upload.txt"),
                Optional.of("text/plain"),
                FileBlockStore.open(dir.resolve("reference")))
            .manifestCid();
    assertEquals(expected.toString(), summary.get("manifestCid").asText());
    assertFalse(summary.has("protected"));
  }

  @Test
  void aFileShorterThanWhenMatchedFailsNamingFileAndBlockAndStoresNoManifest() throws IOException {
    Path file = Files.write(dir.resolve("shrunk.bin"), new byte[5 * 1024]);
    Throwable error = chunkAndAssemble(new SourceFile(file.toString(), 7 * 1024 + 100));
    assertTrue(
        error.getMessage().contains("file " + file + ", block 5: read 5120 bytes where 6144 were expected"),
        error.getMessage());
    assertEquals(List.of(), manifestsIn(dir.resolve("repo")));
  }

  @Test
  void aFileLongerThanWhenMatchedFailsNamingFileAndBlock() throws IOException {
    Path file = Files.write(dir.resolve("grown.bin"), new byte[5 * 1024]);
    Throwable error = chunkAndAssemble(new SourceFile(file.toString(), 5 * 1024 - 100));
    assertTrue(error.getMessage().contains("file " + file + ", block 4: read 5120 bytes where 5020"), error.getMessage());
    error = chunkAndAssemble(new SourceFile(file.toString(), 4 * 1024));
    assertTrue(error.getMessage().contains("file " + file + ", block 3: the file has more than the 4096 bytes"), error.getMessage());
    assertEquals(List.of(), manifestsIn(dir.resolve("repo")));
  }

  @Test
  void aFileShorterThanWhenMatchedFailsTheErasurePathNamingFileAndGroupAndStoresNoManifest() throws IOException {
    Path file = Files.write(dir.resolve("shrunk-coded.bin"), new byte[5 * 1024]);
    String repo = dir.resolve("repo").toString();
    FileBlockStore.open(Path.of(repo));
    Pipeline pipeline = Pipeline.create(EncodePipeline.options("--inputs=unused", "--repo=" + repo, "--summary=unused"));
    pipeline
        .apply(Create.of(new SourceFile(file.toString(), 7 * 1024 + 100)).withCoder(SourceFile.CODER))
        .apply(new EncodeGroups(repo, new ErasureParams(2, 1, 1024), 64, "java", 4, Optional.empty(), Optional.empty()));
    Pipeline.PipelineExecutionException error =
        assertThrows(Pipeline.PipelineExecutionException.class, () -> pipeline.run().waitUntilFinish());
    // 8 blocks in 4 groups of 2, stepped, in one range: group 1 holds blocks 1 and 5, the first past the end.
    assertTrue(
        error.getCause().getMessage().contains("file " + file + ", erasure group 1: read 5120 bytes where 6144 were expected"),
        error.getCause().getMessage());
    assertEquals(List.of(), manifestsIn(dir.resolve("repo")));
  }

  @Test
  void anUnreadableFileFailsNamingFileAndBlock() throws IOException {
    Path gone = dir.resolve("deleted-after-matching.bin");
    Throwable error = chunkAndAssemble(new SourceFile(gone.toString(), 3000));
    assertTrue(error.getMessage().startsWith("file " + gone + ", block 0: "), error.getMessage());
  }

  @Test
  void aPatternThatMatchesNothingFailsNamingIt() {
    Path pattern = dir.resolve("nothing-*.bin");
    Exception error = assertThrows(Exception.class, () -> encode(dir.resolve("repo"), List.of(pattern.toString())));
    assertTrue(messages(error).contains(pattern.toString()), messages(error));
  }

  @Test
  void refusesBadParametersBeforeRunning() {
    Exception error =
        assertThrows(IllegalArgumentException.class, () -> encode(dir.resolve("repo"), List.of("x"), "--ecK=2", "--ecM=3"));
    assertTrue(error.getMessage().contains("m = 3 parity blocks exceeds k = 2"), error.getMessage());
    error = assertThrows(IllegalArgumentException.class, () -> encode(dir.resolve("repo"), List.of("x"), "--ecK=2", "--cellSize=3000"));
    assertTrue(error.getMessage().contains("cell size 3000 is not a power of two"), error.getMessage());
  }

  /** Chunks one file as matched with {@code file.size()} and assembles its manifest; returns the failure. */
  private Throwable chunkAndAssemble(SourceFile file) throws IOException {
    String repo = dir.resolve("repo").toString();
    FileBlockStore.open(Path.of(repo));
    Pipeline pipeline = Pipeline.create(EncodePipeline.options("--inputs=unused", "--repo=" + repo, "--summary=unused"));
    pipeline
        .apply(Create.of(file).withCoder(SourceFile.CODER))
        // one range for these files of up to 8 blocks: a second worker's range could still be
        // writing blocks after the failure ends the run, racing the cleanup of the test's folder
        .apply(new ChunkFiles(repo, 1024, 8))
        .apply(new AssemblePlainManifests(repo, 1024, Optional.empty(), Optional.empty()));
    Pipeline.PipelineExecutionException error =
        assertThrows(Pipeline.PipelineExecutionException.class, () -> pipeline.run().waitUntilFinish());
    assertTrue(error.getCause() instanceof EncodeFailedException, String.valueOf(error.getCause()));
    return error.getCause();
  }

  private static List<Cid> manifestsIn(Path repo) throws IOException {
    try (Stream<Path> files = Files.walk(repo.resolve("blocks"))) {
      return files
          .filter(Files::isRegularFile)
          .map(p -> Cid.parse(p.getFileName().toString()))
          .filter(cid -> cid.contentCodec() == Multicodec.CODEX_MANIFEST)
          .toList();
    }
  }

  private static String messages(Throwable error) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = error; t != null; t = t.getCause()) {
      all.append(t.getMessage()).append(" | ");
    }
    return all.toString();
  }
}
