package io.slotbeam.core.groth16;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slotbeam.core.field.Fr;
import io.slotbeam.core.field.FrMontgomery;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * snarkjs's Groth16 JSON files over BN254: {@code proof.json}, {@code public.json} and {@code
 * verification_key.json} (snarkjs 0.7.6, {@code cli.js}: written with {@code bfj} and {@code
 * space: 1}).
 *
 * <p>Layout. Numbers are decimal strings; a G1 point is projective {@code [x, y, "1"]} ({@code
 * ["0", "1", "0"]} for infinity); a G2 point {@code [[x.c0, x.c1], [y.c0, y.c1], ["1", "0"]]}
 * ({@code [["0","0"],["1","0"],["0","0"]]} for infinity). Keys in this order: proof {@code pi_a,
 * pi_b, pi_c, protocol, curve}; key {@code protocol, curve, nPublic, vk_alpha_1, vk_beta_2,
 * vk_gamma_2, vk_delta_2, vk_alphabeta_12, IC}; {@code public.json} is an array of decimal strings.
 *
 * <p>Written text is what snarkjs writes: one-space indentation, {@code "key": value}, no newline
 * at the end. Reading is strict: protocol {@code "groth16"}, curve {@code "bn128"}, every key
 * present and no other, exact array lengths, decimal strings only, coordinates below p, public
 * inputs below r, G1 points on the curve, {@code nPublic = IC.length - 1}. Errors are {@link
 * InvalidGroth16Exception}s naming the key and index.
 */
public final class Groth16Json {
  public static final String PROTOCOL = "groth16";
  public static final String CURVE = "bn128";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final ObjectWriter WRITER = MAPPER.writer(snarkjsPrinter());
  private static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]*");

  private static final String PI_A = "pi_a";
  private static final String PI_B = "pi_b";
  private static final String PI_C = "pi_c";
  private static final String PROTOCOL_KEY = "protocol";
  private static final String CURVE_KEY = "curve";
  private static final String N_PUBLIC = "nPublic";
  private static final String ALPHA_1 = "vk_alpha_1";
  private static final String BETA_2 = "vk_beta_2";
  private static final String GAMMA_2 = "vk_gamma_2";
  private static final String DELTA_2 = "vk_delta_2";
  private static final String ALPHABETA_12 = "vk_alphabeta_12";
  private static final String IC = "IC";
  private static final Set<String> PROOF_KEYS = Set.of(PI_A, PI_B, PI_C, PROTOCOL_KEY, CURVE_KEY);
  private static final Set<String> KEY_KEYS =
      Set.of(
          PROTOCOL_KEY, CURVE_KEY, N_PUBLIC, ALPHA_1, BETA_2, GAMMA_2, DELTA_2, ALPHABETA_12, IC);

  private Groth16Json() {}

  // --- writing ---

  /** The {@code proof.json} tree of {@code proof}. */
  public static ObjectNode proofJson(Proof proof) {
    ObjectNode json = NODES.objectNode();
    json.set(PI_A, g1(proof.a()));
    json.set(PI_B, g2(proof.b()));
    json.set(PI_C, g1(proof.c()));
    json.put(PROTOCOL_KEY, PROTOCOL);
    json.put(CURVE_KEY, CURVE);
    return json;
  }

  /** The {@code public.json} tree of {@code inputs}. */
  public static ArrayNode publicJson(PublicInputs inputs) {
    ArrayNode json = NODES.arrayNode(inputs.size());
    for (Fr value : inputs.values()) {
      json.add(value.toDecimal());
    }
    return json;
  }

  /**
   * The {@code verification_key.json} tree of {@code key}.
   *
   * @throws InvalidGroth16Exception when the key has no {@code vk_alphabeta_12} (snarkjs always
   *     writes one)
   */
  public static ObjectNode verificationKeyJson(VerificationKey key) {
    Fp12 alphaBeta =
        key.alphaBeta12()
            .orElseThrow(
                () ->
                    new InvalidGroth16Exception(
                        ALPHABETA_12
                            + " is missing: a key taken from a zkey needs it supplied"
                            + " (VerificationKey.withAlphaBeta12) before it is written"));
    ObjectNode json = NODES.objectNode();
    json.put(PROTOCOL_KEY, PROTOCOL);
    json.put(CURVE_KEY, CURVE);
    json.put(N_PUBLIC, key.nPublic());
    json.set(ALPHA_1, g1(key.alpha1()));
    json.set(BETA_2, g2(key.beta2()));
    json.set(GAMMA_2, g2(key.gamma2()));
    json.set(DELTA_2, g2(key.delta2()));
    ArrayNode ab = json.putArray(ALPHABETA_12);
    List<Fp> c = alphaBeta.coefficients();
    for (int i = 0; i < 2; i++) {
      ArrayNode half = ab.addArray();
      for (int j = 0; j < 3; j++) {
        half.addArray().add(c.get(6 * i + 2 * j).toDecimal()).add(c.get(6 * i + 2 * j + 1).toDecimal());
      }
    }
    ArrayNode ic = json.putArray(IC);
    for (G1Point point : key.ic()) {
      ic.add(g1(point));
    }
    return json;
  }

  public static String writeProof(Proof proof) {
    return text(proofJson(proof));
  }

  public static String writePublic(PublicInputs inputs) {
    return text(publicJson(inputs));
  }

  public static String writeVerificationKey(VerificationKey key) {
    return text(verificationKeyJson(key));
  }

  /** {@code json} as snarkjs prints it (one-space indentation, no final newline). */
  public static String text(JsonNode json) {
    try {
      return WRITER.writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree of strings and numbers failed to serialise", e);
    }
  }

  private static DefaultPrettyPrinter snarkjsPrinter() {
    DefaultIndenter indenter = new DefaultIndenter(" ", "\n");
    return new DefaultPrettyPrinter(
            Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
        .withObjectIndenter(indenter)
        .withArrayIndenter(indenter);
  }

  private static ArrayNode g1(G1Point p) {
    ArrayNode json = NODES.arrayNode(3);
    if (p.isInfinity()) {
      return json.add("0").add("1").add("0");
    }
    return json.add(p.x().toDecimal()).add(p.y().toDecimal()).add("1");
  }

  private static ArrayNode g2(G2Point p) {
    ArrayNode json = NODES.arrayNode(3);
    if (p.isInfinity()) {
      json.addArray().add("0").add("0");
      json.addArray().add("1").add("0");
      json.addArray().add("0").add("0");
      return json;
    }
    json.add(fp2(p.x()));
    json.add(fp2(p.y()));
    json.addArray().add("1").add("0");
    return json;
  }

  private static ArrayNode fp2(Fp2 e) {
    return NODES.arrayNode(2).add(e.c0().toDecimal()).add(e.c1().toDecimal());
  }

  // --- reading ---

  /** Reads {@code proof.json} text. */
  public static Proof readProof(String text) {
    return proof(tree(text, "proof"));
  }

  /** Reads {@code public.json} text. */
  public static PublicInputs readPublic(String text) {
    return publicInputs(tree(text, "public inputs"));
  }

  /** Reads {@code verification_key.json} text. */
  public static VerificationKey readVerificationKey(String text) {
    return verificationKey(tree(text, "verification key"));
  }

  /** Reads a {@code proof.json} tree. */
  public static Proof proof(JsonNode json) {
    object(json, "proof", PROOF_KEYS);
    header(json);
    return new Proof(
        g1(required(json, PI_A), PI_A),
        g2(required(json, PI_B), PI_B),
        g1(required(json, PI_C), PI_C));
  }

  /** Reads a {@code public.json} tree: an array of decimal strings below r. */
  public static PublicInputs publicInputs(JsonNode json) {
    if (!json.isArray()) {
      throw new InvalidGroth16Exception(
          "public inputs must be an array of decimal strings but are " + describe(json));
    }
    List<Fr> values = new ArrayList<>(json.size());
    for (int i = 0; i < json.size(); i++) {
      String where = "public[" + i + "]";
      BigInteger value = decimal(json.get(i), where);
      if (value.compareTo(FrMontgomery.MODULUS) >= 0) {
        throw new InvalidGroth16Exception(
            where + ": " + value + " is not a public input in [0, r) (BN254 r)");
      }
      values.add(Fr.of(value));
    }
    return new PublicInputs(values);
  }

  /** Reads a {@code verification_key.json} tree. */
  public static VerificationKey verificationKey(JsonNode json) {
    object(json, "verification key", KEY_KEYS);
    header(json);
    JsonNode nPublic = required(json, N_PUBLIC);
    if (!nPublic.isIntegralNumber() || !nPublic.canConvertToInt() || nPublic.intValue() < 0) {
      throw new InvalidGroth16Exception(
          N_PUBLIC + " must be a non-negative integer but is " + describe(nPublic));
    }
    JsonNode icJson = array(required(json, IC), IC, -1);
    if (icJson.size() != nPublic.intValue() + 1) {
      throw new InvalidGroth16Exception(
          N_PUBLIC
              + " is "
              + nPublic.intValue()
              + " but "
              + IC
              + " has "
              + icJson.size()
              + " points (it needs nPublic + 1)");
    }
    List<G1Point> ic = new ArrayList<>(icJson.size());
    for (int i = 0; i < icJson.size(); i++) {
      ic.add(g1(icJson.get(i), IC + "[" + i + "]"));
    }
    return new VerificationKey(
        g1(required(json, ALPHA_1), ALPHA_1),
        g2(required(json, BETA_2), BETA_2),
        g2(required(json, GAMMA_2), GAMMA_2),
        g2(required(json, DELTA_2), DELTA_2),
        ic,
        Optional.of(fp12(required(json, ALPHABETA_12), ALPHABETA_12)));
  }

  private static JsonNode tree(String text, String what) {
    JsonNode json;
    try {
      json = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new InvalidGroth16Exception(what + " is not JSON: " + e.getOriginalMessage(), e);
    }
    if (json == null || json.isMissingNode()) {
      throw new InvalidGroth16Exception(what + " is empty");
    }
    return json;
  }

  private static void object(JsonNode json, String what, Set<String> keys) {
    if (!json.isObject()) {
      throw new InvalidGroth16Exception(what + " must be a JSON object but is " + describe(json));
    }
    for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!keys.contains(name)) {
        throw new InvalidGroth16Exception(
            "unknown key '" + name + "' in " + what + " (snarkjs writes " + keys + ")");
      }
    }
  }

  private static void header(JsonNode json) {
    expectText(required(json, PROTOCOL_KEY), PROTOCOL_KEY, PROTOCOL);
    expectText(required(json, CURVE_KEY), CURVE_KEY, CURVE);
  }

  private static void expectText(JsonNode json, String key, String expected) {
    if (!json.isTextual() || !json.textValue().equals(expected)) {
      throw new InvalidGroth16Exception(
          key + " must be \"" + expected + "\" but is " + describe(json));
    }
  }

  private static JsonNode required(JsonNode json, String key) {
    JsonNode value = json.get(key);
    if (value == null) {
      throw new InvalidGroth16Exception("missing key '" + key + "'");
    }
    return value;
  }

  /** {@code json} as an array of {@code length} entries ({@code -1}: any length). */
  private static JsonNode array(JsonNode json, String where, int length) {
    if (!json.isArray()) {
      throw new InvalidGroth16Exception(where + " must be an array but is " + describe(json));
    }
    if (length >= 0 && json.size() != length) {
      throw new InvalidGroth16Exception(
          where + " must have " + length + " entries but has " + json.size());
    }
    return json;
  }

  private static BigInteger decimal(JsonNode json, String where) {
    if (!json.isTextual() || !DECIMAL.matcher(json.textValue()).matches()) {
      throw new InvalidGroth16Exception(
          where + " must be a decimal string but is " + describe(json));
    }
    return new BigInteger(json.textValue());
  }

  private static Fp fp(JsonNode json, String where) {
    return Fp.of(decimal(json, where), where);
  }

  private static void expectDecimal(JsonNode json, String where, int expected) {
    if (!decimal(json, where).equals(BigInteger.valueOf(expected))) {
      throw new InvalidGroth16Exception(
          where + " must be \"" + expected + "\" (affine point) but is " + describe(json));
    }
  }

  private static G1Point g1(JsonNode json, String where) {
    array(json, where, 3);
    BigInteger z = decimal(json.get(2), where + "[2]");
    if (z.signum() == 0) {
      expectDecimal(json.get(0), where + "[0]", 0);
      expectDecimal(json.get(1), where + "[1]", 1);
      return G1Point.INFINITY;
    }
    expectDecimal(json.get(2), where + "[2]", 1);
    return G1Point.of(decimal(json.get(0), where + "[0]"), decimal(json.get(1), where + "[1]"), where);
  }

  private static G2Point g2(JsonNode json, String where) {
    array(json, where, 3);
    Fp2 x = fp2(json.get(0), where + "[0]");
    Fp2 y = fp2(json.get(1), where + "[1]");
    Fp2 z = fp2(json.get(2), where + "[2]");
    if (z.isZero()) {
      if (!x.isZero() || !y.equals(Fp2.ONE)) {
        throw new InvalidGroth16Exception(
            where + " has z = 0 but is not infinity [[0,0],[1,0],[0,0]]");
      }
      return G2Point.INFINITY;
    }
    if (!z.equals(Fp2.ONE)) {
      throw new InvalidGroth16Exception(
          where + "[2] must be [\"1\", \"0\"] (affine point) but is " + describe(json.get(2)));
    }
    return new G2Point(x, y);
  }

  private static Fp2 fp2(JsonNode json, String where) {
    array(json, where, 2);
    return new Fp2(fp(json.get(0), where + "[0]"), fp(json.get(1), where + "[1]"));
  }

  private static Fp12 fp12(JsonNode json, String where) {
    array(json, where, 2);
    List<Fp> coefficients = new ArrayList<>(Fp12.SIZE);
    for (int i = 0; i < 2; i++) {
      JsonNode half = array(json.get(i), where + "[" + i + "]", 3);
      for (int j = 0; j < 3; j++) {
        Fp2 e = fp2(half.get(j), where + "[" + i + "][" + j + "]");
        coefficients.add(e.c0());
        coefficients.add(e.c1());
      }
    }
    return new Fp12(coefficients);
  }

  private static String describe(JsonNode json) {
    String text = json.toString();
    if (text.length() > 40) {
      text = text.substring(0, 37) + "...";
    }
    return json.getNodeType().toString().toLowerCase(Locale.ROOT) + " " + text;
  }
}
