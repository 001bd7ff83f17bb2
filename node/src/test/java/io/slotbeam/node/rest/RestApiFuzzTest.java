package io.slotbeam.node.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.io.MoreFiles;
import com.google.common.io.RecursiveDeleteOption;
import io.slotbeam.core.block.Chunker;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.manifest.InvalidManifestException;
import io.slotbeam.core.manifest.Manifest;
import io.slotbeam.core.manifest.ManifestCodec;
import io.slotbeam.node.Node;
import io.slotbeam.node.NodeConfig;
import io.slotbeam.node.repo.RepoCheck;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The node's REST request handling under fuzzed requests, over loopback HTTP to a real {@link
 * Node}: fuzzed methods, paths (route templates with fuzzed or known parameters, or free-form),
 * the {@code Range}, {@code Content-Type} and {@code Content-Disposition} headers, and bodies
 * (raw, or a {@code PUT /manifests} request over the seeded tree with fuzzed manifest fields).
 *
 * <p>The rule: every request gets an answer (no dropped connection, no hang) that is a 2xx or a
 * 4xx with a plain-text message, never a 5xx; a 206 or 200 download holds exactly the bytes its
 * headers describe; a manifest the node accepted can be downloaded; and the repository stays
 * sound ({@link RepoCheck}). Normal test runs replay the seeds under src/test/resources; {@code
 * JAZZER_FUZZ=1} fuzzes.
 */
class RestApiFuzzTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration PATIENCE = Duration.ofSeconds(20);
  private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "HEAD", "PATCH");
  /** Every route of the API (and two that are not), with {} for a parameter; not POST peers (below). */
  private static final List<String> TEMPLATES =
      List.of(
          "data", "data/{}", "data/{}/exists", "data/{}/network", "data/{}/network/manifest",
          "data/{}/network/stream", "space", "blocks/{}/{}", "blocks/{}", "manifests/{}",
          "debug/info", "peers", "storage/request/{}", "storage/purchases", "storage/purchases/{}",
          "sales/slots", "sales/slots/{}", "sales/availability", "sales/availability/{}",
          "sales/availability/{}/reservations", "sales/ignored", "data/{}/nothing", "");
  /** nim-codex's answer to the purchasing and sales endpoints of a node without a market (spec node §2.1). */
  private static final String NO_MARKET = "Persistence is not enabled";
  private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");

  private static Path dir;
  private static Node node;
  private static HttpClient http;
  /** The seeded dataset: a file of two blocks with a file name and a MIME type. */
  private static byte[] seed;
  private static String seedCid;
  private static Manifest seedManifest;
  private static List<String> seedBlocks;
  private static List<String> knownParameters;

  @BeforeAll
  static void startNode() throws IOException {
    // Small answers without Nagle's delay (the JDK server's switch): about 20× more requests per second.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    dir = Files.createTempDirectory("slotbeam-rest-fuzz");
    node =
        Node.start(
            new NodeConfig(dir, "127.0.0.1", 0, 1L << 30, NodeConfig.DEFAULT_BLOCK_TTL,
                NodeConfig.DEFAULT_MAINTENANCE_INTERVAL, NodeConfig.DEFAULT_MAINTENANCE_BATCH, List.of()),
            Clock.systemUTC());
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    seed = new byte[Chunker.DEFAULT_BLOCK_SIZE + 1000];
    new Random(24).nextBytes(seed);
    seedCid = reseed();
    seedManifest = ManifestCodec.decode(Cid.parse(seedCid), node.store().get(Cid.parse(seedCid)).orElseThrow().data());
    seedBlocks = new ArrayList<>();
    for (int i = 0; i < seedManifest.blocksCount(); i++) {
      seedBlocks.add(node.store().leafCid(seedManifest.treeCid(), i).orElseThrow().toString());
    }
    knownParameters = new ArrayList<>(List.of(seedCid, seedManifest.treeCid().toString(), "0", "1", "2", "-1"));
    knownParameters.addAll(seedBlocks);
  }

  @AfterAll
  static void stopNode() throws IOException {
    node.close();
    MoreFiles.deleteRecursively(dir, RecursiveDeleteOption.ALLOW_INSECURE);
  }

  /** Uploads the seed (again: a fuzzed DELETE or PUT may have removed or shared its blocks). */
  private static String reseed() throws IOException {
    HttpResponse<byte[]> response =
        send(HttpRequest.newBuilder(api("data"))
            .header("Content-Type", "text/plain")
            .header("Content-Disposition", "attachment; filename=\"seed.txt\"")
            .POST(HttpRequest.BodyPublishers.ofByteArray(seed)));
    assertEquals(200, response.statusCode(), text(response));
    return text(response);
  }

  @FuzzTest(maxDuration = "2m")
  void everyRequestGetsA2xxOr4xxThatSaysWhy(FuzzedDataProvider data) throws IOException {
    ManifestPut put = data.consumeInt(0, 5) == 0 ? manifestPut(data) : null;
    String method = put != null ? "PUT" : data.pickValue(METHODS);
    String path = put != null ? put.path() : path(data);
    if (method.equals("POST") && path.equals("peers")) {
      return; // adding peers changes what later inputs do (network fetches); RestApiTest covers it
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(api(path));
    String range = data.consumeBoolean() ? headerValue(data, "bytes=") : null;
    for (String header : List.of("Range", "Content-Type", "Content-Disposition")) {
      String value = header.equals("Range") ? range : data.consumeBoolean() ? headerValue(data, "") : null;
      if (value != null) {
        request.header(header, value);
      }
    }
    byte[] body = put != null ? put.body() : data.consumeRemainingAsBytes();
    request.method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));

    HttpResponse<byte[]> response = send(request);
    String where = method + " " + path + " (Range " + range + ", " + body.length + " body bytes)";
    int status = response.statusCode();
    if (status == 503 && (path.startsWith("storage/") || path.startsWith("sales/"))
        && text(response).equals(NO_MARKET)) {
      return; // a node without a market answers its purchasing and sales endpoints so, as nim-codex does
    }
    assertTrue(status >= 200 && status < 500, where + " answered " + status + ": " + text(response));
    if (status >= 400 && !method.equals("HEAD")) { // a HEAD answer has no body
      assertFalse(text(response).isBlank(), where + " answered " + status + " without saying why");
      assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), where);
      if (status == 416) {
        assertTrue(text(response).contains("Range '" + range.strip()), where + ": " + text(response));
      }
    } else if (method.equals("GET") && path.startsWith("data/" + seedCid) && !path.endsWith("exists")
        && !path.contains("manifest")) {
      assertDownloadedBytesOfTheSeed(response, where);
    } else if (method.equals("PUT") && path.startsWith("manifests/")) {
      assertAcceptedManifestDownloads(path.substring("manifests/".length()), where);
    } else if (method.equals("POST") && path.equals("data")) {
      assertEquals(204, send(HttpRequest.newBuilder(api("data/" + text(response))).DELETE()).statusCode(), where);
    }
    if (!method.equals("GET")) { // a write, taken or refused, leaves a sound repository
      RepoCheck.Report check = RepoCheck.run(node.store());
      assertTrue(check.ok(), where + " left " + check.problems());
      if (status < 300) {
        reseed(); // it may have deleted the seed or shared its tree
      }
    }
  }

  /** A 200 is the whole seed; a 206 the bytes its Content-Range names. */
  private static void assertDownloadedBytesOfTheSeed(HttpResponse<byte[]> response, String where) {
    if (response.statusCode() == 200) {
      assertArrayEquals(seed, response.body(), where);
      return;
    }
    assertEquals(206, response.statusCode(), where);
    Matcher range = CONTENT_RANGE.matcher(response.headers().firstValue("Content-Range").orElseThrow());
    assertTrue(range.matches(), where);
    int first = Integer.parseInt(range.group(1));
    int last = Integer.parseInt(range.group(2));
    assertEquals(seed.length, Integer.parseInt(range.group(3)), where);
    assertArrayEquals(Arrays.copyOfRange(seed, first, last + 1), response.body(), where);
  }

  /** A manifest the node took is served: its bytes are exactly as long as its datasetSize says. */
  private static void assertAcceptedManifestDownloads(String cid, String where) throws IOException {
    HttpResponse<byte[]> download = send(HttpRequest.newBuilder(api("data/" + cid)).GET());
    assertEquals(200, download.statusCode(), where + ", then its download: " + text(download));
    Manifest manifest = ManifestCodec.decode(Cid.parse(cid), node.store().get(Cid.parse(cid)).orElseThrow().data());
    assertEquals(manifest.datasetSize(), download.body().length, where);
  }

  /** A route with each parameter a known CID or index, or fuzzed text; or a free-form path. */
  private static String path(FuzzedDataProvider data) {
    if (data.consumeInt(0, 9) == 0) {
      return encode(data.consumeString(200)).replace("%2F", "/");
    }
    String template = data.pickValue(TEMPLATES);
    StringBuilder path = new StringBuilder();
    int at = 0;
    for (int brace = template.indexOf("{}"); brace >= 0; brace = template.indexOf("{}", at)) {
      path.append(template, at, brace);
      path.append(data.consumeBoolean() ? data.pickValue(knownParameters) : encode(data.consumeString(100)));
      at = brace + 2;
    }
    return path.append(template.substring(at)).toString();
  }

  /** {@code prefix} then fuzzed text, as a header value HTTP can carry (visible ASCII and spaces). */
  private static String headerValue(FuzzedDataProvider data, String prefix) {
    StringBuilder value = new StringBuilder(data.consumeBoolean() ? prefix : "");
    for (char c : data.consumeString(120).toCharArray()) {
      value.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return value.toString();
  }

  private record ManifestPut(String path, byte[] body) {}

  /**
   * {@code PUT /manifests/CID} with {@code {"manifest": …, "tree": […]}}: a manifest over the
   * seeded tree with a fuzzed block size, dataset size (often one that fits the tree), file name
   * and MIME type, and a tree of the seed's blocks, maybe cut short.
   */
  private static ManifestPut manifestPut(FuzzedDataProvider data) throws IOException {
    int blocks = data.consumeInt(0, seedBlocks.size());
    int blockSize = data.consumeInt(1, 1 << 21);
    long datasetSize =
        data.consumeBoolean()
            ? data.consumeLong(0, 1L << 40)
            : (long) blockSize * Math.max(0, blocks - 1) + data.consumeInt(1, blockSize);
    Manifest manifest;
    try {
      manifest =
          Manifest.plain(seedManifest.treeCid(), datasetSize, blockSize)
              .withFilename(data.consumeString(40))
              .withMimetype(data.consumeString(40));
    } catch (InvalidManifestException e) {
      manifest = seedManifest;
    }
    ObjectNode json = JSON.createObjectNode();
    json.put("manifest", Base64.getEncoder().encodeToString(ManifestCodec.encode(manifest)));
    var tree = json.putArray("tree");
    seedBlocks.subList(0, blocks).forEach(tree::add);
    return new ManifestPut("manifests/" + ManifestCodec.cid(manifest), JSON.writeValueAsBytes(json));
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static URI api(String path) {
    return URI.create(node.baseUrl() + Router.BASE + path);
  }

  private static HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException {
    try {
      return http.send(request.timeout(PATIENCE).build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (IOException e) {
      fail("no answer (dropped connection or timeout): " + e, e);
      throw e;
    }
  }

  private static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }
}
