package io.slotbeam.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlotbeamCliTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    SlotbeamCli cli =
        new SlotbeamCli(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            List.of(new DemoCommand(), new HashCommand()));
    return cli.run(args);
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void hashPrintsTheUpstreamTreeCidOfSomeFileContents() throws IOException {
    Path file = Files.writeString(dir.resolve("upload.txt"), "some file contents");
    assertEquals(0, run("hash", file.toString()));
    JsonNode json = new ObjectMapper().readTree(stdout());
    assertEquals(18, json.get("datasetSize").asLong());
    assertEquals(65536, json.get("blockSize").asInt());
    assertEquals(1, json.get("blocks").asInt());
    assertEquals("zDzSvJTezk7bJNQqFq8k1iHXY84psNuUfZVusA5bBQQUSuyzDSVL", json.get("treeCid").asText());
    assertFalse(json.has("blockCids"));
  }

  @Test
  void hashListsBlockCidsWhenAsked() throws IOException {
    Path file = Files.write(dir.resolve("data.bin"), new byte[2500]);
    assertEquals(0, run("hash", file.toString(), "--block-size", "1024", "--blocks"));
    JsonNode json = new ObjectMapper().readTree(stdout());
    assertEquals(3, json.get("blockCids").size());
    assertEquals(3, json.get("blocks").asInt());
    assertEquals(json.get("blockCids").get(0), json.get("blockCids").get(1), "equal zero blocks");
  }

  @Test
  void missingFileIsBadDataOnOneLine() {
    assertEquals(1, run("hash", dir.resolve("absent").toString()));
    assertEquals(1, stderr().lines().count(), stderr());
    assertTrue(stderr().contains("absent' does not exist"), stderr());
  }

  @Test
  void emptyFileIsRefusedWithoutPartialOutput() throws IOException {
    Path file = Files.write(dir.resolve("empty"), new byte[0]);
    assertEquals(1, run("hash", file.toString(), "--blocks"));
    assertEquals("", stdout());
    assertTrue(stderr().contains("is empty"), stderr());
  }

  @Test
  void badBlockSizeIsBadUsageNamingTheValue() throws IOException {
    Path file = Files.writeString(dir.resolve("f"), "x");
    assertEquals(2, run("hash", file.toString(), "--block-size", "0"));
    assertTrue(stderr().contains("--block-size 0 is not in [1, 1073741824]"), stderr());
  }

  @Test
  void unknownCommandAndUnknownOptionAreBadUsage() {
    assertEquals(2, run("frobnicate"));
    assertTrue(stderr().contains("unknown command 'frobnicate'"), stderr());
    assertEquals(2, run("hash", "--nope"));
  }

  @Test
  void debugAddsAStackTrace() {
    assertEquals(1, run("hash", dir.resolve("absent").toString(), "--debug"));
    assertTrue(stderr().lines().count() > 1, stderr());
  }

  @Test
  void helpListsCommandsAndExitsZero() {
    assertEquals(0, run("--help"));
    assertTrue(stdout().contains("hash"));
    assertTrue(stdout().contains("demo"));
    assertEquals(0, run("hash", "--help"));
    assertTrue(stdout().contains("--block-size"));
  }

  @Test
  void demoSelfCheckPassesAndPrintsATreeCid() {
    assertEquals(0, run("demo", "--size", "70000"));
    assertTrue(stdout().contains("matches nim-codex"), stdout());
    assertTrue(stdout().contains("blocks      2 of 65,536 bytes"), stdout());
  }
}
