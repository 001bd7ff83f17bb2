package io.slotbeam.node.market;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slotbeam.core.cid.Cid;
import java.util.HexFormat;
import java.util.Locale;

/**
 * nim-codex's REST shape of a storage request and its ask (spec node §2.4 {@code StorageRequest},
 * {@code StorageAsk}), the one writer the sales and purchasing routes share: the client in lower
 * case, 256-bit values as decimal strings, the content's CID as text (its merkle root only in the
 * form a purchase is stored in, never over REST), the relative expiry, the nonce and the request id
 * as {@code 0x} hex.
 */
public final class StorageRequestJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final HexFormat HEX = HexFormat.of();

  private StorageRequestJson() {}

  /** The REST form. */
  public static ObjectNode of(StorageRequest request) {
    return write(request, false);
  }

  /** The REST form plus {@code content.merkleRoot} ({@code 0x} hex), as a purchase is kept on disk. */
  public static ObjectNode withMerkleRoot(StorageRequest request) {
    return write(request, true);
  }

  /** nim-codex's {@code StorageAsk}. */
  public static ObjectNode ask(Ask ask) {
    ObjectNode json = NODES.objectNode();
    json.put("proofProbability", ask.proofProbability().toString());
    json.put("pricePerBytePerSecond", ask.pricePerBytePerSecond().toString());
    json.put("collateralPerByte", ask.collateralPerByte().toString());
    json.put("slots", ask.slots());
    json.put("slotSize", ask.slotSize());
    json.put("duration", ask.duration());
    json.put("maxSlotLoss", ask.maxSlotLoss());
    return json;
  }

  private static ObjectNode write(StorageRequest request, boolean withMerkleRoot) {
    ObjectNode json = NODES.objectNode();
    json.put("client", request.client().toLowerCase(Locale.ROOT));
    json.set("ask", ask(request.ask()));
    ObjectNode content = json.putObject("content");
    content.put("cid", Cid.fromBytes(request.content().cid()).toString());
    if (withMerkleRoot) {
      content.put("merkleRoot", "0x" + HEX.formatHex(request.content().merkleRoot()));
    }
    json.put("expiry", request.expiry());
    json.put("nonce", "0x" + HEX.formatHex(request.nonce()));
    json.put("id", request.id().hex());
    return json;
  }
}
