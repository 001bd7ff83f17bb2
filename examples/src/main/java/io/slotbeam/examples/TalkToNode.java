package io.slotbeam.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Example 6: talk to a running node ({@code ./slotbeam node}) over its REST API, nim-codex's
 * {@code /api/codex/v1}, with nothing but the JDK's HTTP client: upload a file with its name, list
 * the node's datasets, and download the file again by its manifest CID.
 *
 * <p>Run (after {@code mvn -B -q -pl examples -am package -DskipTests}, with a node started by
 * {@code ./slotbeam node -d DATA_DIR}, from the repository root): {@code java -cp
 * examples/target/classes:$(cat examples/target/examples.classpath) io.slotbeam.examples.TalkToNode
 * http://127.0.0.1:8080 FILE}
 */
public final class TalkToNode {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String api;

  public TalkToNode(URI node) {
    this.api = node + "/api/codex/v1";
  }

  /** What the example did: the uploaded dataset's CID, the node's listing, the downloaded bytes. */
  public record Outcome(String cid, JsonNode listing, byte[] downloaded) {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length != 2) {
      System.err.println("usage: TalkToNode NODE_URL FILE");
      System.exit(2);
    }
    new TalkToNode(URI.create(args[0])).run(Path.of(args[1]), System.out);
  }

  /** Uploads {@code file}, lists the node's datasets, downloads the upload. */
  public Outcome run(Path file, PrintStream out) throws IOException, InterruptedException {
    // The node takes the file name from Content-Disposition and checks the MIME type, as nim-codex does.
    HttpRequest upload =
        HttpRequest.newBuilder(URI.create(api + "/data"))
            .header("Content-Type", "application/octet-stream")
            .header("Content-Disposition", "attachment; filename=\"" + file.getFileName() + "\"")
            .POST(HttpRequest.BodyPublishers.ofFile(file))
            .build();
    String cid = new String(send(upload).body(), StandardCharsets.UTF_8);
    out.println("uploaded   " + file.getFileName() + " as " + cid);

    JsonNode listing = JSON.readTree(send(HttpRequest.newBuilder(URI.create(api + "/data")).build()).body());
    for (JsonNode item : listing.get("content")) {
      JsonNode manifest = item.get("manifest");
      out.printf("stored     %s %s (%d bytes)%n", item.get("cid").asText(),
          manifest.path("filename").asText("-"), manifest.get("datasetSize").asLong());
    }

    byte[] downloaded = send(HttpRequest.newBuilder(URI.create(api + "/data/" + cid)).build()).body();
    out.println("downloaded " + downloaded.length + " bytes");
    return new Outcome(cid, listing, downloaded);
  }

  /** Sends {@code request}; an answer other than 200 is an error naming the node's message. */
  private HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IOException(request.method() + " " + request.uri() + " answered " + response.statusCode() + ": "
          + new String(response.body(), StandardCharsets.UTF_8));
    }
    return response;
  }
}
