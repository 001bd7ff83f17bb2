package io.slotbeam.core.manifest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.indexing.StrategyType;
import java.util.Locale;
import java.util.Optional;

/**
 * The JSON views of a {@link Manifest}; the one place that builds them. CIDs are {@code z…}
 * base58btc strings, sizes are numbers.
 *
 * <ul>
 *   <li>{@link #rest}: the REST {@code ManifestItem} of spec datapath §7.5 / spec-node §2.3, in
 *       this order: {@code treeCid, datasetSize, blockSize, filename, mimetype} (null when
 *       absent), {@code protected}, and {@code verifiable} only when protected. Example: {@code
 *       {"treeCid":"zDzSv…","datasetSize":18,"blockSize":65536,"filename":null,"mimetype":null,
 *       "protected":false}}.
 *   <li>{@link #dataItem}: the REST {@code DataItem}, {@code {"cid": <manifest CID>, "manifest":
 *       ManifestItem}}.
 *   <li>{@link #full}: every field and derived size, for tools; not a Codex format. Strategies are
 *       {@code "linear"} or {@code "stepped"}.
 * </ul>
 */
public final class ManifestJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ManifestJson() {}

  /** The REST {@code ManifestItem} (spec datapath §7.5). */
  public static ObjectNode rest(Manifest manifest) {
    ObjectNode json = NODES.objectNode();
    json.put("treeCid", manifest.treeCid().toString());
    json.put("datasetSize", manifest.datasetSize());
    json.put("blockSize", manifest.blockSize());
    putOptional(json, "filename", manifest.filename());
    putOptional(json, "mimetype", manifest.mimetype());
    json.put("protected", manifest.isProtected());
    if (manifest.isProtected()) {
      json.put("verifiable", manifest.isVerifiable());
    }
    return json;
  }

  /** The REST {@code DataItem}: the manifest CID (§7.4) and the {@link #rest} view. */
  public static ObjectNode dataItem(Manifest manifest) {
    ObjectNode json = NODES.objectNode();
    json.put("cid", ManifestCodec.cid(manifest).toString());
    json.set("manifest", rest(manifest));
    return json;
  }

  /**
   * Every field of the manifest, its CID and its derived sizes: {@code cid, treeCid, datasetSize,
   * blockSize, blocksCount, codec, hcodec, cidVersion, filename, mimetype, protected}; when
   * protected also {@code verifiable, ecK, ecM, numSlots, originalTreeCid, originalDatasetSize,
   * originalBlocksCount, rounded, steps, numSlotBlocks, protectedStrategy}; when verifiable also
   * {@code verifyRoot, slotRoots, cellSize, verifiableStrategy}.
   */
  public static ObjectNode full(Manifest manifest) {
    ObjectNode json = NODES.objectNode();
    json.put("cid", ManifestCodec.cid(manifest).toString());
    json.put("treeCid", manifest.treeCid().toString());
    json.put("datasetSize", manifest.datasetSize());
    json.put("blockSize", manifest.blockSize());
    json.put("blocksCount", manifest.blocksCount());
    json.put("codec", manifest.codec().codecName());
    json.put("hcodec", manifest.hcodec().codecName());
    json.put("cidVersion", manifest.cidVersion());
    putOptional(json, "filename", manifest.filename());
    putOptional(json, "mimetype", manifest.mimetype());
    json.put("protected", manifest.isProtected());
    manifest
        .erasure()
        .ifPresent(
            erasure -> {
              json.put("verifiable", manifest.isVerifiable());
              json.put("ecK", erasure.ecK());
              json.put("ecM", erasure.ecM());
              json.put("numSlots", manifest.numSlots());
              json.put("originalTreeCid", erasure.originalTreeCid().toString());
              json.put("originalDatasetSize", erasure.originalDatasetSize());
              json.put("originalBlocksCount", manifest.originalBlocksCount());
              json.put("rounded", manifest.rounded());
              json.put("steps", manifest.steps());
              json.put("numSlotBlocks", manifest.numSlotBlocks());
              json.put("protectedStrategy", strategyName(erasure.protectedStrategy()));
            });
    manifest
        .verification()
        .ifPresent(
            verification -> {
              json.put("verifyRoot", verification.verifyRoot().toString());
              ArrayNode slotRoots = json.putArray("slotRoots");
              for (Cid slotRoot : verification.slotRoots()) {
                slotRoots.add(slotRoot.toString());
              }
              json.put("cellSize", verification.cellSize());
              json.put("verifiableStrategy", strategyName(verification.verifiableStrategy()));
            });
    return json;
  }

  private static void putOptional(ObjectNode json, String name, Optional<String> value) {
    if (value.isPresent()) {
      json.put(name, value.get());
    } else {
      json.putNull(name);
    }
  }

  private static String strategyName(StrategyType strategy) {
    return strategy.name().toLowerCase(Locale.ROOT);
  }
}
