package io.slotbeam.core.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON views: the REST shape of spec datapath §7.5 and the full tool view. */
class ManifestJsonTest {
  @Test
  void restViewOfPlainManifestHasNullNamesAndNoVerifiableField() {
    ObjectNode json = ManifestJson.rest(WorkedExample.plain());

    assertEquals(
        "{\"treeCid\":\"" + WorkedExample.PLAIN_TREE + "\",\"datasetSize\":132072,"
            + "\"blockSize\":65536,\"filename\":null,\"mimetype\":null,\"protected\":false}",
        json.toString());
  }

  @Test
  void restViewOfProtectedManifestSaysItIsNotVerifiable() {
    ObjectNode json =
        ManifestJson.rest(WorkedExample.protectedManifest().withFilename("a.txt"));

    assertEquals(
        "{\"treeCid\":\"" + WorkedExample.PROTECTED_TREE + "\",\"datasetSize\":393216,"
            + "\"blockSize\":65536,\"filename\":\"a.txt\",\"mimetype\":null,\"protected\":true,"
            + "\"verifiable\":false}",
        json.toString());
  }

  @Test
  void restViewOfVerifiableManifestSaysItIsVerifiableAndNothingMore() {
    ObjectNode json = ManifestJson.rest(WorkedExample.verifiable().withMimetype("text/plain"));

    assertEquals("text/plain", json.get("mimetype").asText());
    assertEquals(true, json.get("verifiable").asBoolean());
    assertEquals(
        List.of(
            "treeCid", "datasetSize", "blockSize", "filename", "mimetype", "protected",
            "verifiable"),
        fieldNames(json));
  }

  @Test
  void dataItemPairsTheManifestCidWithTheRestView() {
    ObjectNode json = ManifestJson.dataItem(WorkedExample.verifiable());

    assertEquals(WorkedExample.VERIFIABLE_CID.toString(), json.get("cid").asText());
    assertEquals(ManifestJson.rest(WorkedExample.verifiable()), json.get("manifest"));
  }

  @Test
  void fullViewOfVerifiableManifestListsEveryField() {
    ObjectNode json = ManifestJson.full(WorkedExample.verifiable());

    assertEquals(WorkedExample.VERIFIABLE_CID.toString(), json.get("cid").asText());
    assertEquals("codex-block", json.get("codec").asText());
    assertEquals("sha2-256", json.get("hcodec").asText());
    assertEquals(1, json.get("cidVersion").asInt());
    assertEquals(6, json.get("blocksCount").asLong());
    assertEquals(2, json.get("ecK").asInt());
    assertEquals(1, json.get("ecM").asInt());
    assertEquals(3, json.get("numSlots").asInt());
    assertEquals(WorkedExample.PLAIN_TREE.toString(), json.get("originalTreeCid").asText());
    assertEquals(132072, json.get("originalDatasetSize").asLong());
    assertEquals(3, json.get("originalBlocksCount").asLong());
    assertEquals(4, json.get("rounded").asLong());
    assertEquals(2, json.get("steps").asLong());
    assertEquals(2, json.get("numSlotBlocks").asLong());
    assertEquals("stepped", json.get("protectedStrategy").asText());
    assertEquals(WorkedExample.VERIFY_ROOT.toString(), json.get("verifyRoot").asText());
    List<String> slotRoots = new ArrayList<>();
    json.get("slotRoots").forEach(node -> slotRoots.add(node.asText()));
    assertEquals(
        WorkedExample.SLOT_ROOTS.stream().map(Object::toString).toList(), slotRoots);
    assertEquals(2048, json.get("cellSize").asInt());
    assertEquals("linear", json.get("verifiableStrategy").asText());
  }

  @Test
  void fullViewOfPlainManifestStopsAtProtected() {
    ObjectNode json = ManifestJson.full(WorkedExample.plain());

    assertEquals(WorkedExample.PLAIN_CID.toString(), json.get("cid").asText());
    assertEquals(false, json.get("protected").asBoolean());
    assertFalse(json.has("verifiable"));
    assertFalse(json.has("ecK"));
    assertFalse(json.has("slotRoots"));
  }

  private static List<String> fieldNames(JsonNode json) {
    List<String> names = new ArrayList<>();
    json.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
