package io.slotbeam.node.rest;

import static io.slotbeam.node.rest.NodeClient.json;
import static io.slotbeam.node.rest.NodeClient.random;
import static io.slotbeam.node.rest.NodeClient.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slotbeam.core.block.Block;
import io.slotbeam.core.block.Chunker;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.dataset.Upload;
import io.slotbeam.core.hash.Sha256Compressor;
import io.slotbeam.core.hash.Sha256Digest;
import io.slotbeam.core.manifest.Manifest;
import io.slotbeam.core.manifest.ManifestCodec;
import io.slotbeam.core.merkle.CodexTree;
import io.slotbeam.core.merkle.MerkleProof;
import io.slotbeam.core.merkle.MerkleProofCodec;
import io.slotbeam.core.store.InMemoryBlockStore;
import io.slotbeam.node.Node;
import io.slotbeam.node.NodeConfig;
import io.slotbeam.node.peer.PeerClient;
import io.slotbeam.node.repo.SettableClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REST API of a real node on a free loopback port, driven by a plain HTTP client. */
class RestApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int BLOCK = Chunker.DEFAULT_BLOCK_SIZE;

  @TempDir Path dir;
  private final SettableClock clock = new SettableClock(Instant.parse("2026-11-26T00:00:00Z"));
  private Node node;
  private NodeClient client;

  private void start(long quota, Duration maintenanceInterval) throws IOException {
    NodeConfig config =
        new NodeConfig(
            dir.resolve("data"), "127.0.0.1", 0, quota, NodeConfig.DEFAULT_BLOCK_TTL,
            maintenanceInterval, 1000, List.of());
    node = Node.start(config, clock);
    client = new NodeClient(node.baseUrl());
  }

  private void start() throws IOException {
    start(NodeConfig.DEFAULT_QUOTA, NodeConfig.DEFAULT_MAINTENANCE_INTERVAL);
  }

  @AfterEach
  void stop() {
    if (node != null) {
      node.close();
    }
  }



  private static void assertError(HttpResponse<byte[]> response, int status, String message) {
    assertEquals(status, response.statusCode(), text(response));
    assertEquals(message, text(response));
  }

  @Test
  void uploadListManifestAndDownloadAgreeWithCoreUpload() throws IOException {
    start();
    byte[] content = random(1, 3 * BLOCK + 1234);
    String cid = client.upload(content, "Content-Type", "text/plain", "Content-Disposition", "attachment; filename=\"example.txt\"");
    Upload.Stored reference =
        Upload.store(new ByteArrayInputStream(content), BLOCK, Optional.of("example.txt"), Optional.of("text/plain"), new InMemoryBlockStore());
    assertEquals(reference.manifestCid().toString(), cid);

    JsonNode list = json(client.get("data"));
    assertEquals(1, list.get("content").size());
    JsonNode item = list.get("content").get(0);
    assertEquals(cid, item.get("cid").asText());
    assertEquals(reference.manifest().treeCid().toString(), item.get("manifest").get("treeCid").asText());
    assertEquals(content.length, item.get("manifest").get("datasetSize").asLong());
    assertEquals("example.txt", item.get("manifest").get("filename").asText());
    assertEquals(item, json(client.get("data/" + cid + "/network/manifest")));

    HttpResponse<byte[]> download = client.get("data/" + cid);
    assertEquals(200, download.statusCode());
    assertArrayEquals(content, download.body());
    assertEquals("text/plain", download.headers().firstValue("Content-Type").orElseThrow());
    assertEquals("attachment; filename=\"example.txt\"", download.headers().firstValue("Content-Disposition").orElseThrow());
  }

  @Test
  void someFileContentsTakesTheSpaceNimCodexReports() throws IOException {
    start();
    String cid = client.upload("some file contents".getBytes(StandardCharsets.UTF_8));
    JsonNode space = json(client.get("space"));
    // spec node §2.3, from nim-codex's testrestapi.nim: one padded block and a 56-byte manifest.
    assertEquals(2, space.get("totalBlocks").asLong());
    assertEquals(65592, space.get("quotaUsedBytes").asLong());
    assertEquals(21474836480L, space.get("quotaMaxBytes").asLong());
    assertEquals(0, space.get("quotaReservedBytes").asLong());
    HttpResponse<byte[]> download = client.get("data/" + cid);
    assertEquals("some file contents", text(download));
    assertEquals("application/octet-stream", download.headers().firstValue("Content-Type").orElseThrow());
    assertEquals("attachment", download.headers().firstValue("Content-Disposition").orElseThrow());
  }

  @Test
  void rangeRequestsGetOnlyTheirBytes() throws IOException {
    start();
    byte[] content = random(2, 5 * BLOCK + 100);
    String cid = client.upload(content);
    long size = content.length;
    long[][] ranges = {{BLOCK - 10, 2 * BLOCK + 5}, {0, 0}, {5 * BLOCK, size - 1}, {3, size + 1000}};
    for (long[] range : ranges) {
      HttpResponse<byte[]> response = client.get("data/" + cid, "Range", "bytes=" + range[0] + "-" + range[1]);
      long last = Math.min(range[1], size - 1);
      assertEquals(206, response.statusCode());
      assertArrayEquals(Arrays.copyOfRange(content, (int) range[0], (int) last + 1), response.body());
      assertEquals("bytes " + range[0] + "-" + last + "/" + size, response.headers().firstValue("Content-Range").orElseThrow());
    }
    HttpResponse<byte[]> suffix = client.get("data/" + cid, "Range", "bytes=-300");
    assertArrayEquals(Arrays.copyOfRange(content, (int) size - 300, (int) size), suffix.body());
    HttpResponse<byte[]> open = client.get("data/" + cid, "Range", "bytes=" + (4 * BLOCK) + "-");
    assertArrayEquals(Arrays.copyOfRange(content, 4 * BLOCK, (int) size), open.body());
    HttpResponse<byte[]> past = client.get("data/" + cid, "Range", "bytes=" + size + "-");
    assertEquals(416, past.statusCode());
    assertEquals("bytes */" + size, past.headers().firstValue("Content-Range").orElseThrow());
    HttpResponse<byte[]> several = client.get("data/" + cid, "Range", "bytes=0-1,5-6");
    assertEquals(200, several.statusCode(), "several ranges are ignored: the whole dataset");
    assertArrayEquals(content, several.body());
  }

  @Test
  void aRangeReadsOnlyTheBlocksItTouches() throws IOException {
    start();
    byte[] content = random(3, 4 * BLOCK);
    String cid = client.upload(content);
    Cid treeCid = Cid.parse(json(client.get("data/" + cid + "/network/manifest")).get("manifest").get("treeCid").asText());
    Cid third = node.store().leafCid(treeCid, 2).orElseThrow();
    node.store().delete(third);
    HttpResponse<byte[]> head = client.get("data/" + cid, "Range", "bytes=0-" + (2 * BLOCK - 1));
    assertArrayEquals(Arrays.copyOf(content, 2 * BLOCK), head.body(), "blocks 0 and 1 only");
    HttpResponse<byte[]> whole = client.get("data/" + cid);
    assertEquals(404, whole.statusCode());
    assertTrue(text(whole).startsWith("The requested CID could not be retrieved (" + cid + ": block 2 of tree"), text(whole));
  }

  @Test
  void badRequestsGetNimCodexStatusesAndMessages() throws IOException {
    start();
    String cid = client.upload(random(4, 2 * BLOCK));
    assertError(client.get("data/invalid-cid/exists"), 400, "Incorrect Cid");
    assertError(client.get("data/invalid-cid"), 400, "Incorrect Cid");
    assertError(client.send("DELETE", "data/invalid-cid", null), 400, "Incorrect Cid");
    assertError(client.send("POST", "data/zzz/network", null), 400, "Incorrect Cid");
    assertError(client.get("data/invalid-cid/network/stream"), 400, "Incorrect Cid");
    assertError(client.get("blocks/invalid-cid/0"), 400, "Incorrect Cid");
    assertError(
        client.send("POST", "data", "some file contents".getBytes(StandardCharsets.UTF_8), "Content-Type", "hello/world"),
        422, "The MIME type 'hello/world' is not valid.");
    assertError(
        client.send("POST", "data", "x".getBytes(StandardCharsets.UTF_8), "Content-Disposition", "attachment; filename=\"exam*ple.txt\""),
        422, "The filename is not valid.");
    assertEquals(422, client.send("POST", "data", new byte[0]).statusCode(), "an empty upload");

    Cid unknown = ManifestCodec.cid(Manifest.plain(CodexTree.rootCid(Sha256Digest.hash(new byte[] {1})), 10, BLOCK));
    HttpResponse<byte[]> missing = client.get("data/" + unknown);
    assertEquals(404, missing.statusCode());
    assertTrue(text(missing).startsWith("The requested CID could not be retrieved ("), text(missing));
    assertEquals(404, client.get("data/" + unknown + "/network/manifest").statusCode(), "no peers");
    Cid rawBlock = Block.of(new byte[] {1, 2, 3}).cid();
    assertEquals(404, client.get("data/" + rawBlock).statusCode(), "a block is not a dataset (spec node §12.8)");

    String treeCid = json(client.get("data/" + cid + "/network/manifest")).get("manifest").get("treeCid").asText();
    HttpResponse<byte[]> past = client.get("blocks/" + treeCid + "/2");
    assertEquals(400, past.statusCode());
    assertTrue(text(past).contains("block 2 not in [0, 2)"), text(past));
    assertEquals(400, client.get("blocks/" + treeCid + "/-1").statusCode());
    assertEquals(400, client.get("blocks/" + treeCid + "/one").statusCode());
    assertEquals(404, client.get("blocks/" + CodexTree.rootCid(Sha256Digest.hash(new byte[] {2})) + "/0").statusCode());
    assertEquals(404, client.get("nothing/here").statusCode());
    assertEquals(405, client.send("PUT", "data", new byte[1]).statusCode());
  }

  @Test
  void existsAndDeleteFollowNimCodex() throws IOException {
    start();
    byte[] content = random(5, 2 * BLOCK);
    String cid = client.upload(content);
    JsonNode exists = json(client.get("data/" + cid + "/exists"));
    assertTrue(exists.get("has").asBoolean());
    assertTrue(exists.get(cid).asBoolean());
    String treeCid = json(client.get("data/" + cid + "/network/manifest")).get("manifest").get("treeCid").asText();
    String blockCid = client.get("blocks/" + treeCid + "/0").headers().firstValue(PeerClient.BLOCK_CID_HEADER).orElseThrow();
    HttpResponse<byte[]> inUse = client.send("DELETE", "data/" + blockCid, null);
    assertEquals(409, inUse.statusCode());
    assertTrue(text(inUse).startsWith("Directly deleting a block that is part of a dataset is not allowed."));

    assertEquals(204, client.send("DELETE", "data/" + cid, null).statusCode());
    assertEquals(404, client.get("data/" + cid).statusCode());
    assertFalse(json(client.get("data/" + cid + "/exists")).get("has").asBoolean());
    assertFalse(json(client.get("data/" + blockCid + "/exists")).get("has").asBoolean());
    assertEquals(0, json(client.get("space")).get("quotaUsedBytes").asLong());
    assertEquals(204, client.send("DELETE", "data/" + cid, null).statusCode(), "unknown dataset");
    assertEquals(204, client.send("DELETE", "data/" + blockCid, null).statusCode(), "unknown block");
  }

  @Test
  void deletingOneUploadKeepsTheDataOfAnotherUploadOfTheSameBytes() throws IOException {
    start();
    byte[] content = random(12, 2 * BLOCK + 99);
    String first = client.upload(content, "Content-Disposition", "attachment; filename=\"a.bin\"");
    String second = client.upload(content, "Content-Disposition", "attachment; filename=\"b.bin\"");
    assertFalse(first.equals(second));
    assertEquals(204, client.send("DELETE", "data/" + first, null).statusCode());
    assertEquals(404, client.get("data/" + first).statusCode());
    assertArrayEquals(content, client.get("data/" + second).body());
    node.close();
    start();
    assertArrayEquals(content, client.get("data/" + second).body());
    assertEquals(204, client.send("DELETE", "data/" + second, null).statusCode());
    assertEquals(0, json(client.get("space")).get("quotaUsedBytes").asLong());
  }

  @Test
  void uploadPastTheQuotaIs507AndStoresNothing() throws IOException {
    start(4L * BLOCK, NodeConfig.DEFAULT_MAINTENANCE_INTERVAL);
    String small = client.upload(random(6, BLOCK));
    JsonNode before = json(client.get("space"));
    HttpResponse<byte[]> refused = client.send("POST", "data", random(7, 5 * BLOCK));
    assertEquals(507, refused.statusCode());
    assertTrue(text(refused).contains("the quota is 262144 bytes"), text(refused));
    assertTrue(text(refused).contains("65536 more bytes are needed"), text(refused));
    assertEquals(before, json(client.get("space")), "the refused upload left nothing");
    assertEquals(1, json(client.get("data")).get("content").size());
    assertArrayEquals(random(6, BLOCK), client.get("data/" + small).body());
    client.upload(random(8, 2 * BLOCK));
  }

  @Test
  void expiredBlocksAreDeletedByMaintenance() throws IOException, InterruptedException {
    start(NodeConfig.DEFAULT_QUOTA, Duration.ofMillis(50));
    String cid = client.upload(random(9, 2 * BLOCK));
    assertEquals(3, json(client.get("space")).get("totalBlocks").asLong());
    clock.advance(NodeConfig.DEFAULT_BLOCK_TTL.plusSeconds(1));
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (json(client.get("space")).get("totalBlocks").asLong() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(0, json(client.get("space")).get("quotaUsedBytes").asLong());
    assertEquals(404, client.get("data/" + cid).statusCode());
  }

  @Test
  void restartKeepsEverything() throws IOException {
    start();
    byte[] content = random(10, 3 * BLOCK + 7);
    String cid = client.upload(content);
    JsonNode space = json(client.get("space"));
    String id = json(client.get("debug/info")).get("id").asText();
    node.close();
    start();
    assertEquals(space, json(client.get("space")));
    assertArrayEquals(content, client.get("data/" + cid).body());
    assertEquals(id, json(client.get("debug/info")).get("id").asText());
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("data"))));
  }

  @Test
  void blocksAndManifestPutByAPipelineAreServedWithProofs() throws IOException {
    start();
    byte[] content = random(11, 3 * BLOCK + 50);
    InMemoryBlockStore local = new InMemoryBlockStore();
    Upload.Stored stored = Upload.store(new ByteArrayInputStream(content), BLOCK, Optional.empty(), Optional.empty(), local);
    List<Cid> tree = local.blockCids(stored.manifest().treeCid());
    byte[] manifestBlock = local.get(stored.manifestCid()).orElseThrow().data();
    byte[] request = manifestRequest(manifestBlock, tree.stream().map(Cid::toString).toList());

    HttpResponse<byte[]> early = client.send("PUT", "manifests/" + stored.manifestCid(), request);
    assertEquals(409, early.statusCode());
    assertTrue(text(early).startsWith("block 0 of tree"), text(early));

    for (Cid blockCid : tree.subList(0, 3)) {
      assertEquals(204, client.send("PUT", "blocks/" + blockCid, local.get(blockCid).orElseThrow().data()).statusCode());
    }
    HttpResponse<byte[]> wrong = client.send("PUT", "blocks/" + tree.get(3), local.get(tree.get(0)).orElseThrow().data());
    assertEquals(422, wrong.statusCode(), "bytes that do not hash to the CID");
    assertEquals(409, client.send("PUT", "manifests/" + stored.manifestCid(), request).statusCode());
    assertEquals(204, client.send("PUT", "blocks/" + tree.get(3), local.get(tree.get(3)).orElseThrow().data()).statusCode());

    List<String> swapped = new ArrayList<>(tree.stream().map(Cid::toString).toList());
    java.util.Collections.swap(swapped, 0, 1);
    HttpResponse<byte[]> mismatch = client.send("PUT", "manifests/" + stored.manifestCid(), manifestRequest(manifestBlock, swapped));
    assertEquals(422, mismatch.statusCode());
    assertTrue(text(mismatch).contains("names treeCid " + stored.manifest().treeCid()), text(mismatch));
    assertEquals(400, client.send("PUT", "manifests/" + stored.manifestCid(), "{}".getBytes(StandardCharsets.UTF_8)).statusCode());
    assertEquals(400, client.send("PUT", "blocks/" + stored.manifestCid(), manifestBlock).statusCode());

    HttpResponse<byte[]> accepted = client.send("PUT", "manifests/" + stored.manifestCid(), request);
    assertEquals(stored.manifestCid().toString(), json(accepted).get("cid").asText());
    assertArrayEquals(content, client.get("data/" + stored.manifestCid()).body());

    Sha256Digest root = Sha256Digest.of(stored.manifest().treeCid().multihash().digest());
    for (int i = 0; i < tree.size(); i++) {
      HttpResponse<byte[]> served = client.get("blocks/" + stored.manifest().treeCid() + "/" + i);
      assertEquals(tree.get(i).toString(), served.headers().firstValue(PeerClient.BLOCK_CID_HEADER).orElseThrow());
      MerkleProof<Sha256Digest> proof =
          MerkleProofCodec.decode(
                  HexFormat.of().parseHex(served.headers().firstValue(PeerClient.BLOCK_PROOF_HEADER).orElseThrow()),
                  Sha256Digest::of)
              .proof();
      assertEquals(i, proof.index());
      assertTrue(proof.verify(CodexTree.leaf(tree.get(i)), root, Sha256Compressor.INSTANCE));
      assertArrayEquals(local.get(tree.get(i)).orElseThrow().data(), served.body());
    }
  }

  /** The body of {@code PUT /manifests/{cid}}. */
  private static byte[] manifestRequest(byte[] manifestBlock, List<String> tree) {
    return JSON.createObjectNode()
        .put("manifest", Base64.getEncoder().encodeToString(manifestBlock))
        .set("tree", JSON.valueToTree(tree))
        .toString()
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void debugInfoNamesTheNodeAndItsRepository() throws IOException {
    start();
    JsonNode info = json(client.get("debug/info"));
    assertEquals(64, info.get("id").asText().length());
    assertEquals(node.baseUrl().toString(), info.get("addrs").get(0).asText());
    assertEquals(dir.resolve("data").toString(), info.get("repo").asText());
    assertEquals(json(client.get("space")), info.get("storage"));
    assertTrue(node.baseUrl().toString().startsWith("http://127.0.0.1:"));
  }
}
