package io.slotbeam.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotbeam.core.groth16.HardhatExample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code slotbeam verify} on the upstream hardhat vector (spec datapath §10.7) and broken copies. */
class VerifyCommandTest extends CliTest {
  /** The first public input (entropy) of the hardhat example, and r, the scalar field's order. */
  private static final String ENTROPY = "10941033813";
  private static final String R =
      "21888242871839275222246405745257275088548364400416034343698204186575808495617";

  @TempDir Path dir;



  private int verify(String vkey, String proof, String pub) {
    return run("verify", "--vkey", vkey, "--proof", proof, "--public", pub);
  }

  private static String file(String name) {
    return HardhatExample.file(name).toString();
  }

  /** A copy of the vector file {@code name} with {@code from} replaced by {@code to}. */
  private String edited(String name, String from, String to) throws IOException {
    String text = HardhatExample.text(name);
    assertTrue(text.contains(from), name + " lacks " + from);
    return Files.writeString(dir.resolve(name + ".json"), text.replace(from, to)).toString();
  }



  @Test
  void theUpstreamExampleProofIsValid() {
    assertEquals(0, verify(file("verification-key"), file("example-proof"), file("example-public")));
    assertTrue(stdout().startsWith("valid"), stdout());
  }

  @Test
  void aChangedPublicInputIsInvalid() throws IOException {
    String pub = edited("example-public", ENTROPY, "10941033814");
    assertEquals(1, verify(file("verification-key"), file("example-proof"), pub));
    assertTrue(stdout().startsWith("invalid"), stdout());
    assertEquals("", stderr());
  }

  @Test
  void aProofPointOffTheTwistIsMalformedNamingIt() throws IOException {
    String proof =
        edited(
            "example-proof",
            "5214601005301447749408976517903523691026761713935248596363525026084207179898",
            "5214601005301447749408976517903523691026761713935248596363525026084207179899");
    assertEquals(1, verify(file("verification-key"), proof, file("example-public")));
    assertEquals("", stdout());
    assertTrue(stderr().contains("malformed") && stderr().contains("pi_b")
        && stderr().contains("not on its curve"), stderr());
    assertEquals(1, stderr().lines().count(), stderr());
  }

  @Test
  void aPublicInputNotBelowRIsMalformedNamingTheFile() throws IOException {
    String pub = edited("example-public", ENTROPY, R);
    assertEquals(1, verify(file("verification-key"), file("example-proof"), pub));
    assertTrue(stderr().contains("--public " + pub), stderr());
  }

  @Test
  void tooFewPublicInputsIsMalformed() throws IOException {
    String pub = edited("example-public", "\"" + ENTROPY + "\",", "");
    assertEquals(1, verify(file("verification-key"), file("example-proof"), pub));
    assertTrue(stderr().contains("2 public inputs") && stderr().contains("nPublic = 3"), stderr());
  }

  @Test
  void aMissingFileIsBadData() {
    assertEquals(1, verify(file("verification-key"), dir.resolve("none.json").toString(),
        file("example-public")));
    assertTrue(stderr().contains("none.json"), stderr());
  }

  @Test
  void aMissingOptionIsBadUsage() {
    assertEquals(2, run("verify", "--vkey", file("verification-key"), "--proof", file("example-proof")));
    assertTrue(stderr().contains("public"), stderr());
  }
}
