package io.slotbeam.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.slotbeam.core.block.Chunker;
import io.slotbeam.core.block.PlainDataset;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.dataset.Upload;
import io.slotbeam.core.field.Fr;
import io.slotbeam.core.groth16.PublicInputs;
import io.slotbeam.core.slots.CellSelector;
import io.slotbeam.core.slots.ProofInput;
import io.slotbeam.core.store.FileBlockStore;
import io.slotbeam.core.store.InMemoryBlockStore;
import io.slotbeam.node.Node;
import io.slotbeam.node.NodeConfig;
import io.slotbeam.prover.groth16.NativeVerifier;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs every example on small input and checks what it printed and returned. */
class ExamplesTest {
  private static final Path ROOT = Path.of(System.getProperty("slotbeam.root"));

  @TempDir Path dir;
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

  @Test
  void hashFileGivesNimCodexTreeCidForItsIntegrationTestUpload() throws IOException {
    Path file = Files.writeString(dir.resolve("upload.txt"), "some file contents");
    PlainDataset dataset = HashFile.hash(file, out);
    // nim-codex's upload vector (spec datapath §2.4).
    String treeCid = "zDzSvJTezk7bJNQqFq8k1iHXY84psNuUfZVusA5bBQQUSuyzDSVL";
    assertEquals(treeCid, dataset.treeCid().toString());
    assertEquals(1, dataset.blockCount());
    List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(2, lines.size());
    assertTrue(lines.get(0).startsWith("block   "));
    assertEquals("treeCid " + treeCid, lines.get(1));
  }

  @Test
  void encodeAndRepairRestoresTheDeletedBlock() throws IOException {
    Path file = randomFile("data.bin", 300_000, 7);
    FileBlockStore store = FileBlockStore.open(dir.resolve("repo"));
    EncodeAndRepair.Outcome outcome = EncodeAndRepair.run(file, store, out);
    assertTrue(outcome.report().complete());
    assertEquals(List.of(0L), outcome.report().restored());
    for (Cid lost : outcome.lost()) {
      assertTrue(store.has(lost), "block " + lost + " is back");
    }
    assertTrue(printed.toString(StandardCharsets.UTF_8).contains("repair complete     true"));
  }

  @Test
  void sampleSlotAnswersTheChallengeWithACheckedCircuitInput() throws IOException {
    Path file = randomFile("data.bin", 200_000, 8);
    byte[] challenge = new byte[32];
    challenge[0] = 42;
    ProofInput input = SampleSlot.run(file, FileBlockStore.open(dir.resolve("repo")), challenge, out);
    Fr entropy = CellSelector.entropy(challenge);
    assertEquals(entropy, input.entropy());
    assertEquals(0, input.slotIndex());
    assertEquals(5, input.samples().size());
    String printedText = printed.toString(StandardCharsets.UTF_8);
    assertTrue(printedText.contains("verifyRoot          " + input.dataSetRoot()), printedText);
    assertTrue(printedText.contains("circuit input       checks out"), printedText);
  }

  /**
   * The proof of slot 0 verifies, its public inputs are the sampled input's, and the same proof
   * claiming another entropy does not verify. The circuit and its development setup are the
   * cached ones the other modules' tests use (slotbeam.cache: circuits/target).
   */
  @Test
  void proveSlotProvesSlotZeroWithTheSmallCircuitAndTheProofVerifies() throws Exception {
    byte[] challenge = new byte[32];
    challenge[31] = 9;
    ProveSlot.Outcome outcome =
        ProveSlot.run(ROOT, randomFile("data.bin", 200_000, 9), FileBlockStore.open(dir.resolve("repo")), challenge, out);

    assertTrue(outcome.proof().verified());
    ProofInput input = outcome.input();
    assertEquals(List.of(input.entropy(), input.dataSetRoot(), Fr.of(input.slotIndex())),
        outcome.proof().publicInputs().values());
    assertTrue(new NativeVerifier().verify(outcome.key(), outcome.proof().publicInputs(), outcome.proof().proof()));
    PublicInputs forged = new PublicInputs(List.of(input.entropy().add(Fr.ONE), input.dataSetRoot(), Fr.of(0)));
    assertFalse(new NativeVerifier().verify(outcome.key(), forged, outcome.proof().proof()));
    String printedText = printed.toString(StandardCharsets.UTF_8);
    assertTrue(printedText.contains("UNSAFE FOR PRODUCTION"), printedText);
    assertTrue(printedText.contains("proof               verifies"), printedText);
  }

  /**
   * Each file of the folder gets the treeCid hashing it gives and the plain manifest an upload
   * gives; the verifiable dataset of one of them has the verify root the sequential core path
   * (example 3) computes.
   */
  @Test
  void encodeFolderGivesEachFileTheManifestsOfTheSequentialPath() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("folder"));
    List<Path> files = List.of(randomFile("folder/a.bin", 150_000, 1), randomFile("folder/b.bin", 70_000, 2));
    JsonNode summary = EncodeFolder.run(folder, dir.resolve("repo"), List.of("--targetParallelism=2"), out);

    assertEquals(files.size(), summary.size());
    for (JsonNode entry : summary) {
      Path file = Path.of(entry.get("file").asText());
      assertTrue(files.contains(file), file.toString());
      assertEquals(HashFile.hash(file, new PrintStream(OutputStream.nullOutputStream())).treeCid().toString(),
          entry.get("treeCid").asText());
      Upload.Stored upload;
      try (InputStream in = Files.newInputStream(file)) {
        upload = Upload.store(in, Chunker.DEFAULT_BLOCK_SIZE, Optional.empty(), Optional.empty(), new InMemoryBlockStore());
      }
      assertEquals(upload.manifestCid().toString(), entry.get("manifestCid").asText());
      assertTrue(printed.toString(StandardCharsets.UTF_8).contains(
          file.getFileName() + "  manifest " + upload.manifestCid() + "  verifiable " + entry.get("verifiable").get("manifestCid").asText()));
    }
    JsonNode first = summary.get(0);
    ProofInput sequential =
        SampleSlot.run(Path.of(first.get("file").asText()), FileBlockStore.open(dir.resolve("reference")), new byte[32],
            new PrintStream(OutputStream.nullOutputStream()));
    assertEquals(sequential.dataSetRoot().toString(), first.get("verifiable").get("verifyRoot").asText());
  }

  /** Against a real node on a free loopback port: the upload is listed and downloads unchanged. */
  @Test
  void talkToNodeUploadsListsAndDownloadsTheFile() throws Exception {
    Path file = randomFile("notes.bin", 100_000, 6);
    NodeConfig config =
        new NodeConfig(dir.resolve("node"), "127.0.0.1", 0, NodeConfig.DEFAULT_QUOTA, NodeConfig.DEFAULT_BLOCK_TTL,
            NodeConfig.DEFAULT_MAINTENANCE_INTERVAL, NodeConfig.DEFAULT_MAINTENANCE_BATCH, List.of());
    TalkToNode.Outcome outcome;
    try (Node node = Node.start(config, Clock.systemUTC())) {
      outcome = new TalkToNode(node.baseUrl()).run(file, out);
    }

    Upload.Stored reference;
    try (InputStream in = Files.newInputStream(file)) {
      reference = Upload.store(in, Chunker.DEFAULT_BLOCK_SIZE, Optional.of("notes.bin"),
          Optional.of("application/octet-stream"), new InMemoryBlockStore());
    }
    assertEquals(reference.manifestCid().toString(), outcome.cid());
    JsonNode listed = outcome.listing().get("content");
    assertEquals(1, listed.size());
    assertEquals(outcome.cid(), listed.get(0).get("cid").asText());
    assertEquals("notes.bin", listed.get(0).get("manifest").get("filename").asText());
    assertArrayEquals(Files.readAllBytes(file), outcome.downloaded());
    assertTrue(printed.toString(StandardCharsets.UTF_8).contains("stored     " + outcome.cid() + " notes.bin (100000 bytes)"));
  }

  private Path randomFile(String name, int size, long seed) throws IOException {
    byte[] data = new byte[size];
    new Random(seed).nextBytes(data);
    return Files.write(dir.resolve(name), data);
  }
}
