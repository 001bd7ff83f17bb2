package io.slotbeam.pipelines;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slotbeam.core.block.Block;
import io.slotbeam.core.cid.Cid;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * A running node's receiving side, over its REST API (slotbeam's own endpoints; the node module's
 * {@code BlockApi}): {@code PUT /api/codex/v1/blocks/{cid}} with a block's bytes, and {@code PUT
 * /api/codex/v1/manifests/{cid}} with {@code {"manifest": "<base64>", "tree": ["<block CID>", …]}}
 * once every block of that tree is there.
 *
 * <p>Both are idempotent, so a request that could not connect is sent again after a doubling pause
 * ({@value #ATTEMPTS} attempts in all). An answer is never retried: any status but 2xx fails with the
 * URL, the status and the node's text, and 507 says the node's quota is full.
 */
final class NodeSink {
  static final int ATTEMPTS = 4;
  private static final String API = "/api/codex/v1";
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration FIRST_PAUSE = Duration.ofMillis(250);
  private static final int INSUFFICIENT_STORAGE = 507;

  private final URI api;
  private final Duration firstPause;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT).build();

  /**
   * A sink for the node whose base URL is {@code url} ({@code http://127.0.0.1:8080}), or whose
   * API URL it is, as {@code slotbeam node} prints it ({@code http://127.0.0.1:8080/api/codex/v1}).
   */
  NodeSink(String url) {
    this(url, FIRST_PAUSE);
  }

  NodeSink(String url, Duration firstPause) {
    String base = EncodePipeline.checkedNodeUrl(url).toString().replaceAll("/+$", "");
    this.api = URI.create((base.endsWith(API) ? base : base + API) + "/");
    this.firstPause = firstPause;
  }

  /** Stores {@code block} on the node (204), which checks its CID against its bytes. */
  void putBlock(Block block) throws IOException {
    put("blocks/" + block.cid(), "application/octet-stream", block.data());
  }

  /**
   * Stores manifest {@code cid} ({@code bytes}, its protobuf encoding) with the CIDs of its tree's
   * blocks in order; every one of those blocks must be on the node already.
   */
  void putManifest(Cid cid, byte[] bytes, List<Cid> tree) throws IOException {
    ObjectNode body = EncodeSummary.MAPPER.createObjectNode();
    body.put("manifest", Base64.getEncoder().encodeToString(bytes));
    ArrayNode cids = body.putArray("tree");
    tree.forEach(block -> cids.add(block.toString()));
    put("manifests/" + cid, "application/json", EncodeSummary.MAPPER.writeValueAsBytes(body));
  }

  private void put(String path, String contentType, byte[] body) throws IOException {
    URI uri = api.resolve(path);
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .header("Content-Type", contentType)
            .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    HttpResponse<String> response = send(request);
    int status = response.statusCode();
    if (status / 100 != 2) {
      String quota = status == INSUFFICIENT_STORAGE ? " (Insufficient Storage: the node's quota is full)" : "";
      throw new IOException("PUT " + uri + " answered " + status + quota + ": " + response.body().strip());
    }
  }

  /** Sends {@code request}, again after a pause when it could not connect. */
  private HttpResponse<String> send(HttpRequest request) throws IOException {
    Duration pause = firstPause;
    for (int attempt = 1; ; attempt++) {
      try {
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (ConnectException | HttpConnectTimeoutException e) {
        if (attempt == ATTEMPTS) {
          throw new IOException(
              "node " + request.uri() + " unreachable after " + ATTEMPTS + " attempts: " + describe(e), e);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while sending to " + request.uri(), e);
      }
      sleep(pause);
      pause = pause.multipliedBy(2);
    }
  }

  private static String describe(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + " " + e.getMessage();
  }

  private static void sleep(Duration pause) throws IOException {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting to retry", e);
    }
  }
}
