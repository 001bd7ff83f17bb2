package io.slotbeam.node.peer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.slotbeam.core.block.Block;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.cid.Multicodec;
import io.slotbeam.core.hash.Sha256Compressor;
import io.slotbeam.core.hash.Sha256Digest;
import io.slotbeam.core.merkle.CodexTree;
import io.slotbeam.core.merkle.KeyedMerkleTree;
import io.slotbeam.core.merkle.MerkleProofCodec;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The checks on what a peer sends, against a peer that answers {@code GET /blocks/TREE/0} with
 * whatever bytes and headers the test sets: an honest answer passes, each kind of lie fails.
 */
class PeerClientTest {
  private final List<Block> blocks =
      IntStream.range(0, 4).mapToObj(i -> Block.of(new byte[] {(byte) i, 7, 7})).toList();
  private final KeyedMerkleTree<Sha256Digest> tree = CodexTree.build(blocks.stream().map(Block::cid).toList());
  private final Cid treeCid = CodexTree.rootCid(tree.root());
  private final PeerClient client = new PeerClient();
  private HttpServer peer;
  private volatile byte[] body;
  private volatile String cidHeader;
  private volatile String proofHeader;

  @BeforeEach
  void startPeer() throws IOException {
    peer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    peer.createContext(
        "/",
        exchange -> {
          if (cidHeader != null) {
            exchange.getResponseHeaders().set(PeerClient.BLOCK_CID_HEADER, cidHeader);
          }
          if (proofHeader != null) {
            exchange.getResponseHeaders().set(PeerClient.BLOCK_PROOF_HEADER, proofHeader);
          }
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    peer.start();
    answerHonestly(1);
  }

  @AfterEach
  void stopPeer() {
    peer.stop(0);
  }

  private URI url() {
    return URI.create("http://127.0.0.1:" + peer.getAddress().getPort());
  }

  private void answerHonestly(int index) {
    body = blocks.get(index).data();
    cidHeader = blocks.get(index).cid().toString();
    proofHeader = proofHex(index);
  }

  private String proofHex(int index) {
    return HexFormat.of()
        .formatHex(MerkleProofCodec.encode(Multicodec.SHA2_256, tree.proof(index, Sha256Compressor.INSTANCE), Sha256Digest::toBytes));
  }

  private void assertRejected(String expected) {
    PeerException error = assertThrows(PeerException.class, () -> client.leafBlock(url(), treeCid, 1, 4));
    assertTrue(error.getMessage().contains(expected), error.getMessage());
  }

  @Test
  void acceptsABlockWhoseCidAndProofCheckOut() throws IOException {
    assertArrayEquals(blocks.get(1).data(), client.leafBlock(url(), treeCid, 1, 4).orElseThrow().data());
  }

  @Test
  void rejectsBytesThatDoNotHashToTheNamedCid() {
    body = blocks.get(2).data();
    assertRejected("is corrupt");
  }

  @Test
  void rejectsAnotherLeafsBlockAndProof() {
    answerHonestly(2);
    assertRejected("proof for leaf 2 of 4, not leaf 1 of 4");
  }

  @Test
  void rejectsABlockTheProofDoesNotLeadToTheRoot() {
    body = blocks.get(2).data();
    cidHeader = blocks.get(2).cid().toString();
    assertRejected("which its proof does not lead to the tree root");
  }

  @Test
  void rejectsAProofForAnotherLeafCount() {
    assertThrows(PeerException.class, () -> client.leafBlock(url(), treeCid, 1, 5));
  }

  @Test
  void rejectsMissingOrMalformedHeaders() {
    proofHeader = null;
    assertRejected("without the X-Codex-Block-Proof header");
    proofHeader = "zz";
    assertRejected("malformed proof");
    answerHonestly(1);
    cidHeader = "not-a-cid";
    assertRejected("malformed CID 'not-a-cid'");
  }

  @Test
  void rejectsABlockByCidWithOtherBytes() {
    body = blocks.get(0).data();
    assertThrows(PeerException.class, () -> client.block(url(), blocks.get(3).cid()));
  }
}
