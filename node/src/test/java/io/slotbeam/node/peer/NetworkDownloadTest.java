package io.slotbeam.node.peer;

import static io.slotbeam.node.rest.NodeClient.json;
import static io.slotbeam.node.rest.NodeClient.random;
import static io.slotbeam.node.rest.NodeClient.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.slotbeam.core.block.Chunker;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.node.Node;
import io.slotbeam.node.NodeConfig;
import io.slotbeam.node.repo.RawRepo;
import io.slotbeam.node.rest.NodeClient;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two real nodes: the second downloads the first's dataset through the peers' REST APIs. */
class NetworkDownloadTest {
  private static final int BLOCK = Chunker.DEFAULT_BLOCK_SIZE;

  @TempDir Path dir;
  private Node first;
  private Node second;

  @AfterEach
  void stop() {
    for (Node node : new Node[] {second, first}) {
      if (node != null) {
        node.close();
      }
    }
  }

  private Node start(String name, List<String> peers) throws IOException {
    NodeConfig config =
        new NodeConfig(dir.resolve(name), "127.0.0.1", 0, NodeConfig.DEFAULT_QUOTA, NodeConfig.DEFAULT_BLOCK_TTL,
            NodeConfig.DEFAULT_MAINTENANCE_INTERVAL, 1000, peers);
    return Node.start(config, Clock.systemUTC());
  }



  private static void awaitLocal(NodeClient client, String cid) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!json(client.get("data/" + cid + "/exists")).get("has").asBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("dataset " + cid + " never became local");
      }
      Thread.sleep(20);
    }
  }

  @Test
  void secondNodeDownloadsTheFirstNodesDatasetInTheBackground() throws Exception {
    first = start("first", List.of());
    NodeClient one = new NodeClient(first.baseUrl());
    byte[] content = random(1, 6 * BLOCK + 99);
    String cid = one.upload(content, "Content-Type", "application/json");
    second = start("second", List.of(first.baseUrl().toString()));
    NodeClient two = new NodeClient(second.baseUrl());

    JsonNode item = json(one.get("data/" + cid + "/network/manifest"));
    assertEquals(item, json(two.get("data/" + cid + "/network/manifest")));
    assertEquals(0, json(two.get("data")).get("content").size(), "a fetched manifest alone is not a dataset");
    assertEquals(item, json(two.send("POST", "data/" + cid + "/network", null)));
    awaitLocal(two, cid);
    assertArrayEquals(content, two.get("data/" + cid).body());
    assertEquals(json(one.get("space")), json(two.get("space")));
    assertEquals(json(one.get("data")), json(two.get("data")));
  }

  @Test
  void networkStreamServesWhileFetchingAndKeepsTheDataset() throws Exception {
    first = start("first", List.of());
    byte[] content = random(2, 4 * BLOCK + 5);
    String cid = new NodeClient(first.baseUrl()).upload(content);
    second = start("second", List.of(first.baseUrl().toString()));
    NodeClient two = new NodeClient(second.baseUrl());
    assertEquals(404, two.get("data/" + cid).statusCode(), "not local yet");
    HttpResponse<byte[]> ranged = two.get("data/" + cid + "/network/stream", "Range", "bytes=70000-140000");
    assertEquals(206, ranged.statusCode());
    assertArrayEquals(java.util.Arrays.copyOfRange(content, 70000, 140001), ranged.body());
    HttpResponse<byte[]> streamed = two.get("data/" + cid + "/network/stream");
    assertEquals(200, streamed.statusCode());
    assertArrayEquals(content, streamed.body());
    awaitLocal(two, cid);
    assertArrayEquals(content, two.get("data/" + cid).body());
  }

  @Test
  void peersCanBeAddedAtRunTime() throws Exception {
    first = start("first", List.of());
    String cid = new NodeClient(first.baseUrl()).upload(random(3, 100));
    second = start("second", List.of());
    NodeClient two = new NodeClient(second.baseUrl());
    assertEquals(404, two.get("data/" + cid + "/network/manifest").statusCode());
    HttpResponse<byte[]> bad = two.send("POST", "peers", "ftp://x".getBytes(StandardCharsets.UTF_8));
    assertEquals(400, bad.statusCode());
    assertTrue(text(bad).contains("'ftp://x' must be an absolute http:// or https:// URL"), text(bad));
    String url = first.baseUrl() + "/";
    assertEquals(204, two.send("POST", "peers", url.getBytes(StandardCharsets.UTF_8)).statusCode());
    assertEquals(first.baseUrl().toString(), json(two.get("peers")).get("peers").get(0).asText());
    assertEquals(200, two.get("data/" + cid + "/network/manifest").statusCode());
  }

  @Test
  void aCorruptBlockOnTheFirstNodeIsDetectedAndNothingIsKept() throws Exception {
    first = start("first", List.of());
    NodeClient one = new NodeClient(first.baseUrl());
    String cid = one.upload(random(4, 3 * BLOCK));
    String treeCid = json(one.get("data/" + cid + "/network/manifest")).get("manifest").get("treeCid").asText();
    Cid firstBlock = first.store().leafCid(Cid.parse(treeCid), 0).orElseThrow();
    first.close();
    RawRepo.corruptBlock(dir.resolve("first").resolve("repo"), firstBlock);
    first = start("first", List.of());
    second = start("second", List.of(first.baseUrl().toString()));
    NodeClient two = new NodeClient(second.baseUrl());

    HttpResponse<byte[]> stream = two.get("data/" + cid + "/network/stream");
    assertEquals(502, stream.statusCode(), text(stream));
    assertTrue(text(stream).contains("/blocks/" + treeCid + "/0 with 500"), text(stream));
    assertTrue(text(stream).contains(firstBlock.toString()), text(stream));
    assertEquals(200, two.send("POST", "data/" + cid + "/network", null).statusCode());
    Thread.sleep(300);
    assertEquals(0, json(two.get("data")).get("content").size());
    assertEquals(0, json(two.get("space")).get("totalBlocks").asLong());
  }
}
