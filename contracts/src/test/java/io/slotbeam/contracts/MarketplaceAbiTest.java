package io.slotbeam.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slotbeam.contracts.generated.Marketplace;
import io.slotbeam.contracts.generated.Marketplace.Groth16Proof;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.crypto.Hash;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.ReadonlyTransactionManager;

/**
 * The compiled ABI carries the Codex selectors, event topics and error selectors (spec node.md
 * §5.3, §5.4), computed here from the ABI's canonical signatures; and the web3j wrapper encodes
 * the struct-taking calls with the same selectors.
 */
class MarketplaceAbiTest {
  private static final Map<String, String> SELECTORS = new HashMap<>();
  private static final Map<String, String> TOPICS = new HashMap<>();
  private static final Map<String, String> ERRORS = new HashMap<>();

  @BeforeAll
  static void readAbi() throws Exception {
    JsonNode abi = new ObjectMapper().readTree(ContractArtifacts.abi("Marketplace"));
    for (JsonNode entry : abi) {
      String type = entry.get("type").asText();
      if (!entry.has("name")) {
        continue;
      }
      String signature = entry.get("name").asText() + tupleOf(entry.get("inputs"));
      String hash = Hash.sha3String(signature);
      switch (type) {
        case "function" -> SELECTORS.put(hash.substring(0, 10), signature);
        case "event" -> TOPICS.put(hash, signature);
        case "error" -> ERRORS.put(hash.substring(0, 10), signature);
        default -> { }
      }
    }
  }

  /** The canonical ABI type list: tuples spelled out as (t1,t2,...), recursively. */
  private static String tupleOf(JsonNode params) {
    StringJoiner types = new StringJoiner(",", "(", ")");
    params.forEach(p -> types.add(canonicalType(p)));
    return types.toString();
  }

  private static String canonicalType(JsonNode param) {
    String type = param.get("type").asText();
    return type.startsWith("tuple")
        ? tupleOf(param.get("components")) + type.substring("tuple".length())
        : type;
  }

  @Test
  void hasTheSelectorsTheCodexNodeCalls() {
    // spec node.md §5.3, selector column
    Map<String, String> expected = Map.ofEntries(
        Map.entry("0x99b6da0c", "requestStorage"), Map.entry("0x12827602", "reserveSlot"),
        Map.entry("0xd02bbe33", "canReserveSlot"), Map.entry("0x1d873c1b", "fillSlot"),
        Map.entry("0xe8aa0a07", "submitProof"), Map.entry("0xa29c29a4", "freeSlot"),
        Map.entry("0x0aefaabe", "freeSlot"), Map.entry("0x6e2b54ee", "withdrawFunds"),
        Map.entry("0xc5d43351", "withdrawFunds"), Map.entry("0x237d8482", "markProofAsMissing"),
        Map.entry("0xd1bb36b6", "canMarkProofAsMissing"), Map.entry("0x458d2bf1", "getChallenge"),
        Map.entry("0x4641dce6", "getPointer"), Map.entry("0xc0cc4add", "isProofRequired"),
        Map.entry("0xa3a0807e", "willProofBeRequired"), Map.entry("0xf752196b", "missingProofs"),
        Map.entry("0xfb1e61ca", "getRequest"), Map.entry("0xb396dc79", "getActiveSlot"),
        Map.entry("0x6b00c8cf", "getHost"), Map.entry("0x9777b72c", "myRequests"),
        Map.entry("0x5da73835", "mySlots"), Map.entry("0x05b90773", "requestState"),
        Map.entry("0xbe5cdc48", "slotState"), Map.entry("0x02fa8e65", "requestEnd"),
        Map.entry("0x329b5a0b", "requestExpiry"), Map.entry("0x26d6f834", "currentCollateral"),
        Map.entry("0x6c70bee9", "configuration"), Map.entry("0xfc0c546a", "token"),
        Map.entry("0x51a76642", "slotProbability"));
    expected.forEach((selector, name) -> {
      assertTrue(SELECTORS.containsKey(selector), "no function with selector " + selector + " ("
          + name + "); the ABI has " + SELECTORS);
      assertTrue(SELECTORS.get(selector).startsWith(name + "("), SELECTORS.get(selector));
    });
  }

  @Test
  void hasTheCodexEventTopics() {
    // spec node.md §5.4
    Map<String, String> expected = Map.of(
        "0x1bf9c457accf8703dbf7cdf1b58c2f74ddf2e525f98155c70b3d318d74609bd8", "StorageRequested",
        "0x85e1543bf2f84fe80c6badbce3648c8539ad1df4d2b3d822938ca0538be727e6", "RequestFulfilled",
        "0x4769361a442504ecaf038f35e119bcccdd5e42096b24c09e3c17fd17c6684c02", "RequestFailed",
        "0xf903f4774c7bd27355f9d7fcbc382b079b164a697a44ac5d95267a4c3cb3bb22", "RequestCancelled",
        "0x8f301470a994578b52323d625dfbf827ca5208c81747d3459be7b8867baec3ec", "SlotFilled",
        "0x33ba8f7627565d89f7ada2a6b81ea532b7aa9b11e91a78312d6e1fca0bfcd1dc", "SlotFreed",
        "0xc8e6c955744189a19222ec226b72ac1435d88d5745252dac56e6f679f64c037a", "SlotReservationsFull",
        "0x3b989d183b84b02259d7c14b34a9c9eb0fccb4c355a920d25e581e25aef4993d", "ProofSubmitted");
    expected.forEach((topic, name) -> assertTrue(
        TOPICS.containsKey(topic) && TOPICS.get(topic).startsWith(name + "("),
        "no event " + name + " with topic " + topic + "; the ABI has " + TOPICS));
  }

  @Test
  void hasTheCodexErrorSelectors() {
    // spec node.md §5.3, custom error selectors
    String spec = "Marketplace_SlotNotFree 0xff556acf, Marketplace_SlotIsFree 0x8b41ec7f, "
        + "Marketplace_UnknownRequest 0xbdd64a7a, Marketplace_ReservationRequired 0xd651ce18, "
        + "Marketplace_InvalidSlotHost 0x57a6f4e9, Marketplace_AlreadyPaid 0xc2cbf777, "
        + "Marketplace_StartNotBeforeExpiry 0x56607cb0, Marketplace_SlotNotAcceptingProofs 0xae9dcffd, "
        + "Marketplace_ProofNotSubmittedByHost 0xce351b94, Marketplace_InvalidState 0xc00b5b57, "
        + "Marketplace_NothingToWithdraw 0xbd8bdd94, Marketplace_InvalidClientAddress 0x698d3c62, "
        + "Marketplace_RequestAlreadyExists 0xfc7d0690, Marketplace_InvalidExpiry 0xdf63f61a, "
        + "Marketplace_InsufficientSlots 0x535ed2be, Marketplace_InvalidMaxSlotLoss 0xb9551ab1, "
        + "Marketplace_InsufficientDuration 0x090a5ecd, "
        + "Marketplace_InsufficientProofProbability 0x6aba7aae, "
        + "Marketplace_InsufficientCollateral 0xfb7df0c7, Marketplace_InsufficientReward 0x47ba51c7, "
        + "Marketplace_InvalidCid 0x86f8cf9b, Marketplace_DurationExceedsLimit 0x1267b3f2, "
        + "Marketplace_InvalidSlot 0x3b920b88, Marketplace_TransferFailed 0xf8599ffa, "
        + "Proofs_InvalidProof 0xfcd03a47, Proofs_ProofAlreadySubmitted 0x3edef7db, "
        + "Proofs_PeriodNotEnded 0x6b4b1a4e, Proofs_ValidationTimedOut 0xde55698e, "
        + "Proofs_ProofNotMissing 0x00fab7d9, Proofs_ProofNotRequired 0xd3ffa66b, "
        + "Proofs_ProofAlreadyMarkedMissing 0x98e7e551, Proofs_InsufficientBlockHeight 0x71ebecc2, "
        + "SlotReservations_ReservationNotAllowed 0x424a04ab";
    for (String pair : spec.split(", ")) {
      String[] nameAndSelector = pair.split(" ");
      assertEquals(nameAndSelector[0] + "()", ERRORS.get(nameAndSelector[1]), pair);
    }
  }

  @Test
  void web3jWrapperEncodesStructCallsWithTheCodexSelectors() {
    Web3j unconnected = Web3j.build(new HttpService("http://127.0.0.1:1"));
    Marketplace market = Marketplace.load("0x0000000000000000000000000000000000000001", unconnected,
        new ReadonlyTransactionManager(unconnected, "0x0000000000000000000000000000000000000002"),
        TestChain.GAS);
    BigInteger one = BigInteger.ONE;
    Groth16Proof proof = MarketFixture.UNCHECKED_PROOF;
    byte[] id = new byte[32];
    assertEquals("0x1d873c1b", market.fillSlot(id, one, proof).encodeFunctionCall().substring(0, 10));
    assertEquals("0xe8aa0a07", market.submitProof(id, proof).encodeFunctionCall().substring(0, 10));
    assertEquals("0x99b6da0c", market.requestStorage(TestRequests.request(
        "0x0000000000000000000000000000000000000003", 1)).encodeFunctionCall().substring(0, 10));
    assertEquals("0xd1bb36b6", FunctionEncoder.encode(
        MarketplaceCalls.canMarkProofAsMissing(id, one)).substring(0, 10));
    unconnected.shutdown();
  }

  @Test
  void wrappersDeployTheBytecodeShippedInTheJar() {
    // both come from one solc run; a stale wrapper would deploy other code than the jar ships
    assertEquals(ContractArtifacts.bytecode("Marketplace"), Marketplace.BINARY);
    assertEquals(ContractArtifacts.bytecode("Groth16Verifier"),
        io.slotbeam.contracts.generated.Groth16Verifier.BINARY);
    assertEquals(ContractArtifacts.bytecode("PaymentToken"),
        io.slotbeam.contracts.generated.PaymentToken.BINARY);
  }

  @Test
  void missingArtifactsAreNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ContractArtifacts.abi("NoSuchContract"));
    assertTrue(e.getMessage().contains("NoSuchContract.abi"), e.getMessage());
  }
}
