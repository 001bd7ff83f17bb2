package io.slotbeam.core.slots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.slotbeam.core.field.Fr;
import io.slotbeam.core.field.NonCanonicalFieldElementException;
import io.slotbeam.core.vectors.Vectors;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The circuit input JSON (spec datapath §9.5), against the upstream fixture read in place. */
class ProofInputJsonTest {
  /** The BN254 scalar field modulus r (spec §4.1). */
  private static final String R =
      "21888242871839275222246405745257275088548364400416034343698204186575808495617";

  private static ObjectNode fixture;

  @BeforeAll
  static void readFixture() throws IOException {
    fixture =
        (ObjectNode)
            new ObjectMapper().readTree(Vectors.file("codex/circuit-input-fixture.json").toFile());
  }

  @Test
  void fixtureReadsAsSlot3Of11WithFiveSamplesOf67ElementsAnd32PathEntries() {
    ProofInput input = ProofInputJson.fromJson(fixture);
    assertEquals(Fr.of(1234567), input.entropy());
    assertEquals(
        Fr.parseDecimal(
            "16074246370508166450132968585287196391860062495017081813239200574579640171677"),
        input.dataSetRoot());
    assertEquals(
        Fr.parseDecimal(
            "20744935707483803411869804102043283881376973626291244537230284476834672019997"),
        input.slotRoot());
    assertEquals(3, input.slotIndex());
    assertEquals(512, input.nCellsPerSlot());
    assertEquals(11, input.nSlotsPerDataSet());
    assertEquals(8, input.slotProof().size());
    assertEquals(List.of(Fr.ZERO, Fr.ZERO, Fr.ZERO, Fr.ZERO), input.slotProof().subList(4, 8));
    assertEquals(5, input.samples().size());
    for (ProofInput.Sample sample : input.samples()) {
      assertEquals(67, sample.cellData().size());
      assertEquals(32, sample.merklePaths().size());
      assertTrue(sample.merklePaths().subList(9, 32).stream().allMatch(Fr::isZero));
      assertTrue(sample.merklePaths().subList(0, 9).stream().noneMatch(Fr::isZero));
    }
    assertEquals(List.of(input.entropy(), input.dataSetRoot(), Fr.of(3)), input.publicInputs());
  }

  @Test
  void writingTheReadFixtureGivesTheSameJsonTree() {
    assertEquals(fixture, ProofInputJson.toJson(ProofInputJson.fromJson(fixture)));
  }

  @Test
  void jsonTextReadsBackToTheSameProofInput() throws IOException {
    ProofInput input = ProofInputJson.fromJson(fixture);
    String text = ProofInputJson.toJsonString(input);
    assertEquals(input, ProofInputJson.parse(text));
    assertEquals(fixture, new ObjectMapper().readTree(text));
  }

  @Test
  void writesKeysInCircuitOrderFieldElementsAsStringsAndIntegersAsNumbers() {
    ObjectNode json = ProofInputJson.toJson(ProofInputJson.fromJson(fixture));
    List<String> keys = new ArrayList<>();
    json.fieldNames().forEachRemaining(keys::add);
    assertEquals(
        List.of(
            "dataSetRoot",
            "entropy",
            "nCellsPerSlot",
            "nSlotsPerDataSet",
            "slotIndex",
            "slotRoot",
            "slotProof",
            "cellData",
            "merklePaths"),
        keys);
    assertInstanceOf(TextNode.class, json.get("entropy"));
    assertEquals("1234567", json.get("entropy").textValue());
    assertTrue(json.get("slotIndex").isInt());
    assertTrue(json.get("nCellsPerSlot").isInt());
    assertTrue(json.get("nSlotsPerDataSet").isInt());
    assertTrue(json.get("merklePaths").get(4).get(31).isTextual());
  }

  @Test
  void readsIntegersAndFieldElementsGivenAsTheOtherJsonType() {
    ObjectNode quoted =
        mutated(
            json -> {
              json.put("nCellsPerSlot", "512");
              json.put("nSlotsPerDataSet", "11");
              json.put("slotIndex", "3");
              json.put("entropy", 1234567);
              ((ArrayNode) json.get("slotProof")).set(7, json.numberNode(0));
            });
    assertEquals(ProofInputJson.fromJson(fixture), ProofInputJson.fromJson(quoted));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "dataSetRoot",
        "entropy",
        "nCellsPerSlot",
        "nSlotsPerDataSet",
        "slotIndex",
        "slotRoot",
        "slotProof",
        "cellData",
        "merklePaths"
      })
  void rejectsInputWithoutAKeyNamingIt(String key) {
    assertRejected(json -> json.remove(key), "circuit input has no key '" + key + "'");
  }

  @Test
  void rejectsAnUnknownKey() {
    assertRejected(json -> json.put("nSamples", 5), "unknown key 'nSamples'");
  }

  @Test
  void rejectsANumberWhereAnArrayBelongs() {
    assertRejected(json -> json.put("slotProof", 5), "slotProof must be an array");
    assertRejected(json -> json.put("merklePaths", 5), "merklePaths must be an array");
    assertRejected(
        json -> ((ArrayNode) json.get("cellData")).set(1, json.numberNode(5)),
        "cellData[1] must be an array of field elements but is number 5");
  }

  @Test
  void rejectsAnArrayWhereAFieldElementOrIntegerBelongs() {
    assertRejected(json -> json.putArray("slotRoot"), "slotRoot must be a field element");
    assertRejected(json -> json.putArray("slotIndex"), "slotIndex must be an integer");
    assertRejected(
        json -> ((ArrayNode) json.get("merklePaths").get(3)).set(4, json.arrayNode()),
        "merklePaths[3][4] must be a field element");
  }

  @Test
  void rejectsAFieldElementNotBelowRNamingKeyAndIndex() {
    InvalidProofInputException e =
        assertRejected(
            json -> ((ArrayNode) json.get("cellData").get(2)).set(14, new TextNode(R)),
            "cellData[2][14]: " + R + " is not a field element in [0, r)");
    assertInstanceOf(NonCanonicalFieldElementException.class, e.getCause());
    String rPlusOne = new BigInteger(R).add(BigInteger.ONE).toString();
    assertRejected(
        json -> ((ArrayNode) json.get("slotProof")).set(1, new TextNode(rPlusOne)),
        "slotProof[1]: " + rPlusOne + " is not a field element in [0, r)");
    assertRejected(json -> json.put("dataSetRoot", R), "dataSetRoot: " + R + " is not");
    String huge = "9".repeat(5000);
    InvalidProofInputException e2 =
        assertRejected(json -> json.put("slotRoot", huge), "slotRoot: " + "9".repeat(40) + "…");
    assertTrue(e2.getMessage().length() < 200, e2.getMessage());
  }

  @Test
  void rejectsFieldElementsThatAreNotDecimalIntegers() {
    assertRejected(json -> json.put("entropy", "-1"), "entropy must be a field element");
    assertRejected(json -> json.put("entropy", "0x12d687"), "entropy must be a field element");
    assertRejected(json -> json.put("entropy", ""), "entropy must be a field element");
    assertRejected(json -> json.put("entropy", 1.5), "entropy must be a field element");
    assertRejected(json -> json.put("entropy", -1), "entropy: -1 is negative");
  }

  @Test
  void rejectsIntegersOutOfRangeOrNotIntegral() {
    assertRejected(json -> json.put("slotIndex", -1), "slotIndex: -1 is negative");
    assertRejected(json -> json.put("slotIndex", 3.5), "slotIndex must be an integer");
    assertRejected(json -> json.put("slotIndex", true), "slotIndex must be an integer");
    assertRejected(
        json -> json.put("nCellsPerSlot", 1L << 31),
        "nCellsPerSlot: 2147483648 is not in [0, 2^31)");
  }

  @Test
  void rejectsRaggedSampleArrays() {
    assertRejected(
        json -> ((ArrayNode) json.get("merklePaths").get(1)).remove(31),
        "merklePaths[1] has 31 entries but merklePaths[0] has 32");
    assertRejected(
        json -> ((ArrayNode) json.get("cellData").get(4)).add("7"),
        "cellData[4] has 68 entries but cellData[0] has 67");
    assertRejected(
        json -> ((ArrayNode) json.get("cellData")).remove(4),
        "cellData has 4 samples but merklePaths has 5");
  }

  @Test
  void rejectsTextThatIsNotAJsonObject() {
    InvalidProofInputException notJson =
        assertThrows(InvalidProofInputException.class, () -> ProofInputJson.parse("{\"entropy\":"));
    assertTrue(notJson.getMessage().startsWith("circuit input is not JSON"), notJson.getMessage());
    InvalidProofInputException array =
        assertThrows(InvalidProofInputException.class, () -> ProofInputJson.parse("[1, 2]"));
    assertTrue(array.getMessage().contains("must be a JSON object"), array.getMessage());
    assertThrows(InvalidProofInputException.class, () -> ProofInputJson.parse(""));
    InvalidProofInputException trailing =
        assertThrows(InvalidProofInputException.class, () -> ProofInputJson.parse(fixture + " {}"));
    assertTrue(
        trailing.getMessage().startsWith("circuit input is not JSON"), trailing.getMessage());
  }

  private static ObjectNode mutated(Consumer<ObjectNode> change) {
    ObjectNode copy = fixture.deepCopy();
    change.accept(copy);
    return copy;
  }

  private static InvalidProofInputException assertRejected(
      Consumer<ObjectNode> change, String message) {
    JsonNode json = mutated(change);
    InvalidProofInputException e =
        assertThrows(InvalidProofInputException.class, () -> ProofInputJson.fromJson(json));
    assertTrue(
        e.getMessage().startsWith(message),
        () ->
            "expected a message starting with '" + message + "' but got '" + e.getMessage() + "'");
    return e;
  }
}
