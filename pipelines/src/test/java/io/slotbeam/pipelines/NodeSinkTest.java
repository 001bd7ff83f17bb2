package io.slotbeam.pipelines;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.slotbeam.core.block.Block;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.hash.Sha256Compressor;
import io.slotbeam.core.hash.Sha256Digest;
import io.slotbeam.core.manifest.StoredManifests;
import io.slotbeam.core.merkle.CodexTree;
import io.slotbeam.core.merkle.MerkleProof;
import io.slotbeam.core.merkle.MerkleProofCodec;
import io.slotbeam.core.store.FileBlockStore;
import io.slotbeam.node.Node;
import io.slotbeam.node.NodeConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.StreamSupport;
import org.apache.beam.sdk.Pipeline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node sink against a real node on a free loopback port: what arrives is what encoding into a
 * folder gives, the node serves it, and every failure names the URL, the status and the node's text.
 */
class NodeSinkTest {
  private static final int BLOCK_SIZE = 1024;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dir;
  private Node node;

  @AfterEach
  void stop() {
    if (node != null) {
      node.close();
    }
  }

  private URI start(long quota) throws IOException {
    node =
        Node.start(
            new NodeConfig(
                dir.resolve("node"), "127.0.0.1", 0, quota, NodeConfig.DEFAULT_BLOCK_TTL,
                NodeConfig.DEFAULT_MAINTENANCE_INTERVAL, NodeConfig.DEFAULT_MAINTENANCE_BATCH, List.of()),
            Clock.systemUTC());
    return node.baseUrl();
  }

  private JsonNode encode(Path repo, Path file, String... options) throws IOException {
    Path summary = dir.resolve("summary-" + System.nanoTime() + ".json");
    List<String> args =
        new ArrayList<>(
            List.of(
                "--runner=DirectRunner", "--targetParallelism=2", "--inputs=" + file, "--repo=" + repo,
                "--summary=" + summary, "--blockSize=" + BLOCK_SIZE));
    args.addAll(List.of(options));
    EncodePipeline.create(EncodePipeline.options(args.toArray(String[]::new))).run().waitUntilFinish();
    return EncodeSummary.MAPPER.readTree(summary.toFile()).get(0);
  }

  private Path randomFile(String name, int size) throws IOException {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return Files.write(dir.resolve(name), bytes);
  }

  private static HttpResponse<byte[]> get(URI node, String path) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(node + "/api/codex/v1/" + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void erasureCodedFileArrivesWithTheFolderCidsAndTheNodeServesItWithProofs() throws Exception {
    URI api = start(NodeConfig.DEFAULT_QUOTA);
    Path file = randomFile("data.bin", 9 * BLOCK_SIZE + 300);
    String[] erasure = {"--ecK=3", "--ecM=2", "--cellSize=64"};
    JsonNode folder = EncodeReference.encode(dir.resolve("folder"), List.of(file), BLOCK_SIZE, 3, 2, 64).get(0);
    JsonNode sent = encode(dir.resolve("scratch"), file, append(erasure, "--node=" + api));
    assertEquals(folder.toString(), sent.toString());

    JsonNode listed = EncodeSummary.MAPPER.readTree(get(api, "data").body()).get("content");
    List<String> cids = StreamSupport.stream(listed.spliterator(), false).map(item -> item.get("cid").asText()).sorted().toList();
    List<String> expected =
        new ArrayList<>(
            List.of(
                folder.get("manifestCid").asText(),
                folder.get("protected").get("manifestCid").asText(),
                folder.get("verifiable").get("manifestCid").asText()));
    assertEquals(expected.stream().sorted().toList(), cids);
    assertArrayEquals(Files.readAllBytes(file), get(api, "data/" + folder.get("manifestCid").asText()).body());

    FileBlockStore reference = FileBlockStore.attach(dir.resolve("folder"));
    Cid protectedTree =
        StoredManifests.get(reference, Cid.parse(folder.get("protected").get("manifestCid").asText())).treeCid();
    List<Cid> tree = reference.blockCids(protectedTree);
    assertEquals(4 * (3 + 2), tree.size(), "10 data blocks in 4 groups of K = 3, each with M = 2 parity blocks");
    Sha256Digest root = Sha256Digest.of(protectedTree.multihash().digest());
    for (int i = 0; i < tree.size(); i++) {
      HttpResponse<byte[]> served = get(api, "blocks/" + protectedTree + "/" + i);
      assertEquals(200, served.statusCode());
      assertEquals(tree.get(i).toString(), served.headers().firstValue("X-Codex-Block-Cid").orElseThrow());
      MerkleProof<Sha256Digest> proof =
          MerkleProofCodec.decode(
                  HexFormat.of().parseHex(served.headers().firstValue("X-Codex-Block-Proof").orElseThrow()),
                  Sha256Digest::of)
              .proof();
      assertTrue(proof.verify(CodexTree.leaf(tree.get(i)), root, Sha256Compressor.INSTANCE), "proof of block " + i);
      assertArrayEquals(reference.get(tree.get(i)).orElseThrow().data(), served.body());
    }

    assertEquals(sent, encode(dir.resolve("scratch"), file, append(erasure, "--node=" + api)), "sending again is harmless");
  }

  @Test
  void aFullNodeFailsTheRunNamingUrlStatusAndQuota() throws IOException {
    URI api = start(4 * BLOCK_SIZE);
    Path file = randomFile("big.bin", 8 * BLOCK_SIZE);
    Throwable error =
        assertThrows(Pipeline.PipelineExecutionException.class, () -> encode(dir.resolve("repo"), file, "--node=" + api))
            .getCause();
    assertTrue(error instanceof EncodeFailedException, String.valueOf(error));
    assertTrue(error.getMessage().startsWith("file " + file + " to node " + api), error.getMessage());
    assertTrue(error.getMessage().contains("PUT " + api + "/api/codex/v1/blocks/"), error.getMessage());
    assertTrue(error.getMessage().contains("answered 507 (Insufficient Storage: the node's quota is full): "), error.getMessage());
    assertTrue(error.getMessage().contains("quota"), error.getMessage());
  }

  @Test
  void aManifestBeforeItsBlocksIsRefusedWithTheNodesText() throws Exception {
    URI api = start(NodeConfig.DEFAULT_QUOTA);
    Path file = randomFile("one.bin", 2 * BLOCK_SIZE);
    JsonNode folder = encode(dir.resolve("folder"), file);
    FileBlockStore store = FileBlockStore.attach(dir.resolve("folder"));
    Cid manifest = Cid.parse(folder.get("manifestCid").asText());
    List<Cid> tree = store.blockCids(StoredManifests.get(store, manifest).treeCid());
    NodeSink sink = new NodeSink(api + "/api/codex/v1/"); // the API URL, as slotbeam node prints it
    IOException error =
        assertThrows(IOException.class, () -> sink.putManifest(manifest, store.get(manifest).orElseThrow().data(), tree));
    assertTrue(error.getMessage().startsWith("PUT " + api + "/api/codex/v1/manifests/" + manifest + " answered 409: block 0 of tree "), error.getMessage());
    assertTrue(error.getMessage().endsWith("is not stored: PUT every block before the manifest"), error.getMessage());

    for (Cid cid : tree) {
      sink.putBlock(store.get(cid).orElseThrow());
    }
    sink.putManifest(manifest, store.get(manifest).orElseThrow().data(), tree);
    assertArrayEquals(Files.readAllBytes(file), get(api, "data/" + manifest).body());
  }

  @Test
  void anUnreachableNodeIsTriedAgainThenNamed() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port;
    NodeSink sink = new NodeSink(url, Duration.ofMillis(1));
    long started = System.nanoTime();
    IOException error = assertThrows(IOException.class, () -> sink.putBlock(Block.of(new byte[] {1, 2, 3})));
    assertTrue(
        error.getMessage().startsWith("node " + url + "/api/codex/v1/blocks/" + Block.of(new byte[] {1, 2, 3}).cid()
            + " unreachable after " + NodeSink.ATTEMPTS + " attempts: ConnectException"),
        error.getMessage());
    assertTrue(System.nanoTime() - started >= Duration.ofMillis(1 + 2 + 4).toNanos(), "paused between attempts");
  }

  @Test
  void refusesANodeUrlThatIsNotHttpBeforeRunning() {
    for (String url : List.of("127.0.0.1:8080", "ftp://host/", "http://", "http://a b")) {
      IllegalArgumentException error =
          assertThrows(
              IllegalArgumentException.class, () -> encode(dir.resolve("repo"), dir.resolve("x"), "--node=" + url));
      assertEquals("node URL '" + url + "' is not an http:// or https:// URL with a host", error.getMessage());
    }
  }

  private static String[] append(String[] options, String option) {
    List<String> all = new ArrayList<>(List.of(options));
    all.add(option);
    return all.toArray(String[]::new);
  }
}
