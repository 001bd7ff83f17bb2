package io.slotbeam.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotbeam.core.block.PlainDataset;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.field.Fr;
import io.slotbeam.core.slots.CellSelector;
import io.slotbeam.core.slots.ProofInput;
import io.slotbeam.core.store.FileBlockStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs every example on small input and checks what it printed and returned. */
class ExamplesTest {
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

  private Path randomFile(String name, int size, long seed) throws IOException {
    byte[] data = new byte[size];
    new Random(seed).nextBytes(data);
    return Files.write(dir.resolve(name), data);
  }
}
