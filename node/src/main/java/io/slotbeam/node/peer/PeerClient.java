package io.slotbeam.node.peer;

import io.slotbeam.core.block.Block;
import io.slotbeam.core.block.CorruptBlockException;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.cid.InvalidCidException;
import io.slotbeam.core.hash.Sha256Compressor;
import io.slotbeam.core.hash.Sha256Digest;
import io.slotbeam.core.merkle.CodexTree;
import io.slotbeam.core.merkle.MerkleProof;
import io.slotbeam.core.merkle.MerkleProofCodec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Reads blocks from another node's REST API and checks everything it receives before handing it
 * out: a block by CID must hash to that CID; a block of a tree ({@code GET
 * /blocks/{treeCid}/{index}}) must hash to the CID in {@code X-Codex-Block-Cid}, and the proof in
 * {@code X-Codex-Block-Proof} must be for that index and leaf count and lead from that CID to the
 * tree root.
 */
public final class PeerClient {
  /** The response header naming a served block's CID. */
  public static final String BLOCK_CID_HEADER = "X-Codex-Block-Cid";
  /** The response header carrying a served block's proof, hex of spec datapath §3.5. */
  public static final String BLOCK_PROOF_HEADER = "X-Codex-Block-Proof";

  private static final String BLOCKS = "/api/codex/v1/blocks/";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /** Block {@code cid} from {@code peer}, checked against its CID, or empty if the peer lacks it. */
  public Optional<Block> block(URI peer, Cid cid) throws IOException {
    Optional<HttpResponse<byte[]>> response = get(peer, BLOCKS + cid);
    if (response.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Block.verified(cid, response.get().body()));
    } catch (CorruptBlockException e) {
      throw new PeerException("peer " + peer + " sent bytes for " + cid + " that do not match it: " + e.getMessage(), e);
    }
  }

  /**
   * Block {@code index} of the tree {@code treeCid} with {@code leafCount} leaves, from {@code
   * peer}, checked against its CID and its proof, or empty if the peer lacks it.
   */
  public Optional<Block> leafBlock(URI peer, Cid treeCid, int index, long leafCount) throws IOException {
    Optional<HttpResponse<byte[]>> response = get(peer, BLOCKS + treeCid + "/" + index);
    if (response.isEmpty()) {
      return Optional.empty();
    }
    String where = "block " + index + " of tree " + treeCid + " from peer " + peer;
    Cid cid = parseCid(header(response.get(), BLOCK_CID_HEADER, where), where);
    MerkleProof<Sha256Digest> proof = parseProof(header(response.get(), BLOCK_PROOF_HEADER, where), where);
    if (proof.index() != index || proof.leafCount() != leafCount) {
      throw new PeerException(
          where + " came with a proof for leaf " + proof.index() + " of " + proof.leafCount()
              + ", not leaf " + index + " of " + leafCount);
    }
    Sha256Digest root = Sha256Digest.of(treeCid.multihash().digest());
    if (!proof.verify(leafOf(cid, where), root, Sha256Compressor.INSTANCE)) {
      throw new PeerException(where + " named " + cid + ", which its proof does not lead to the tree root");
    }
    try {
      return Optional.of(Block.verified(cid, response.get().body()));
    } catch (CorruptBlockException e) {
      throw new PeerException(where + " is corrupt: " + e.getMessage(), e);
    }
  }

  private Optional<HttpResponse<byte[]>> get(URI peer, String path) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(peer + path)).timeout(TIMEOUT).GET().build();
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PeerException("interrupted while asking " + peer + path, e);
    } catch (IOException e) {
      throw new PeerException("peer " + peer + " did not answer " + path + ": " + e.getMessage(), e);
    }
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    if (response.statusCode() != 200) {
      throw new PeerException(
          "peer " + peer + " answered " + path + " with " + response.statusCode() + ": "
              + new String(response.body(), StandardCharsets.UTF_8));
    }
    return Optional.of(response);
  }

  private static String header(HttpResponse<byte[]> response, String name, String where) throws PeerException {
    return response
        .headers()
        .firstValue(name)
        .orElseThrow(() -> new PeerException(where + " came without the " + name + " header"));
  }

  private static Cid parseCid(String text, String where) throws PeerException {
    try {
      return Cid.parse(text);
    } catch (InvalidCidException e) {
      throw new PeerException(where + " named the malformed CID '" + text + "'", e);
    }
  }

  private static Sha256Digest leafOf(Cid cid, String where) throws PeerException {
    try {
      return CodexTree.leaf(cid);
    } catch (IllegalArgumentException e) {
      throw new PeerException(where + " named " + cid + ", which cannot be a leaf: " + e.getMessage(), e);
    }
  }

  private static MerkleProof<Sha256Digest> parseProof(String hex, String where) throws PeerException {
    try {
      return MerkleProofCodec.decode(HexFormat.of().parseHex(hex), Sha256Digest::of).proof();
    } catch (IllegalArgumentException e) { // MalformedProtobufException included
      throw new PeerException(where + " came with a malformed proof: " + e.getMessage(), e);
    }
  }
}
