package io.slotbeam.node.sales;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.node.market.Ask;
import io.slotbeam.node.market.StorageRequest;
import java.util.HexFormat;

/**
 * nim-codex's REST shape of a storage request (spec node §2.4 {@code StorageRequest}): the client,
 * the ask with 256-bit values as decimal strings, the content CID as text (never the merkle
 * root), the relative expiry, the nonce and the request id.
 */
public final class RequestJson {
  private RequestJson() {}

  public static ObjectNode of(StorageRequest request) {
    ObjectNode json = SalesJson.object();
    json.put("client", request.client().toLowerCase(java.util.Locale.ROOT));
    Ask ask = request.ask();
    json.putObject("ask")
        .put("proofProbability", ask.proofProbability().toString())
        .put("pricePerBytePerSecond", ask.pricePerBytePerSecond().toString())
        .put("collateralPerByte", ask.collateralPerByte().toString())
        .put("slots", ask.slots())
        .put("slotSize", ask.slotSize())
        .put("duration", ask.duration())
        .put("maxSlotLoss", ask.maxSlotLoss());
    json.putObject("content").put("cid", Cid.fromBytes(request.content().cid()).toString());
    json.put("expiry", request.expiry());
    json.put("nonce", "0x" + HexFormat.of().formatHex(request.nonce()));
    json.put("id", request.id().hex());
    return json;
  }
}
