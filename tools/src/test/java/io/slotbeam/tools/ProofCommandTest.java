package io.slotbeam.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slotbeam.core.groth16.HardhatExample;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProofCommandTest extends CliTest {
  /** The hardhat example proof's struct words, as the spec lists them. */
  private static final List<String> WORDS =
      HardhatExample.PROOF_WORDS.stream().map(BigInteger::toString).toList();

  @TempDir Path dir;



  private static String example() {
    return HardhatExample.file("example-proof").toString();
  }

  @Test
  void toChainPrintsTheEightWordsOnePerLine() {
    assertEquals(0, run("proof", "--to-chain", example()));
    assertEquals(WORDS, out.toString(StandardCharsets.UTF_8).lines().toList());
  }

  @Test
  void toChainJsonNamesTheStructFields() throws IOException {
    assertEquals(0, run("proof", "--to-chain", "--json", example()));
    JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    assertEquals(WORDS.get(0), json.get("a").get("x").asText());
    assertEquals(WORDS.get(1), json.get("a").get("y").asText());
    assertEquals(WORDS.get(2), json.get("b").get("x").get("real").asText());
    assertEquals(WORDS.get(3), json.get("b").get("x").get("imag").asText());
    assertEquals(WORDS.get(4), json.get("b").get("y").get("real").asText());
    assertEquals(WORDS.get(5), json.get("b").get("y").get("imag").asText());
    assertEquals(WORDS.get(6), json.get("c").get("x").asText());
    assertEquals(WORDS.get(7), json.get("c").get("y").asText());
  }

  @Test
  void aMalformedProofIsBadDataNamingTheField() throws IOException {
    String text = Files.readString(Path.of(example())).replace("\"bn128\"", "\"bls12381\"");
    Path file = Files.writeString(dir.resolve("proof.json"), text);
    assertEquals(1, run("proof", "--to-chain", file.toString()));
    assertEquals("", out.toString(StandardCharsets.UTF_8));
    String error = err.toString(StandardCharsets.UTF_8);
    assertTrue(error.contains("curve must be \"bn128\""), error);
    assertEquals(1, error.lines().count(), error);
  }

  @Test
  void withoutToChainIsBadUsage() {
    assertEquals(2, run("proof", example()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--to-chain"));
  }
}
