package io.slotbeam.node.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.slotbeam.core.block.Block;
import io.slotbeam.core.block.Chunker;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.cid.Multicodec;
import io.slotbeam.core.dataset.Upload;
import io.slotbeam.core.manifest.ErasureInfo;
import io.slotbeam.core.manifest.Manifest;
import io.slotbeam.core.manifest.ManifestCodec;
import io.slotbeam.core.manifest.ManifestJson;
import io.slotbeam.node.peer.NetworkStore;
import io.slotbeam.node.repo.RocksBlockStore;
import io.slotbeam.node.repo.UndoableWrites;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The data endpoints of spec node §2.2–§2.3: upload, listing, download (local, or from the peers
 * with {@code network/stream}), delete, exists, the network manifest and background download, and
 * the quota summary. Bodies stream in and out one block at a time.
 */
final class DataApi {
  private final RocksBlockStore store;
  private final NetworkStore network;
  private final Executor downloads;

  DataApi(RocksBlockStore store, NetworkStore network, Executor downloads) {
    this.store = store;
    this.network = network;
    this.downloads = downloads;
  }

  void register(Router router) {
    router
        .on("POST", "data", (exchange, params) -> upload(exchange))
        .on("GET", "data", (exchange, params) -> list(exchange))
        .on("GET", "data/{cid}", (exchange, params) -> download(exchange, params.get(0), false))
        .on("DELETE", "data/{cid}", (exchange, params) -> delete(exchange, params.get(0)))
        .on("GET", "data/{cid}/exists", (exchange, params) -> exists(exchange, params.get(0)))
        .on("POST", "data/{cid}/network", (exchange, params) -> fetch(exchange, params.get(0), true))
        .on("GET", "data/{cid}/network/manifest", (exchange, params) -> fetch(exchange, params.get(0), false))
        .on("GET", "data/{cid}/network/stream", (exchange, params) -> download(exchange, params.get(0), true))
        .on("GET", "space", (exchange, params) -> space(exchange));
  }

  private void upload(HttpExchange exchange) throws IOException {
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    Optional<String> mimetype = Optional.empty();
    if (contentType != null && !contentType.isEmpty()) {
      if (!MimeTypes.isKnown(contentType)) {
        throw new HttpError(HttpError.UNPROCESSABLE, "The MIME type '" + contentType + "' is not valid.");
      }
      mimetype = Optional.of(contentType);
    }
    Optional<String> filename =
        Filenames.fromContentDisposition(exchange.getRequestHeaders().getFirst("Content-Disposition"));
    if (filename.isPresent() && !Filenames.isValid(filename.get())) {
      throw new HttpError(HttpError.UNPROCESSABLE, "The filename is not valid.");
    }
    UndoableWrites writes = new UndoableWrites(store);
    Upload.Stored stored;
    try { // the body stays open: a refused upload's rest is drained by the router
      stored = Upload.store(exchange.getRequestBody(), Chunker.DEFAULT_BLOCK_SIZE, filename, mimetype, writes);
      store.sync();
    } catch (IOException | RuntimeException e) {
      writes.undo();
      throw e;
    }
    Replies.text(exchange, 200, stored.manifestCid().toString());
  }

  private void list(HttpExchange exchange) throws IOException {
    ObjectNode json = Replies.JSON.createObjectNode();
    ArrayNode content = json.putArray("content");
    store.forEachManifest((cid, bytes) -> content.add(dataItem(cid, ManifestCodec.decode(cid, bytes))));
    Replies.json(exchange, 200, json);
  }

  private void delete(HttpExchange exchange, String cidText) throws IOException {
    Cid cid = Cid.parse(cidText);
    if (cid.contentCodec() == Multicodec.CODEX_MANIFEST) {
      store.deleteDataset(cid);
    } else {
      store.deleteUnreferenced(cid);
    }
    Replies.empty(exchange, 204);
  }

  /** {@code {"<cid>": bool, "has": bool}}: nim-codex's key and the openapi's (spec node §12.1). */
  private void exists(HttpExchange exchange, String cidText) throws IOException {
    Cid cid = Cid.parse(cidText);
    boolean has = store.has(cid);
    ObjectNode json = Replies.JSON.createObjectNode();
    json.put(cid.toString(), has);
    json.put("has", has);
    Replies.json(exchange, 200, json);
  }

  private void fetch(HttpExchange exchange, String cidText, boolean startDownload) throws IOException {
    Cid cid = Cid.parse(cidText);
    NetworkStore.Dataset dataset = network.dataset(cid).orElseThrow(() -> notRetrievable(cid, "no peer has its manifest"));
    if (startDownload && !network.isComplete(dataset)) {
      network.downloadInBackground(dataset, downloads);
    }
    Replies.json(exchange, 200, dataItem(cid, dataset.manifest()));
  }

  private void space(HttpExchange exchange) throws IOException {
    Replies.json(exchange, 200, NodeApi.space(store));
  }

  /**
   * Streams a dataset (spec node §2.3): the manifest's filename and mimetype as headers, the bytes
   * without padding, and for a {@code Range} request (206) only the blocks the range touches. A
   * local download first checks that every block it needs is here, so a missing block is a 404
   * and not a truncated body.
   */
  private void download(HttpExchange exchange, String cidText, boolean fromNetwork) throws IOException {
    Cid cid = Cid.parse(cidText);
    Optional<NetworkStore.Dataset> found = fromNetwork ? network.dataset(cid) : network.localDataset(cid);
    NetworkStore.Dataset dataset =
        found.orElseThrow(() -> notRetrievable(cid, fromNetwork ? "no peer has its manifest" : "it is not stored here"));
    Manifest manifest = dataset.manifest();
    long size = manifest.erasure().map(ErasureInfo::originalDatasetSize).orElse(manifest.datasetSize());
    var headers = exchange.getResponseHeaders();
    headers.set("Content-Type", manifest.mimetype().orElse("application/octet-stream"));
    headers.set("Content-Disposition", manifest.filename().map(f -> "attachment; filename=\"" + f + "\"").orElse("attachment"));
    headers.set("Accept-Ranges", "bytes");
    Optional<ByteRange> range;
    try {
      range = ByteRange.parse(exchange.getRequestHeaders().getFirst("Range"), size);
    } catch (HttpError e) {
      headers.set("Content-Range", "bytes */" + size);
      throw e;
    }
    long first = range.map(ByteRange::first).orElse(0L);
    long last = range.map(ByteRange::last).orElse(size - 1);
    int blockSize = manifest.blockSize();
    int firstBlock = (int) (first / blockSize);
    int lastBlock = (int) (last / blockSize);
    if (!fromNetwork) {
      for (int i = firstBlock; i <= lastBlock; i++) {
        if (network.localBlockCid(manifest, i).isEmpty()) {
          throw notRetrievable(cid, "block " + i + " of tree " + manifest.treeCid() + " is not stored here");
        }
      }
    }
    // The first block is in hand before the answer starts, so a dataset no peer can deliver is a
    // clean 502 and not a broken-off body.
    Block block = block(manifest, firstBlock, fromNetwork);
    range.ifPresent(r -> headers.set("Content-Range", r.contentRange(size)));
    exchange.sendResponseHeaders(range.isPresent() ? 206 : 200, last - first + 1);
    // Not closed on failure: the router rethrows, and the server drops the connection.
    OutputStream out = exchange.getResponseBody();
    for (int i = firstBlock; i <= lastBlock; i++) {
      if (i > firstBlock) {
        block = block(manifest, i, fromNetwork);
      }
      long blockStart = (long) i * blockSize;
      int from = (int) (Math.max(first, blockStart) - blockStart);
      int to = (int) (Math.min(last + 1, blockStart + blockSize) - blockStart);
      out.write(block.data(), from, to - from);
    }
    out.close();
    if (fromNetwork && !network.isComplete(dataset)) {
      network.downloadInBackground(dataset, downloads); // the parity blocks and anything skipped
    }
  }

  /** Block {@code index}: fetched from a peer if need be, or local (checked before the answer). */
  private Block block(Manifest manifest, int index, boolean fromNetwork) throws IOException {
    return fromNetwork ? network.block(manifest, index) : network.localBlock(manifest, index).orElseThrow();
  }

  /** The REST {@code DataItem} of a stored manifest, under the CID it is stored by. */
  static ObjectNode dataItem(Cid cid, Manifest manifest) {
    ObjectNode item = Replies.JSON.createObjectNode();
    item.put("cid", cid.toString());
    item.set("manifest", ManifestJson.rest(manifest));
    return item;
  }

  /** nim-codex's 404 for a dataset it cannot deliver (spec node §2.3). */
  private static HttpError notRetrievable(Cid cid, String why) {
    return new HttpError(
        HttpError.NOT_FOUND, "The requested CID could not be retrieved (" + cid + ": " + why + ").");
  }
}
