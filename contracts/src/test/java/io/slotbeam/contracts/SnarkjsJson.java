package io.slotbeam.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slotbeam.contracts.generated.Groth16Verifier.Fp2Element;
import io.slotbeam.contracts.generated.Groth16Verifier.G1Point;
import io.slotbeam.contracts.generated.Groth16Verifier.G2Point;
import io.slotbeam.contracts.generated.Groth16Verifier.Groth16Proof;
import io.slotbeam.contracts.generated.Groth16Verifier.VerifyingKey;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads snarkjs proof, public-input and verification-key JSON into the contract structs, mapping
 * G2 coordinates as the Codex node does: {@code real = [i][0]}, {@code imag = [i][1]}, no swap
 * (spec datapath.md §11.2; snarkjs points are affine with a trailing projective 1).
 */
final class SnarkjsJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SnarkjsJson() {}

  static Groth16Proof proof(Path file) throws IOException {
    JsonNode proof = JSON.readTree(file.toFile());
    return new Groth16Proof(g1(proof.get("pi_a")), g2(proof.get("pi_b")), g1(proof.get("pi_c")));
  }

  static List<BigInteger> publicInputs(Path file) throws IOException {
    List<BigInteger> inputs = new ArrayList<>();
    JSON.readTree(file.toFile()).forEach(n -> inputs.add(new BigInteger(n.asText())));
    return inputs;
  }

  static VerifyingKey verifyingKey(Path file) throws IOException {
    JsonNode key = JSON.readTree(file.toFile());
    List<G1Point> ic = new ArrayList<>();
    key.get("IC").forEach(p -> ic.add(g1(p)));
    return new VerifyingKey(g1(key.get("vk_alpha_1")), g2(key.get("vk_beta_2")),
        g2(key.get("vk_gamma_2")), g2(key.get("vk_delta_2")), ic);
  }

  private static G1Point g1(JsonNode point) {
    return new G1Point(number(point.get(0)), number(point.get(1)));
  }

  private static G2Point g2(JsonNode point) {
    return new G2Point(fp2(point.get(0)), fp2(point.get(1)));
  }

  private static Fp2Element fp2(JsonNode element) {
    return new Fp2Element(number(element.get(0)), number(element.get(1)));
  }

  private static BigInteger number(JsonNode decimal) {
    return new BigInteger(decimal.asText());
  }
}
