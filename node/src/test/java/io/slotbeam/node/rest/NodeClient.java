package io.slotbeam.node.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** A plain HTTP client for a node's REST API in tests: no slotbeam code between test and server. */
public final class NodeClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final URI base;

  public NodeClient(URI base) {
    this.base = base;
  }

  public HttpResponse<byte[]> send(String method, String path, byte[] body, String... headers)
      throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + "/api/codex/v1/" + path))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  public HttpResponse<byte[]> get(String path, String... headers) throws IOException {
    return send("GET", path, null, headers);
  }

  /** Uploads {@code content} and returns the manifest CID the node answers. */
  public String upload(byte[] content, String... headers) throws IOException {
    HttpResponse<byte[]> response = send("POST", "data", content, headers);
    if (response.statusCode() != 200) {
      throw new IllegalStateException("upload answered " + response.statusCode() + ": " + text(response));
    }
    return text(response);
  }

  public static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  /** The JSON of a 200 answer; any other status fails the test with the answer's text. */
  public static JsonNode json(HttpResponse<byte[]> response) throws IOException {
    assertEquals(200, response.statusCode(), text(response));
    return JSON.readTree(response.body());
  }

  /** {@code size} pseudo-random bytes from {@code seed}. */
  public static byte[] random(int seed, int size) {
    byte[] data = new byte[size];
    new Random(seed).nextBytes(data);
    return data;
  }
}
