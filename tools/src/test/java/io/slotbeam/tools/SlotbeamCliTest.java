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
            List.of(new DemoCommand(), new EncodeCommand(), new HashCommand(), new ManifestCommand(), new RepairCommand()));
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

  private static byte[] workedExampleFile() {
    byte[] data = new byte[2 * 65536 + 1000];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) (i % 251);
    }
    return data;
  }

  @Test
  void encodeStoresTheWorkedExampleAndPrintsItsManifestCid() throws IOException {
    Path file = Files.write(dir.resolve("worked.bin"), workedExampleFile());
    Path repo = dir.resolve("repo");
    assertEquals(0, run("encode", file.toString(), "--repo", repo.toString(), "--json"));
    JsonNode json = new ObjectMapper().readTree(stdout());
    assertEquals("zDvZRwzmAh1vuhtYihUxtE3QzRdaKQPpvX974i4sNpRGLeZtH9gV", json.get("manifestCid").asText());
    assertEquals("zDzSvJTf5E1aE445jwefxoK8bjAnsiyoQp4FA6tL5KEepLEybu9b", json.get("treeCid").asText());
    assertEquals(3, json.get("blocks").asInt());
  }

  @Test
  void encodingTwiceLeavesTheSameFilesAndNoTemporaries() throws IOException {
    Path file = Files.write(dir.resolve("worked.bin"), workedExampleFile());
    Path repo = dir.resolve("repo");
    assertEquals(0, run("encode", file.toString(), "--repo", repo.toString()));
    List<Path> first = listFiles(repo);
    assertEquals(0, run("encode", file.toString(), "--repo", repo.toString()));
    assertEquals(first, listFiles(repo));
    assertTrue(first.stream().noneMatch(p -> p.toString().endsWith(".tmp")), first.toString());
  }

  @Test
  void manifestPrintsStoredBytesAsHexAndJson() throws IOException {
    Path file = Files.write(dir.resolve("worked.bin"), workedExampleFile());
    Path repo = dir.resolve("repo");
    run("encode", file.toString(), "--repo", repo.toString());
    out.reset();
    String cid = "zDvZRwzmAh1vuhtYihUxtE3QzRdaKQPpvX974i4sNpRGLeZtH9gV";
    assertEquals(0, run("manifest", cid, "--repo", repo.toString(), "--hex"));
    assertEquals(
        "0a380a2601839a031220479f8581f9fb093eef5176dec2fb968dc1c21cb9dbef3d11ce9a254882180e721080800418e8870820829a0328123002",
        stdout().trim());
    out.reset();
    assertEquals(0, run("manifest", cid, "--repo", repo.toString()));
    assertEquals(132072, new ObjectMapper().readTree(stdout()).get("datasetSize").asLong());
  }

  @Test
  void manifestOfAMissingOrNonManifestCidFails() {
    String repo = dir.resolve("repo").toString();
    assertEquals(1, run("manifest", "zDvZRwzmAh1vuhtYihUxtE3QzRdaKQPpvX974i4sNpRGLeZtH9gV", "--repo", repo));
    assertTrue(stderr().contains("is not in the store"), stderr());
    assertEquals(1, run("manifest", "zDxWB8EDEf7mgddfbCh5HVYp4772Ri9N2XAutMVYx275bfWnnQmy", "--repo", repo));
    assertEquals(1, run("manifest", "not-a-cid", "--repo", repo));
    assertEquals(2, run("manifest", "zDvZRwzmAh1vuhtYihUxtE3QzRdaKQPpvX974i4sNpRGLeZtH9gV"));
  }

  private static List<Path> listFiles(Path root) throws IOException {
    try (var files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    }
  }

  @Test
  void encodeWithErasurePrintsTheSpecProtectedManifestAndRepairRestoresABlock() throws IOException {
    Path file = Files.write(dir.resolve("worked.bin"), workedExampleFile());
    Path repo = dir.resolve("repo");
    assertEquals(0, run("encode", file.toString(), "--repo", repo.toString(), "--ec-k", "2", "--ec-m", "1", "--json"));
    JsonNode json = new ObjectMapper().readTree(stdout()).get("protected");
    String cid = json.get("manifestCid").asText();
    assertEquals("zDvZRwzm4Sdws42DEEr9wYVda57V5nStdeb5gEQWdXjfEjoGMqwj", cid);
    assertEquals("zDzSvJTf9c8aYWUkM2tk7FT1R1Z6kqjqMQCDXurLCZwXzHikMveJ", json.get("treeCid").asText());
    assertEquals(6, json.get("blocks").asInt());

    Path block0 = listFiles(repo).stream()
        .filter(p -> p.getFileName().toString().equals("zDxWB8ED3dHw7Hob9QRy364ZULERsk7CRtaLCfVD2igGJgsgdpfj"))
        .findFirst()
        .orElseThrow();
    Files.delete(block0);
    out.reset();
    assertEquals(0, run("repair", cid, "--repo", repo.toString()));
    assertTrue(stdout().contains("restored 1 block at indices [0]"), stdout());
    assertTrue(Files.exists(block0));
  }

  @Test
  void repairFailsWhenAGroupLostMoreThanM() throws IOException {
    Path file = Files.write(dir.resolve("worked.bin"), workedExampleFile());
    Path repo = dir.resolve("repo");
    run("encode", file.toString(), "--repo", repo.toString(), "--ec-k", "2", "--ec-m", "1");
    for (Path block : listFiles(repo.resolve("blocks"))) {
      if (block.getFileName().toString().startsWith("zDxWB8ED")) {
        Files.delete(block);
      }
    }
    out.reset();
    assertEquals(1, run("repair", "zDvZRwzm4Sdws42DEEr9wYVda57V5nStdeb5gEQWdXjfEjoGMqwj", "--repo", repo.toString()));
    assertTrue(stdout().contains("could not restore groups [0, 1]"), stdout());
  }

  @Test
  void badErasureParametersAreRefusedBeforeAnythingIsStored() throws IOException {
    Path file = Files.write(dir.resolve("worked.bin"), workedExampleFile());
    Path repo = dir.resolve("repo");
    assertEquals(1, run("encode", file.toString(), "--repo", repo.toString(), "--ec-k", "2", "--ec-m", "3"));
    assertTrue(stderr().contains("m = 3 parity blocks exceeds k = 2 data blocks"), stderr());
    assertFalse(Files.exists(repo), "nothing is created");
    assertEquals(2, run("encode", file.toString(), "--repo", repo.toString(), "--ec-m", "1"));
  }
}
