package io.slotbeam.tools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.manifest.Manifest;
import io.slotbeam.core.manifest.ManifestCodec;
import io.slotbeam.node.NodeConfig;
import io.slotbeam.node.validator.ValidationConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.ParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeCommandTest extends CliTest {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @TempDir Path dir;



  private static NodeConfig parse(String... args) throws ParseException {
    CommandLine line = new DefaultParser().parse(new NodeCommand().options(), args);
    return NodeCommand.config(line);
  }

  @Test
  void defaultsAreNimCodexs() throws ParseException {
    NodeConfig config = parse();
    assertEquals(Path.of(System.getProperty("user.home"), ".cache", "slotbeam"), config.dataDir());
    assertEquals("127.0.0.1", config.bindAddress());
    assertEquals(8080, config.port());
    assertEquals(21_474_836_480L, config.quota(), "20 GiB (spec node §10.3)");
    assertEquals(Duration.ofDays(30), config.blockTtl());
    assertEquals(Duration.ofMinutes(10), config.maintenanceInterval());
    assertEquals(1000, config.maintenanceBatch());
    assertEquals(List.of(), config.peers());
  }

  @Test
  void optionsTakeSizesAndDurationsWithUnits() throws ParseException {
    NodeConfig config =
        parse("-d", "/x", "-p", "0", "--api-bindaddr", "0.0.0.0", "-q", "1GiB", "-t", "1h30m",
            "--block-mi", "45s", "--block-mn", "7", "--peer", "http://a:1", "--peer", "http://b:2");
    assertEquals(Path.of("/x"), config.dataDir());
    assertEquals(0, config.port());
    assertEquals("0.0.0.0", config.bindAddress());
    assertEquals(1L << 30, config.quota());
    assertEquals(Duration.ofMinutes(90), config.blockTtl());
    assertEquals(Duration.ofSeconds(45), config.maintenanceInterval());
    assertEquals(7, config.maintenanceBatch());
    assertEquals(List.of("http://a:1", "http://b:2"), config.peers());
    assertEquals(512L << 20, NodeCommand.size("512M"));
    assertEquals(3L << 40, NodeCommand.size("3tb"), "binary units, as nim-codex parses them");
    assertEquals(1000, NodeCommand.size("1000"));
    assertEquals(Duration.ofDays(14), parse("-t", "2w").blockTtl());
    assertEquals(Duration.ofSeconds(90), parse("-t", "90").blockTtl());
  }

  @Test
  void badOptionValuesAreUsageErrorsNamingTheValue() {
    assertEquals(2, run("node", "-q", "12XB"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--storage-quota '12XB' is not a size"));
    assertEquals(2, run("node", "-q", "0"));
    assertEquals(2, run("node", "-q", "9000000000000000000G"));
    assertEquals(2, run("node", "-t", "forever"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--block-ttl 'forever' is not a duration"));
    assertEquals(2, run("node", "-t", "5m5"));
    assertEquals(2, run("node", "-p", "70000"));
    assertEquals(2, run("node", "--log-level", "loud", "-d", dir.toString()));
    assertEquals(2, run("node", "extra"));
  }

  @Test
  void validatorOptionsAreNimCodexsAndOffByDefault() throws ParseException {
    assertEquals(Optional.empty(), parse().validation());
    assertEquals(Optional.of(new ValidationConfig(1000, OptionalInt.empty(), 0)), parse("--validator").validation());
    assertEquals(
        Optional.of(new ValidationConfig(0, OptionalInt.of(4), 3)),
        parse("--validator", "--validator-max-slots", "0", "--validator-groups", "4", "--validator-group-index", "3").validation());
  }

  @Test
  void badValidatorOptionsAreUsageErrorsWithNimCodexsMessages() {
    assertEquals(2, run("node", "--validator", "--validator-groups", "4", "--validator-group-index", "4"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains(
        "The value of the group index must be less than validation groups! (got: groupIndex = 4, groups = 4)"));
    assertEquals(2, run("node", "--validator", "--validator-max-slots", "-1"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains(
        "The value of maxSlots must be greater than or equal to 0! (got: -1)"));
    assertEquals(2, run("node", "--validator", "--validator-groups", "1"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("(got: groups = 1)"));
    assertEquals(2, run("node", "--validator-group-index", "1"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--validator-group-index needs --validator"));
  }

  @Test
  void theValidatorWithoutAMarketplaceRefusesToStart() {
    assertEquals(1, run("node", "--validator", "-d", dir.toString(), "-p", "0"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("the validator needs a marketplace"), err.toString(StandardCharsets.UTF_8));
  }

  /**
   * A node in its own JVM: an upload gives the manifest CID {@code slotbeam encode} gives; the
   * process is then killed with SIGKILL, {@code --check} finds the repository sound, and a new
   * node serves the same bytes.
   */
  @Test
  void nodeKilledAfterAnUploadKeepsItAndMatchesEncode() throws Exception {
    byte[] content = new byte[5 * 65536 + 321];
    new Random(5).nextBytes(content);
    Path file = Files.write(dir.resolve("data.bin"), content);
    Path data = dir.resolve("node");

    Process node = startNode(data);
    String cid;
    try {
      URI api = awaitStarted(node);
      HttpResponse<String> upload =
          HTTP.send(HttpRequest.newBuilder(URI.create(api + "/data")).POST(HttpRequest.BodyPublishers.ofFile(file)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, upload.statusCode(), upload.body());
      cid = upload.body();
    } finally {
      node.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    assertEquals(0, run("encode", file.toString(), "--repo", dir.resolve("repo").toString(), "--json"));
    JsonNode encoded = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    assertEquals(cid, encoded.get("manifestCid").asText());
    int manifestBytes =
        ManifestCodec.encode(Manifest.plain(Cid.parse(encoded.get("treeCid").asText()), content.length, 65536)).length;

    out.reset();
    assertEquals(0, run("node", "--check", "-d", data.toString()), err.toString(StandardCharsets.UTF_8));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("checked 7 blocks, " + (6 * 65536 + manifestBytes) + " bytes"), out.toString(StandardCharsets.UTF_8));
    assertTrue(out.toString(StandardCharsets.UTF_8).endsWith("ok\n"));

    Process again = startNode(data);
    try {
      URI api = awaitStarted(again);
      HttpResponse<byte[]> download =
          HTTP.send(HttpRequest.newBuilder(URI.create(api + "/data/" + cid)).build(), HttpResponse.BodyHandlers.ofByteArray());
      assertArrayEquals(content, download.body());
    } finally {
      again.destroy();
      assertTrue(again.waitFor(30, TimeUnit.SECONDS), "SIGTERM stops the node");
    }
  }

  private Process startNode(Path data) throws IOException {
    return new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            SlotbeamCli.class.getName(),
            "node", "-d", data.toString(), "-p", "0", "-q", "64MiB", "--log-level", "warn")
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  /** The API URL from the node's first line, {@code REST service started: URL}. */
  private static URI awaitStarted(Process node) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
    String line = reader.readLine();
    if (line == null || !line.startsWith("REST service started: ")) {
      throw new IllegalStateException("the node did not start: " + line);
    }
    return URI.create(line.substring("REST service started: ".length()));
  }
}
