package io.slotbeam.core.groth16;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slotbeam.core.field.Fr;
import io.slotbeam.core.field.FrMontgomery;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class Groth16JsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void readsHardhatProofAndWritesItBackAsSnarkjsDid() throws IOException {
    String text = HardhatExample.text("example-proof");
    Proof proof = Groth16Json.readProof(text);
    // spec datapath §10.7
    assertEquals(
        new BigInteger(
            "6534256117371673392078914918983405561950705741555607896616281548993166767050"),
        proof.a().x().value());
    assertEquals(
        new BigInteger(
            "12928862018496028019248584699701543976607635004280021323367162829172676142063"),
        proof.b().x().c1().value());
    assertEquals(MAPPER.readTree(text), Groth16Json.proofJson(proof));
    assertEquals(text, Groth16Json.writeProof(proof));
  }

  @Test
  void readsHardhatPublicInputsAndWritesThemBack() throws IOException {
    String text = HardhatExample.text("example-public");
    PublicInputs inputs = Groth16Json.readPublic(text);
    assertEquals(
        List.of(
            Fr.of(10941033813L),
            Fr.parseDecimal(
                "16074246370508166450132968585287196391860062495017081813239200574579640171677"),
            Fr.of(3)),
        inputs.values());
    assertEquals(text, Groth16Json.writePublic(inputs));
  }

  @Test
  void readsHardhatVerificationKeyAndWritesItBack() throws IOException {
    String text = HardhatExample.text("verification-key");
    VerificationKey key = Groth16Json.readVerificationKey(text);
    assertEquals(3, key.nPublic());
    assertEquals(
        new BigInteger(
            "13816319482622393060406816684195314200198627617641073470088058848129378231754"),
        key.ic().get(3).y().value());
    assertTrue(key.alphaBeta12().isPresent());
    assertEquals(MAPPER.readTree(text), Groth16Json.verificationKeyJson(key));
    assertEquals(text, Groth16Json.writeVerificationKey(key));
  }

  @Test
  void refusesToWriteKeyWithoutAlphaBeta() throws IOException {
    VerificationKey key = Groth16Json.readVerificationKey(HardhatExample.text("verification-key"));
    InvalidGroth16Exception e =
        assertThrows(
            InvalidGroth16Exception.class,
            () -> Groth16Json.writeVerificationKey(key.withoutAlphaBeta12()));
    assertTrue(e.getMessage().contains("vk_alphabeta_12"), e.getMessage());
  }

  @Test
  void writesAndReadsPointsAtInfinity() {
    Proof proof = new Proof(G1Point.INFINITY, G2Point.INFINITY, G1Point.INFINITY);
    JsonNode json = Groth16Json.proofJson(proof);
    assertEquals("[\"0\",\"1\",\"0\"]", json.get("pi_a").toString());
    assertEquals("[[\"0\",\"0\"],[\"1\",\"0\"],[\"0\",\"0\"]]", json.get("pi_b").toString());
    assertEquals(proof, Groth16Json.readProof(Groth16Json.writeProof(proof)));
  }

  @Test
  void rejectsMalformedProofs() throws IOException {
    String p = "21888242871839275222246405745257275088696311157297823662689037894645226208583";
    proofRejected(j -> j.put("protocol", "plonk"), "protocol must be \"groth16\"");
    proofRejected(j -> j.put("curve", "bls12381"), "curve must be \"bn128\"");
    proofRejected(j -> j.remove("pi_c"), "missing key 'pi_c'");
    proofRejected(j -> j.put("extra", 1), "unknown key 'extra'");
    proofRejected(j -> ((ArrayNode) j.get("pi_a")).remove(2), "pi_a must have 3 entries but has 2");
    proofRejected(j -> ((ArrayNode) j.get("pi_a")).set(0, "0x12"), "pi_a[0] must be a decimal string");
    proofRejected(j -> ((ArrayNode) j.get("pi_a")).set(0, 12), "pi_a[0] must be a decimal string");
    proofRejected(j -> ((ArrayNode) j.get("pi_a")).set(0, "-5"), "pi_a[0] must be a decimal string");
    proofRejected(j -> ((ArrayNode) j.get("pi_a")).set(0, p), "pi_a[0]: base-field element " + p);
    proofRejected(j -> ((ArrayNode) j.get("pi_a")).set(2, "2"), "pi_a[2] must be \"1\"");
    proofRejected(j -> ((ArrayNode) j.get("pi_c")).set(1, "5"), "pi_c: G1 point");
    proofRejected(j -> ((ArrayNode) j.get("pi_b").get(1)).set(1, p), "pi_b[1][1]: base-field element");
    proofRejected(j -> ((ArrayNode) j.get("pi_b").get(2)).set(1, "1"), "pi_b[2] must be [\"1\", \"0\"]");
    proofRejected(j -> ((ArrayNode) j.get("pi_b")).set(2, MAPPER.createArrayNode().add("0").add("0")), "pi_b has z = 0 but is not infinity");
    InvalidGroth16Exception e =
        assertThrows(InvalidGroth16Exception.class, () -> Groth16Json.readProof("{\"pi_a\": "));
    assertTrue(e.getMessage().startsWith("proof is not JSON"), e.getMessage());
  }

  @Test
  void rejectsMalformedPublicInputs() {
    String r = FrMontgomery.MODULUS.toString();
    publicRejected("{}", "public inputs must be an array");
    publicRejected("[\"1\", 2]", "public[1] must be a decimal string");
    publicRejected("[\"1\", \"" + r + "\"]", "public[1]: " + r + " is not a public input in [0, r)");
    publicRejected("[\"1\", \"007\"]", "public[1] must be a decimal string");
  }

  @Test
  void rejectsMalformedVerificationKeys() throws IOException {
    keyRejected(j -> j.put("nPublic", 2), "nPublic is 2 but IC has 4 points");
    keyRejected(j -> j.put("nPublic", "3"), "nPublic must be a non-negative integer");
    keyRejected(j -> j.put("protocol", "fflonk"), "protocol must be \"groth16\"");
    keyRejected(j -> j.remove("vk_alphabeta_12"), "missing key 'vk_alphabeta_12'");
    keyRejected(j -> ((ArrayNode) j.get("vk_alphabeta_12")).remove(1), "vk_alphabeta_12 must have 2 entries");
    keyRejected(j -> ((ArrayNode) j.get("vk_alphabeta_12").get(1).get(2)).set(0, "x"), "vk_alphabeta_12[1][2][0] must be a decimal string");
    keyRejected(j -> ((ArrayNode) j.get("IC").get(2)).set(1, "1"), "IC[2]: G1 point");
    keyRejected(j -> ((ArrayNode) j.get("vk_delta_2").get(0)).set(0, Fp.MODULUS.add(BigInteger.ONE).toString()), "vk_delta_2[0][0]: base-field element");
    keyRejected(j -> j.put("IC", "none"), "IC must be an array");
  }

  @Test
  void keyWithoutAlphaBetaEqualsTheReadKeyStripped() throws IOException {
    VerificationKey key = Groth16Json.readVerificationKey(HardhatExample.text("verification-key"));
    VerificationKey stripped = key.withoutAlphaBeta12();
    assertEquals(Optional.empty(), stripped.alphaBeta12());
    assertEquals(key, stripped.withAlphaBeta12(key.alphaBeta12().orElseThrow()));
  }

  private static void proofRejected(Consumer<ObjectNode> mutation, String message)
      throws IOException {
    ObjectNode json = (ObjectNode) MAPPER.readTree(HardhatExample.text("example-proof"));
    mutation.accept(json);
    assertRejected(() -> Groth16Json.proof(json), message);
  }

  private static void keyRejected(Consumer<ObjectNode> mutation, String message)
      throws IOException {
    ObjectNode json = (ObjectNode) MAPPER.readTree(HardhatExample.text("verification-key"));
    mutation.accept(json);
    assertRejected(() -> Groth16Json.verificationKey(json), message);
  }

  private static void publicRejected(String text, String message) {
    assertRejected(() -> Groth16Json.readPublic(text), message);
  }

  private static void assertRejected(Runnable read, String message) {
    InvalidGroth16Exception e = assertThrows(InvalidGroth16Exception.class, read::run);
    assertTrue(e.getMessage().contains(message), () -> "expected '" + message + "' in: " + e.getMessage());
  }
}
