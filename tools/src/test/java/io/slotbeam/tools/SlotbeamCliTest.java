package io.slotbeam.tools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.cid.Multicodec;
import io.slotbeam.core.hash.Sha256Digest;
import io.slotbeam.core.merkle.MerkleProofCodec;
import io.slotbeam.core.store.FileBlockStore;
import io.slotbeam.core.vectors.Vectors;
import io.slotbeam.core.vectors.WorkedExampleFile;
import io.slotbeam.node.Node;
import io.slotbeam.node.NodeConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlotbeamCliTest extends CliTest {
  @TempDir Path dir;





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
  void encodeStoresTheWorkedExampleAndPrintsItsManifestCid() throws IOException {
    Path file = Files.write(dir.resolve("worked.bin"), WorkedExampleFile.bytes());
    Path repo = dir.resolve("repo");
    assertEquals(0, run("encode", file.toString(), "--repo", repo.toString(), "--json"));
    JsonNode json = new ObjectMapper().readTree(stdout());
    assertEquals("zDvZRwzmAh1vuhtYihUxtE3QzRdaKQPpvX974i4sNpRGLeZtH9gV", json.get("manifestCid").asText());
    assertEquals("zDzSvJTf5E1aE445jwefxoK8bjAnsiyoQp4FA6tL5KEepLEybu9b", json.get("treeCid").asText());
    assertEquals(3, json.get("blocks").asInt());
  }

  @Test
  void encodeTakesSeveralFilesAndGlobsAndPrintsOneEntryPerFile() throws IOException {
    Path worked = Files.write(dir.resolve("worked.bin"), WorkedExampleFile.bytes());
    Files.writeString(dir.resolve("a.txt"), "some file contents");
    Files.writeString(dir.resolve("b.txt"), "other file contents");
    Path repo = dir.resolve("repo");
    assertEquals(
        0,
        run("encode", worked.toString(), dir.resolve("*.txt").toString(), "--repo", repo.toString(), "--json",
            "--parallelism", "2", "--", "--rangeBlocks=1"),
        stderr());
    JsonNode json = new ObjectMapper().readTree(stdout());
    assertEquals(3, json.size());
    assertEquals(dir.resolve("a.txt").toString(), json.get(0).get("file").asText());
    assertEquals(dir.resolve("worked.bin").toString(), json.get(2).get("file").asText());
    assertEquals("zDvZRwzmAh1vuhtYihUxtE3QzRdaKQPpvX974i4sNpRGLeZtH9gV", json.get(2).get("manifestCid").asText());
    assertEquals("zDzSvJTezk7bJNQqFq8k1iHXY84psNuUfZVusA5bBQQUSuyzDSVL", json.get(0).get("treeCid").asText());
  }

  @Test
  void encodeWithTheJavaAndTheNativeHasherGivesTheSameVerifiableManifest() throws IOException {
    Path file = Files.write(dir.resolve("worked.bin"), WorkedExampleFile.bytes());
    List<String> verifiable = new ArrayList<>();
    for (String hasher : List.of("java", "native")) {
      out.reset();
      Path repo = dir.resolve("repo-" + hasher);
      assertEquals(
          0,
          run("encode", file.toString(), "--repo", repo.toString(), "--ec-k", "2", "--ec-m", "1", "--hasher", hasher,
              "--json"),
          stderr());
      verifiable.add(new ObjectMapper().readTree(stdout()).get("verifiable").toString());
    }
    assertEquals(verifiable.get(0), verifiable.get(1));
    assertEquals(2, run("encode", file.toString(), "--repo", dir.resolve("r").toString(), "--hasher", "gpu"));
    assertTrue(stderr().contains("--hasher 'gpu' is not one of [java, native]"), stderr());
  }

  @Test
  void encodeToANodeSendsTheSpecManifestsWhichTheNodeListsServesWithProofsAndDownloads() throws Exception {
    Path file = Files.write(dir.resolve("worked.bin"), WorkedExampleFile.bytes());
    Path folder = dir.resolve("repo");
    assertEquals(0, run("encode", file.toString(), "--repo", folder.toString(), "--ec-k", "2", "--ec-m", "1", "--json"));
    String intoFolder = stdout();
    Node node = Node.start(
            new NodeConfig(
                dir.resolve("node"), "127.0.0.1", 0, NodeConfig.DEFAULT_QUOTA, NodeConfig.DEFAULT_BLOCK_TTL,
                NodeConfig.DEFAULT_MAINTENANCE_INTERVAL, NodeConfig.DEFAULT_MAINTENANCE_BATCH, List.of()),
            Clock.systemUTC());
    try {
      String url = node.baseUrl().toString();
      out.reset();
      assertEquals(0, run("encode", file.toString(), "--node", url, "--ec-k", "2", "--ec-m", "1", "--json"), stderr());
      assertEquals(intoFolder, stdout());
      JsonNode json = new ObjectMapper().readTree(stdout());
      // The spec's worked example (datapath §5), as DirectRunnerEncodeTest checks for a folder.
      List<String> sent =
          List.of(
              "zDvZRwzmAh1vuhtYihUxtE3QzRdaKQPpvX974i4sNpRGLeZtH9gV",
              "zDvZRwzm4Sdws42DEEr9wYVda57V5nStdeb5gEQWdXjfEjoGMqwj",
              "zDvZRwzky136jJX797oz5LgmX8YVxYuisRoLCuXqUZRowePcXkX2");
      assertEquals(
          sent,
          List.of(
              json.get("manifestCid").asText(),
              json.get("protected").get("manifestCid").asText(),
              json.get("verifiable").get("manifestCid").asText()));
      List<String> listed = new ArrayList<>();
      new ObjectMapper().readTree(get(url, "data").body()).get("content").forEach(item -> listed.add(item.get("cid").asText()));
      assertEquals(sent.stream().sorted().toList(), listed.stream().sorted().toList());
      assertArrayEquals(WorkedExampleFile.bytes(), get(url, "data/" + json.get("manifestCid").asText()).body());

      FileBlockStore store = FileBlockStore.attach(folder);
      Cid tree = Cid.parse(json.get("protected").get("treeCid").asText());
      List<Cid> blocks = store.blockCids(tree);
      for (int i = 0; i < blocks.size(); i++) {
        HttpResponse<byte[]> served = get(url, "blocks/" + tree + "/" + i);
        assertEquals(blocks.get(i).toString(), served.headers().firstValue("X-Codex-Block-Cid").orElseThrow());
        byte[] proof = MerkleProofCodec.encode(Multicodec.SHA2_256, store.leaf(tree, i).orElseThrow().proof(), Sha256Digest::toBytes);
        assertEquals(HexFormat.of().formatHex(proof), served.headers().firstValue("X-Codex-Block-Proof").orElseThrow());
        assertArrayEquals(store.get(blocks.get(i)).orElseThrow().data(), served.body());
      }

      Path other = Files.writeString(dir.resolve("other.txt"), "some file contents");
      Path kept = dir.resolve("kept");
      out.reset();
      assertEquals(0, run("encode", other.toString(), "--node", url, "--repo", kept.toString(), "--json"), stderr());
      String plain = new ObjectMapper().readTree(stdout()).get("manifestCid").asText();
      assertEquals("some file contents", new String(get(url, "data/" + plain).body(), StandardCharsets.UTF_8));
      assertTrue(FileBlockStore.attach(kept).has(Cid.parse(plain)), "--repo with --node keeps the local copy");
    } finally {
      node.close();
    }
  }

  @Test
  void encodeWithoutRepoOrNodeOrWithABadNodeUrlIsBadUsage() throws IOException {
    Path file = Files.write(dir.resolve("worked.bin"), WorkedExampleFile.bytes());
    assertEquals(2, run("encode", file.toString()));
    assertTrue(stderr().contains("expected --repo DIR, --node URL or both"), stderr());
    assertEquals(2, run("encode", file.toString(), "--node", "localhost:8080"));
    assertTrue(
        stderr().contains("--node: node URL 'localhost:8080' is not an http:// or https:// URL with a host"), stderr());
  }

  @Test
  void encodeToANodeThatIsNotThereFailsNamingIt() throws IOException {
    Path file = Files.write(dir.resolve("worked.bin"), WorkedExampleFile.bytes());
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    assertEquals(1, run("encode", file.toString(), "--node", "http://127.0.0.1:" + port));
    assertEquals(1, stderr().lines().count(), stderr());
    assertTrue(stderr().contains("to node http://127.0.0.1:" + port + ": node http://127.0.0.1:" + port + "/api/codex/v1/blocks/"), stderr());
    assertTrue(stderr().contains("unreachable after 4 attempts: ConnectException"), stderr());
  }

  private static HttpResponse<byte[]> get(String node, String path) throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(URI.create(node + "/api/codex/v1/" + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void encodeOnARunnerThatIsNotBuiltSaysHowToBuildIt() throws IOException {
    Path file = Files.write(dir.resolve("worked.bin"), WorkedExampleFile.bytes());
    assertEquals(1, run("encode", file.toString(), "--repo", dir.resolve("repo").toString(), "--runner", "flink"));
    assertTrue(stderr().contains("the flink runner is not on the classpath"), stderr());
    assertTrue(stderr().contains("mvn -B -pl pipelines/flink -am package"), stderr());
    assertEquals(2, run("encode", file.toString(), "--repo", dir.resolve("repo").toString(), "--runner", "storm"));
    assertTrue(stderr().contains("--runner 'storm' is not one of direct, flink, spark"), stderr());
  }

  @Test
  void encodeOfAnEmptyFileFailsNamingItAndStoresNoManifest() throws IOException {
    Path empty = Files.write(dir.resolve("empty.bin"), new byte[0]);
    Path repo = dir.resolve("repo");
    assertEquals(1, run("encode", empty.toString(), "--repo", repo.toString()));
    assertEquals(1, stderr().lines().count(), stderr());
    assertTrue(stderr().contains("file " + empty + ": the file is empty"), stderr());
    assertEquals(List.of(), listFiles(repo.resolve("blocks")));
  }

  @Test
  void encodingTwiceLeavesTheSameFilesAndNoTemporaries() throws IOException {
    Path file = Files.write(dir.resolve("worked.bin"), WorkedExampleFile.bytes());
    Path repo = dir.resolve("repo");
    assertEquals(0, run("encode", file.toString(), "--repo", repo.toString()));
    List<Path> first = listFiles(repo);
    assertEquals(0, run("encode", file.toString(), "--repo", repo.toString()));
    assertEquals(first, listFiles(repo));
    assertTrue(first.stream().noneMatch(p -> p.startsWith(repo.resolve("tmp"))), first.toString());
  }

  @Test
  void manifestPrintsStoredBytesAsHexAndJson() throws IOException {
    Path file = Files.write(dir.resolve("worked.bin"), WorkedExampleFile.bytes());
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
    Path file = Files.write(dir.resolve("worked.bin"), WorkedExampleFile.bytes());
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
    Path file = Files.write(dir.resolve("worked.bin"), WorkedExampleFile.bytes());
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
    Path file = Files.write(dir.resolve("worked.bin"), WorkedExampleFile.bytes());
    Path repo = dir.resolve("repo");
    assertEquals(1, run("encode", file.toString(), "--repo", repo.toString(), "--ec-k", "2", "--ec-m", "3"));
    assertTrue(stderr().contains("m = 3 parity blocks exceeds k = 2 data blocks"), stderr());
    assertFalse(Files.exists(repo), "nothing is created");
    assertEquals(2, run("encode", file.toString(), "--repo", repo.toString(), "--ec-m", "1"));
  }

  @Test
  void encodeSampleAndCheckInputWorkTogether() throws IOException {
    Path file = Files.write(dir.resolve("worked.bin"), WorkedExampleFile.bytes());
    Path repo = dir.resolve("repo");
    assertEquals(0, run("encode", file.toString(), "--repo", repo.toString(), "--ec-k", "2", "--ec-m", "1", "--json"));
    JsonNode verifiable = new ObjectMapper().readTree(stdout()).get("verifiable");
    assertEquals("zDvZRwzky136jJX797oz5LgmX8YVxYuisRoLCuXqUZRowePcXkX2", verifiable.get("manifestCid").asText());
    assertEquals(
        "19495713132223480327656540588819391962835965021248986668431192275097615670921",
        verifiable.get("verifyRoot").asText());
    assertEquals(3, verifiable.get("slotRoots").size());
    assertEquals(2048, verifiable.get("cellSize").asInt());

    Path input = dir.resolve("input.json");
    assertEquals(
        0,
        run("sample", "--repo", repo.toString(), "--manifest", verifiable.get("manifestCid").asText(),
            "--slot", "1", "--challenge", "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
            "--out", input.toString()));
    JsonNode written = new ObjectMapper().readTree(input.toFile());
    assertEquals(64, written.get("nCellsPerSlot").asInt());
    assertEquals(
        "53206320320083115796502214552783413060461247639578808291150702859268522240",
        written.get("entropy").asText());
    assertEquals(0, run("check-input", input.toString()));

    ((ObjectNode) written).put("slotIndex", 2);
    Files.writeString(input, written.toString());
    err.reset();
    assertEquals(1, run("check-input", input.toString()));
    assertEquals(1, stderr().lines().count(), stderr());
  }

  @Test
  void sampleNeedsExactlyOneOfEntropyAndChallenge() {
    assertEquals(
        2,
        run("sample", "--repo", dir.toString(), "--manifest", "zDvZRwzky136jJX797oz5LgmX8YVxYuisRoLCuXqUZRowePcXkX2",
            "--slot", "0", "--out", dir.resolve("x.json").toString()));
    assertTrue(stderr().contains("exactly one of --entropy and --challenge"), stderr());
  }

  @Test
  void checkInputAcceptsTheUpstreamFixture() {
    String fixture = Vectors.file("codex/circuit-input-fixture.json").toString();
    assertEquals(0, run("check-input", fixture, "--params", "32,8,5,67,5"), stderr());
    assertEquals(2, run("check-input", fixture, "--params", "32,8"));
  }

  @Test
  void witnessOfASampledInputForTheSmallCircuitIsWritten() throws IOException {
    Path circuit = Path.of(System.getProperty("slotbeam.circuits"), "8,3,5,67,2");
    Path file = Files.write(dir.resolve("worked.bin"), WorkedExampleFile.bytes());
    Path repo = dir.resolve("repo");
    run("encode", file.toString(), "--repo", repo.toString(), "--ec-k", "2", "--ec-m", "1");
    Path input = dir.resolve("input.json");
    assertEquals(
        0,
        run("sample", "--repo", repo.toString(), "--manifest", "zDvZRwzky136jJX797oz5LgmX8YVxYuisRoLCuXqUZRowePcXkX2",
            "--slot", "0", "--entropy", "5", "--params", "8,3,5,67,2", "--out", input.toString()));
    Path witness = dir.resolve("witness.wtns");
    assertEquals(
        0, run("witness", "--circuit", circuit.toString(), "--input", input.toString(), "--out", witness.toString()),
        stderr());
    byte[] wtns = Files.readAllBytes(witness);
    assertEquals("wtns", new String(wtns, 0, 4, StandardCharsets.US_ASCII));
    assertTrue(stdout().contains("23092 wires"), stdout());
  }

  @Test
  void witnessOfAnInputForAnotherCircuitFailsNamingTheSignal() throws IOException {
    Path circuit = Path.of(System.getProperty("slotbeam.circuits"), "8,3,5,67,2");
    String fixture = Vectors.file("codex/circuit-input-fixture.json").toString();
    assertEquals(
        1,
        run("witness", "--circuit", circuit.toString(), "--input", fixture, "--out", dir.resolve("w.wtns").toString()));
    assertTrue(stderr().contains("input signal slotProof has 3 values but 8 were given"), stderr());
  }

  @Test
  void fileSystemErrorsSayWhatHappenedToWhichPath() throws IOException {
    Path file = Files.writeString(dir.resolve("f"), "x");
    Path blocked = Files.writeString(dir.resolve("not-a-folder"), "x");
    assertEquals(1, run("encode", file.toString(), "--repo", blocked.resolve("repo").toString()));
    assertEquals(1, stderr().lines().count(), stderr());
    assertTrue(stderr().contains(blocked.toString()), stderr());
  }
}
