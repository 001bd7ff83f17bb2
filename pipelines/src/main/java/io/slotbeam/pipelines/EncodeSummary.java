package io.slotbeam.pipelines;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.manifest.Manifest;
import io.slotbeam.core.manifest.StoredManifests;
import io.slotbeam.core.manifest.VerificationInfo;
import io.slotbeam.core.slots.SlotCids;
import io.slotbeam.core.store.BlockStore;
import io.slotbeam.pipelines.Records.Manifests;
import java.io.IOException;

/**
 * The summary of one encoded file, as JSON read back from the stored manifests: {@code file}, the
 * plain manifest's {@code manifestCid}, {@code treeCid}, {@code datasetSize} and {@code blocks},
 * then {@code protected} ({@code manifestCid}, {@code treeCid}, {@code ecK}, {@code ecM}, {@code
 * blocks}) and {@code verifiable} ({@code manifestCid}, {@code verifyRoot}, {@code slotRoots},
 * {@code cellSize}, roots in decimal) when erasure-coded.
 */
public final class EncodeSummary {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private EncodeSummary() {}

  static ObjectNode of(BlockStore store, String file, Manifests manifests) throws IOException {
    ObjectNode json = MAPPER.createObjectNode();
    json.put("file", file);
    Manifest plain = StoredManifests.get(store, manifests.plain());
    json.put("manifestCid", manifests.plain().toString());
    json.put("treeCid", plain.treeCid().toString());
    json.put("datasetSize", plain.datasetSize());
    json.put("blocks", plain.blocksCount());
    if (manifests.protectedCid().isPresent()) {
      Cid cid = manifests.protectedCid().get();
      Manifest manifest = StoredManifests.get(store, cid);
      ObjectNode protectedJson = json.putObject("protected");
      protectedJson.put("manifestCid", cid.toString());
      protectedJson.put("treeCid", manifest.treeCid().toString());
      protectedJson.put("ecK", manifest.erasure().orElseThrow().ecK());
      protectedJson.put("ecM", manifest.erasure().orElseThrow().ecM());
      protectedJson.put("blocks", manifest.blocksCount());
    }
    if (manifests.verifiable().isPresent()) {
      Cid cid = manifests.verifiable().get();
      VerificationInfo verification = StoredManifests.get(store, cid).verification().orElseThrow();
      ObjectNode verifiableJson = json.putObject("verifiable");
      verifiableJson.put("manifestCid", cid.toString());
      verifiableJson.put("verifyRoot", SlotCids.root(verification.verifyRoot()).toDecimal());
      ArrayNode slotRoots = verifiableJson.putArray("slotRoots");
      verification.slotRoots().forEach(root -> slotRoots.add(SlotCids.root(root).toDecimal()));
      verifiableJson.put("cellSize", verification.cellSize());
    }
    return json;
  }
}
