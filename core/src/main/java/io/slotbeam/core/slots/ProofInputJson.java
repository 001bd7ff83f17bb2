package io.slotbeam.core.slots;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slotbeam.core.field.Fr;
import io.slotbeam.core.field.NonCanonicalFieldElementException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Codex circuit input JSON of a {@link ProofInput} (spec datapath §9.5; the layout of {@code
 * nim-codex: tests/circuits/fixtures/input.json}, the file snarkjs and circom witness generators
 * read).
 *
 * <p>Keys in this order: {@code dataSetRoot, entropy} (decimal strings), {@code nCellsPerSlot,
 * nSlotsPerDataSet, slotIndex} (numbers), {@code slotRoot} (decimal string), {@code slotProof}
 * (array of decimal strings), {@code cellData}, {@code merklePaths} (one array of decimal strings
 * per sample). Example: {@code {"dataSetRoot":"1607…","entropy":"1234567","nCellsPerSlot":512,
 * "nSlotsPerDataSet":11,"slotIndex":3,"slotRoot":"2074…","slotProof":["1427…",…],
 * "cellData":[[…67…],…],"merklePaths":[[…32…],…]}}.
 *
 * <p>Reading is as lenient as snarkjs where the format allows it (the three integers, and field
 * elements, may be JSON integers or decimal strings; the Haskell exporter quotes everything) and
 * strict elsewhere: every key present and no other, field elements in {@code [0, r)} and never
 * reduced, integers in {@code [0, 2^31)}, {@code cellData} and {@code merklePaths} rectangular with
 * one row per sample. Errors are {@link InvalidProofInputException}s naming the key and index.
 * Whether the lists have the circuit's lengths is {@link ProofInputChecker}'s question.
 */
public final class ProofInputJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final Pattern DECIMAL = Pattern.compile("[0-9]+");
  private static final BigInteger INT_LIMIT = BigInteger.valueOf(Integer.MAX_VALUE);

  private static final String DATA_SET_ROOT = "dataSetRoot";
  private static final String ENTROPY = "entropy";
  private static final String N_CELLS_PER_SLOT = "nCellsPerSlot";
  private static final String N_SLOTS_PER_DATA_SET = "nSlotsPerDataSet";
  private static final String SLOT_INDEX = "slotIndex";
  private static final String SLOT_ROOT = "slotRoot";
  private static final String SLOT_PROOF = "slotProof";
  private static final String CELL_DATA = "cellData";
  private static final String MERKLE_PATHS = "merklePaths";
  private static final Set<String> KEYS =
      Set.of(
          DATA_SET_ROOT,
          ENTROPY,
          N_CELLS_PER_SLOT,
          N_SLOTS_PER_DATA_SET,
          SLOT_INDEX,
          SLOT_ROOT,
          SLOT_PROOF,
          CELL_DATA,
          MERKLE_PATHS);

  private ProofInputJson() {}

  /** The circuit input JSON tree of {@code input}. */
  public static ObjectNode toJson(ProofInput input) {
    ObjectNode json = NODES.objectNode();
    json.put(DATA_SET_ROOT, input.dataSetRoot().toDecimal());
    json.put(ENTROPY, input.entropy().toDecimal());
    json.put(N_CELLS_PER_SLOT, input.nCellsPerSlot());
    json.put(N_SLOTS_PER_DATA_SET, input.nSlotsPerDataSet());
    json.put(SLOT_INDEX, input.slotIndex());
    json.put(SLOT_ROOT, input.slotRoot().toDecimal());
    json.set(SLOT_PROOF, decimals(input.slotProof()));
    ArrayNode cellData = json.putArray(CELL_DATA);
    ArrayNode merklePaths = json.putArray(MERKLE_PATHS);
    for (ProofInput.Sample sample : input.samples()) {
      cellData.add(decimals(sample.cellData()));
      merklePaths.add(decimals(sample.merklePaths()));
    }
    return json;
  }

  /** The circuit input JSON text of {@code input}, one line. */
  public static String toJsonString(ProofInput input) {
    try {
      return MAPPER.writeValueAsString(toJson(input));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree of strings and numbers failed to serialise", e);
    }
  }

  /**
   * Reads circuit input JSON text.
   *
   * @throws InvalidProofInputException when the text is not JSON or breaks a rule of {@link
   *     #fromJson}
   */
  public static ProofInput parse(String text) {
    JsonNode json;
    try {
      json = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new InvalidProofInputException(
          "circuit input is not JSON: " + e.getOriginalMessage(), e);
    }
    if (json == null || json.isMissingNode()) {
      throw new InvalidProofInputException("circuit input is empty");
    }
    return fromJson(json);
  }

  /**
   * Reads a circuit input JSON tree.
   *
   * @throws InvalidProofInputException naming the key (and index) that is missing, unknown, of the
   *     wrong type, out of range or ragged
   */
  public static ProofInput fromJson(JsonNode json) {
    if (!json.isObject()) {
      throw new InvalidProofInputException(
          "circuit input must be a JSON object but is " + describe(json));
    }
    for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!KEYS.contains(name)) {
        throw new InvalidProofInputException(
            "unknown key '" + name + "' in circuit input (spec datapath §9.5 has " + KEYS + ")");
      }
    }
    Fr dataSetRoot = fieldElement(required(json, DATA_SET_ROOT), DATA_SET_ROOT);
    Fr entropy = fieldElement(required(json, ENTROPY), ENTROPY);
    int nCellsPerSlot = integer(required(json, N_CELLS_PER_SLOT), N_CELLS_PER_SLOT);
    int nSlotsPerDataSet = integer(required(json, N_SLOTS_PER_DATA_SET), N_SLOTS_PER_DATA_SET);
    int slotIndex = integer(required(json, SLOT_INDEX), SLOT_INDEX);
    Fr slotRoot = fieldElement(required(json, SLOT_ROOT), SLOT_ROOT);
    List<Fr> slotProof = fieldElements(required(json, SLOT_PROOF), SLOT_PROOF);
    List<List<Fr>> cellData = rows(required(json, CELL_DATA), CELL_DATA);
    List<List<Fr>> merklePaths = rows(required(json, MERKLE_PATHS), MERKLE_PATHS);
    if (cellData.size() != merklePaths.size()) {
      throw new InvalidProofInputException(
          CELL_DATA
              + " has "
              + cellData.size()
              + " samples but "
              + MERKLE_PATHS
              + " has "
              + merklePaths.size());
    }
    List<ProofInput.Sample> samples = new ArrayList<>(cellData.size());
    for (int i = 0; i < cellData.size(); i++) {
      samples.add(new ProofInput.Sample(cellData.get(i), merklePaths.get(i)));
    }
    return new ProofInput(
        entropy,
        dataSetRoot,
        slotIndex,
        slotRoot,
        nCellsPerSlot,
        nSlotsPerDataSet,
        slotProof,
        samples);
  }

  private static ArrayNode decimals(List<Fr> elements) {
    ArrayNode array = NODES.arrayNode(elements.size());
    for (Fr element : elements) {
      array.add(element.toDecimal());
    }
    return array;
  }

  private static JsonNode required(JsonNode json, String key) {
    JsonNode value = json.get(key);
    if (value == null) {
      throw new InvalidProofInputException("circuit input has no key '" + key + "'");
    }
    return value;
  }

  /** An array of arrays of field elements, every row as long as the first. */
  private static List<List<Fr>> rows(JsonNode json, String key) {
    if (!json.isArray()) {
      throw new InvalidProofInputException(
          key + " must be an array (one row per sample) but is " + describe(json));
    }
    List<List<Fr>> rows = new ArrayList<>(json.size());
    for (int i = 0; i < json.size(); i++) {
      List<Fr> row = fieldElements(json.get(i), key + "[" + i + "]");
      if (i > 0 && row.size() != rows.get(0).size()) {
        throw new InvalidProofInputException(
            key
                + "["
                + i
                + "] has "
                + row.size()
                + " entries but "
                + key
                + "[0] has "
                + rows.get(0).size());
      }
      rows.add(row);
    }
    return rows;
  }

  private static List<Fr> fieldElements(JsonNode json, String where) {
    if (!json.isArray()) {
      throw new InvalidProofInputException(
          where + " must be an array of field elements but is " + describe(json));
    }
    List<Fr> elements = new ArrayList<>(json.size());
    for (int i = 0; i < json.size(); i++) {
      elements.add(fieldElement(json.get(i), where + "[" + i + "]"));
    }
    return elements;
  }

  /** A decimal string or JSON integer in {@code [0, r)}. */
  private static Fr fieldElement(JsonNode json, String where) {
    BigInteger value = nonNegativeInteger(json, where, "a field element");
    try {
      return Fr.of(value);
    } catch (NonCanonicalFieldElementException e) {
      throw new InvalidProofInputException(
          where
              + ": "
              + abbreviated(value)
              + " is not a field element in [0, r) (spec datapath §4.1)",
          e);
    }
  }

  /** A JSON integer or decimal string in {@code [0, 2^31)}. */
  private static int integer(JsonNode json, String key) {
    BigInteger value = nonNegativeInteger(json, key, "an integer");
    if (value.compareTo(INT_LIMIT) > 0) {
      throw new InvalidProofInputException(
          key + ": " + abbreviated(value) + " is not in [0, 2^31)");
    }
    return value.intValueExact();
  }

  private static BigInteger nonNegativeInteger(JsonNode json, String where, String what) {
    BigInteger value;
    if (json.isIntegralNumber()) {
      value = json.bigIntegerValue();
    } else if (json.isTextual() && DECIMAL.matcher(json.textValue()).matches()) {
      value = new BigInteger(json.textValue());
    } else {
      throw new InvalidProofInputException(
          where
              + " must be "
              + what
              + " (a decimal string or an integer) but is "
              + describe(json));
    }
    if (value.signum() < 0) {
      throw new InvalidProofInputException(where + ": " + abbreviated(value) + " is negative");
    }
    return value;
  }

  /** The decimal value, cut short when it would swamp the message. */
  private static String abbreviated(BigInteger value) {
    String text = value.toString();
    return text.length() <= 100 ? text : text.substring(0, 40) + "…(" + text.length() + " digits)";
  }

  private static String describe(JsonNode json) {
    String text = json.toString();
    if (text.length() > 40) {
      text = text.substring(0, 37) + "...";
    }
    return json.getNodeType().toString().toLowerCase(Locale.ROOT) + " " + text;
  }
}
