package io.slotbeam.node.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.google.common.io.ByteStreams;
import com.google.common.io.CountingInputStream;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.slotbeam.core.block.Block;
import io.slotbeam.core.block.CorruptBlockException;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.cid.Multicodec;
import io.slotbeam.core.hash.Sha256Digest;
import io.slotbeam.core.manifest.InvalidManifestException;
import io.slotbeam.core.manifest.Manifest;
import io.slotbeam.core.manifest.ManifestCodec;
import io.slotbeam.core.merkle.CodexTree;
import io.slotbeam.core.merkle.KeyedMerkleTree;
import io.slotbeam.core.merkle.MerkleProofCodec;
import io.slotbeam.core.store.BlockStore;
import io.slotbeam.node.peer.PeerClient;
import io.slotbeam.node.repo.RocksBlockStore;
import io.slotbeam.node.repo.UndoableWrites;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Blocks between nodes and from the encode pipeline (slotbeam's own endpoints, beside nim-codex's):
 *
 * <ul>
 *   <li>{@code GET /blocks/{treeCid}/{index}}: the block's bytes, its CID in {@code
 *       X-Codex-Block-Cid} and its proof (spec datapath §3.5 encoding, hex) in {@code
 *       X-Codex-Block-Proof}; what network downloads and hosts fetching a slot read.
 *   <li>{@code GET /blocks/{cid}}: any stored block by CID (peers read manifests this way).
 *   <li>{@code PUT /blocks/{cid}}: stores a block whose bytes hash to {@code cid} (204).
 *   <li>{@code PUT /manifests/{cid}} with {@code {"manifest": "<base64 manifest block>", "tree":
 *       ["<block CID>", …]}}: stores a manifest and its tree once the tree's root is the
 *       manifest's treeCid and every block of the tree is stored (200, the {@code DataItem}); 409
 *       naming the first missing block otherwise, 422 naming the first block whose size is not the
 *       manifest's blockSize.
 * </ul>
 */
final class BlockApi {
  /** The largest block {@code PUT /blocks} takes; Codex blocks are 64 KiB. */
  static final int MAX_BLOCK_BYTES = 1 << 20;

  /**
   * The largest {@code PUT /manifests} request: about 56 bytes of JSON per block CID, so trees of
   * up to a million blocks (64 GiB in 64 KiB blocks).
   */
  static final int MAX_MANIFEST_REQUEST_BYTES = 64 << 20;

  private final RocksBlockStore store;

  BlockApi(RocksBlockStore store) {
    this.store = store;
  }

  void register(Router router) {
    router
        .on("GET", "blocks/{treeCid}/{index}", (exchange, params) -> leaf(exchange, params.get(0), params.get(1)))
        .on("GET", "blocks/{cid}", (exchange, params) -> block(exchange, params.get(0)))
        .on("PUT", "blocks/{cid}", (exchange, params) -> putBlock(exchange, params.get(0)))
        .on("PUT", "manifests/{cid}", (exchange, params) -> putManifest(exchange, params.get(0)));
  }

  private void leaf(HttpExchange exchange, String treeCidText, String indexText) throws IOException {
    Cid treeCid = Cid.parse(treeCidText);
    int index = parseIndex(indexText);
    Optional<BlockStore.Leaf> leaf;
    try {
      leaf = store.leaf(treeCid, index);
    } catch (IndexOutOfBoundsException e) {
      throw new HttpError(
          HttpError.BAD_REQUEST, "block index " + index + " is past the end of tree " + treeCid + ": " + e.getMessage());
    }
    if (leaf.isEmpty()) {
      throw new HttpError(HttpError.NOT_FOUND, "tree " + treeCid + " is not stored here");
    }
    Cid blockCid = leaf.get().blockCid();
    Block block =
        store
            .get(blockCid)
            .orElseThrow(
                () ->
                    new HttpError(
                        HttpError.NOT_FOUND,
                        "block " + index + " of tree " + treeCid + " (" + blockCid + ") is not stored here"));
    byte[] proof = MerkleProofCodec.encode(Multicodec.SHA2_256, leaf.get().proof(), Sha256Digest::toBytes);
    exchange.getResponseHeaders().set(PeerClient.BLOCK_CID_HEADER, blockCid.toString());
    exchange.getResponseHeaders().set(PeerClient.BLOCK_PROOF_HEADER, HexFormat.of().formatHex(proof));
    Replies.bytes(exchange, 200, "application/octet-stream", block.data());
  }

  private void block(HttpExchange exchange, String cidText) throws IOException {
    Cid cid = Cid.parse(cidText);
    Block block =
        store.get(cid).orElseThrow(() -> new HttpError(HttpError.NOT_FOUND, "block " + cid + " is not stored here"));
    Replies.bytes(exchange, 200, "application/octet-stream", block.data());
  }

  private void putBlock(HttpExchange exchange, String cidText) throws IOException {
    Cid cid = Cid.parse(cidText);
    if (cid.contentCodec() == Multicodec.CODEX_MANIFEST) {
      throw new HttpError(
          HttpError.BAD_REQUEST,
          "manifest " + cid + " is stored with its tree: PUT /api/codex/v1/manifests/" + cid);
    }
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(MAX_BLOCK_BYTES + 1);
    }
    if (body.length > MAX_BLOCK_BYTES) {
      throw new HttpError(
          HttpError.PAYLOAD_TOO_LARGE, "block " + cid + " is larger than " + MAX_BLOCK_BYTES + " bytes");
    }
    try {
      store.store(Block.verified(cid, body));
    } catch (CorruptBlockException e) {
      throw new HttpError(HttpError.UNPROCESSABLE, e.getMessage());
    }
    store.flushLog();
    Replies.empty(exchange, 204);
  }

  private void putManifest(HttpExchange exchange, String cidText) throws IOException {
    Cid cid = Cid.parse(cidText);
    JsonNode request;
    try (CountingInputStream in =
        new CountingInputStream(ByteStreams.limit(exchange.getRequestBody(), MAX_MANIFEST_REQUEST_BYTES + 1L))) {
      try {
        request = Replies.JSON.readTree(in);
      } catch (JsonProcessingException | CharConversionException e) { // the latter: bad UTF-16/32 text
        requireWithinLimit(in, cid);
        throw new HttpError(HttpError.BAD_REQUEST, "the body is not JSON: " + e.getMessage());
      }
      requireWithinLimit(in, cid);
    }
    if (request == null || !request.path("manifest").isTextual() || !request.path("tree").isArray()) {
      throw new HttpError(
          HttpError.BAD_REQUEST, "expected {\"manifest\": \"<base64 manifest block>\", \"tree\": [\"<block CID>\", …]}");
    }
    byte[] manifestBytes;
    try {
      manifestBytes = Base64.getDecoder().decode(request.get("manifest").asText());
    } catch (IllegalArgumentException e) {
      throw new HttpError(HttpError.BAD_REQUEST, "\"manifest\" is not base64: " + e.getMessage());
    }
    Manifest manifest;
    try {
      manifest = ManifestCodec.decode(cid, manifestBytes);
    } catch (InvalidManifestException e) {
      throw new HttpError(HttpError.UNPROCESSABLE, e.getMessage());
    }
    List<Cid> tree = new ArrayList<>();
    for (JsonNode entry : request.get("tree")) {
      tree.add(Cid.parse(entry.asText()));
    }
    if (tree.size() != manifest.blocksCount()) {
      throw new HttpError(
          HttpError.UNPROCESSABLE,
          "the tree has " + tree.size() + " blocks but manifest " + cid + " has " + manifest.blocksCount());
    }
    KeyedMerkleTree<Sha256Digest> built;
    try {
      built = CodexTree.build(tree);
    } catch (IllegalArgumentException e) { // no leaves (datasetSize 0), or a leaf that is not sha2-256
      throw new HttpError(HttpError.UNPROCESSABLE, "the tree of manifest " + cid + " is not a Codex tree: " + e.getMessage());
    }
    Cid root = CodexTree.rootCid(built.root());
    if (!root.equals(manifest.treeCid())) {
      throw new HttpError(
          HttpError.UNPROCESSABLE,
          "the tree's root is " + root + " but manifest " + cid + " names treeCid " + manifest.treeCid());
    }
    for (int i = 0; i < tree.size(); i++) {
      OptionalInt size = store.blockSize(tree.get(i));
      if (size.isEmpty()) {
        throw new HttpError(
            HttpError.CONFLICT,
            "block " + i + " of tree " + manifest.treeCid() + " (" + tree.get(i)
                + ") is not stored: PUT every block before the manifest");
      }
      if (!manifest.fitsBlockSize(tree.get(i), size.getAsInt())) {
        throw new HttpError(
            HttpError.UNPROCESSABLE,
            "block " + i + " of tree " + manifest.treeCid() + " (" + tree.get(i) + ") has " + size.getAsInt()
                + " bytes but manifest " + cid + " has blockSize " + manifest.blockSize());
      }
    }
    UndoableWrites writes = new UndoableWrites(store);
    try {
      writes.putTree(manifest.treeCid(), built);
      writes.put(Block.verified(cid, manifestBytes));
      store.sync();
    } catch (IOException | RuntimeException e) {
      writes.undo();
      throw e;
    }
    Replies.json(exchange, 200, DataApi.dataItem(cid, manifest));
  }

  /** 413 once the body read so far is past {@link #MAX_MANIFEST_REQUEST_BYTES}. */
  private static void requireWithinLimit(CountingInputStream in, Cid cid) {
    if (in.getCount() > MAX_MANIFEST_REQUEST_BYTES) {
      throw new HttpError(
          HttpError.PAYLOAD_TOO_LARGE,
          "the request for manifest " + cid + " is larger than " + MAX_MANIFEST_REQUEST_BYTES + " bytes");
    }
  }

  private static int parseIndex(String text) {
    try {
      int index = Integer.parseInt(text);
      if (index >= 0) {
        return index;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new HttpError(HttpError.BAD_REQUEST, "block index '" + text + "' is not a non-negative integer");
  }
}
