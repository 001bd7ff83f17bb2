package io.slotbeam.tools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code slotbeam node} killed with SIGKILL while it stores an upload and while its expiry
 * maintenance deletes blocks: after each kill {@code slotbeam node --check} finds every stored
 * block sound and the quota totals equal to what is stored, and a restarted node serves every
 * upload it acknowledged, byte for byte, and lists no other.
 */
class NodeKilledTest extends CliTest {
  private static final int BLOCK = 65536;
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final Pattern CHECKED = Pattern.compile("checked (\\d+) blocks, (\\d+) bytes\\n");
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @TempDir Path dir;

  /**
   * Two lives of one node, each with one acknowledged upload and one it is killed during: held
   * once its first block is stored, and streaming at full speed (killed after 100 blocks, wherever
   * the node is then).
   */
  @Test
  void killedDuringAnUploadKeepsEveryAcknowledgedUploadAndSoundTotals() throws Exception {
    Path data = dir.resolve("node");
    Map<String, byte[]> acknowledged = new LinkedHashMap<>();
    // Kill after N new blocks, the body held after M blocks (the JDK client keeps its last buffer
    // back until it has read the next, so a held body is one block ahead of what the node has).
    int[][] rounds = {{1, 2}, {100, Integer.MAX_VALUE}};
    for (int round = 0; round < rounds.length; round++) {
      NodeProcess node = NodeProcess.start(data);
      try {
        byte[] content = random(round, 3 * BLOCK + 1000 * round + 1);
        acknowledged.put(upload(node, content), content);
        long before = space(node).get("totalBlocks").asLong();
        HeldBody body = new HeldBody(round, 64 << 20, (long) rounds[round][1] * BLOCK);
        CompletableFuture<HttpResponse<String>> cut =
            http.sendAsync(
                HttpRequest.newBuilder(node.api("data")).POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build(),
                HttpResponse.BodyHandlers.ofString());
        awaitBlocks(node, before + rounds[round][0], cut);
        node.kill();
        body.release();
        assertTrue(cut.handle((response, error) -> error != null).get(PATIENCE.toSeconds(), TimeUnit.SECONDS),
            "the upload the node was killed during was never acknowledged");
      } finally {
        node.kill();
      }
      assertCheckPasses(data);
    }
    assertServesExactly(data, acknowledged, List.of());
  }

  /**
   * 200 blocks stored with a one-second life, then a node whose maintenance deletes 25 expired
   * blocks a second, killed while it works through them (about when its second pass is due); a
   * last life finishes. The upload made with a long life in between is intact throughout, and at
   * the end it is all there is.
   */
  @Test
  void killedDuringExpiryMaintenanceKeepsTheLiveUploadAndSoundTotals() throws Exception {
    Path data = dir.resolve("node");
    NodeProcess expiring = NodeProcess.start(data, "-t", "1", "--block-mi", "1h");
    List<String> expired = new ArrayList<>();
    try {
      for (int i = 0; i < 4; i++) {
        expired.add(upload(expiring, random(10 + i, 50 * BLOCK)));
      }
    } finally {
      expiring.kill();
    }
    Map<String, byte[]> live = new LinkedHashMap<>();
    NodeProcess node = NodeProcess.start(data, "-t", "30d", "--block-mi", "1", "--block-mn", "25");
    long total;
    try {
      byte[] content = random(20, 5 * BLOCK);
      live.put(upload(node, content), content);
      total = space(node).get("totalBlocks").asLong();
      awaitBlocksBelow(node, total - 25); // one pass done; the next is due within a second
      Thread.sleep(950);
      node.kill();
    } finally {
      node.kill();
    }
    long stored = assertCheckPasses(data);
    assertTrue(stored < total && stored > 6, "killed while expired blocks were left: " + stored + " of " + total);
    NodeProcess last = NodeProcess.start(data, "-t", "30d", "--block-mi", "1");
    try {
      awaitBlocksBelow(last, 7); // the live upload's 5 blocks and its manifest
    } finally {
      last.kill();
    }
    assertCheckPasses(data);
    assertServesExactly(data, live, expired);
  }

  /** {@code slotbeam node --check} passes; returns the number of blocks it found. */
  private long assertCheckPasses(Path data) {
    out.reset();
    assertEquals(0, run("node", "--check", "-d", data.toString()), stdout() + stderr());
    assertTrue(stdout().endsWith("ok\n"), stdout());
    Matcher checked = CHECKED.matcher(stdout());
    assertTrue(checked.find(), stdout());
    return Long.parseLong(checked.group(1));
  }

  /**
   * A restarted node lists exactly {@code uploads}, serves each byte for byte, answers 404 for the
   * datasets {@code gone}, and reports as used the bytes {@code --check} counted in its blocks.
   */
  private void assertServesExactly(Path data, Map<String, byte[]> uploads, List<String> gone) throws Exception {
    out.reset();
    assertEquals(0, run("node", "--check", "-d", data.toString()));
    Matcher checked = CHECKED.matcher(stdout());
    assertTrue(checked.find(), stdout());
    NodeProcess node = NodeProcess.start(data);
    try {
      JsonNode space = space(node);
      assertEquals(Long.parseLong(checked.group(1)), space.get("totalBlocks").asLong());
      assertEquals(Long.parseLong(checked.group(2)), space.get("quotaUsedBytes").asLong());
      Set<String> listed = new HashSet<>();
      for (JsonNode item : json(node, "data").get("content")) {
        listed.add(item.get("cid").asText());
      }
      assertEquals(uploads.keySet(), listed);
      for (Map.Entry<String, byte[]> upload : uploads.entrySet()) {
        HttpResponse<byte[]> download =
            http.send(HttpRequest.newBuilder(node.api("data/" + upload.getKey())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, download.statusCode(), upload.getKey());
        assertArrayEquals(upload.getValue(), download.body(), upload.getKey());
      }
      for (String cid : gone) {
        assertEquals(404, http.send(HttpRequest.newBuilder(node.api("data/" + cid)).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode(), cid);
      }
    } finally {
      node.stop();
    }
  }

  private String upload(NodeProcess node, byte[] content) throws Exception {
    HttpResponse<String> response =
        http.send(HttpRequest.newBuilder(node.api("data")).POST(HttpRequest.BodyPublishers.ofByteArray(content)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return response.body();
  }

  private JsonNode space(NodeProcess node) throws Exception {
    return json(node, "space");
  }

  private JsonNode json(NodeProcess node, String path) throws Exception {
    HttpResponse<byte[]> response =
        http.send(HttpRequest.newBuilder(node.api(path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, response.statusCode());
    return JSON.readTree(response.body());
  }

  /** Waits until the node holds at least {@code blocks} blocks; the upload must still be running. */
  private void awaitBlocks(NodeProcess node, long blocks, CompletableFuture<?> upload) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (space(node).get("totalBlocks").asLong() < blocks) {
      assertFalse(upload.isDone(), "the upload ended before " + blocks + " blocks were stored: use a larger one");
      assertTrue(System.nanoTime() < deadline, "the node never held " + blocks + " blocks");
      Thread.sleep(2);
    }
  }

  private void awaitBlocksBelow(NodeProcess node, long blocks) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (space(node).get("totalBlocks").asLong() >= blocks) {
      assertTrue(System.nanoTime() < deadline, "maintenance never brought the node below " + blocks + " blocks");
      Thread.sleep(20);
    }
  }

  private static byte[] random(int seed, int size) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  /**
   * A request body of {@code size} pseudo-random bytes that stops after {@code holdAfter} bytes
   * until {@link #release}d (or runs through if {@code holdAfter} is past the end).
   */
  private static final class HeldBody extends InputStream {
    private final Random random;
    private final long size;
    private final long holdAfter;
    private final CountDownLatch released = new CountDownLatch(1);
    private long sent;

    HeldBody(int seed, long size, long holdAfter) {
      this.random = new Random(seed + 100);
      this.size = size;
      this.holdAfter = holdAfter;
    }

    void release() {
      released.countDown();
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (sent == holdAfter) {
        try {
          released.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted", e);
        }
      }
      long limit = sent < holdAfter ? Math.min(holdAfter, size) : size;
      int n = (int) Math.min(length, limit - sent);
      if (n <= 0) {
        return -1;
      }
      byte[] chunk = new byte[n];
      random.nextBytes(chunk);
      System.arraycopy(chunk, 0, buffer, offset, n);
      sent += n;
      return n;
    }
  }

  /** {@code slotbeam node} in a child JVM on a free port, with a 1 GiB quota and warnings only. */
  private record NodeProcess(Process process, URI api) {
    static NodeProcess start(Path data, String... options) throws IOException {
      List<String> command =
          new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
              System.getProperty("java.class.path"), SlotbeamCli.class.getName(), "node", "-d", data.toString(),
              "-p", "0", "-q", "1GiB", "--log-level", "warn"));
      command.addAll(List.of(options));
      Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String line = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine();
      if (line == null || !line.startsWith("REST service started: ")) {
        process.destroyForcibly();
        throw new IllegalStateException("the node did not start: " + line);
      }
      return new NodeProcess(process, URI.create(line.substring("REST service started: ".length())));
    }

    URI api(String path) {
      return URI.create(api + "/" + path);
    }

    /** SIGKILL: no shutdown hook, no flush, no cleanup. */
    void kill() throws InterruptedException {
      process.destroyForcibly();
      assertTrue(process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS));
    }

    /** SIGTERM: the node closes its repository. */
    void stop() throws InterruptedException {
      process.destroy();
      assertTrue(process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS), "SIGTERM stops the node");
    }
  }
}
