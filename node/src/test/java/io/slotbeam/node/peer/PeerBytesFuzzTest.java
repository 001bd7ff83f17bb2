package io.slotbeam.node.peer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.common.io.MoreFiles;
import com.google.common.io.RecursiveDeleteOption;
import com.sun.net.httpserver.HttpServer;
import io.slotbeam.core.block.Block;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.cid.Multicodec;
import io.slotbeam.core.hash.Sha256Compressor;
import io.slotbeam.core.hash.Sha256Digest;
import io.slotbeam.core.manifest.InvalidManifestException;
import io.slotbeam.core.manifest.Manifest;
import io.slotbeam.core.manifest.ManifestCodec;
import io.slotbeam.core.merkle.CodexTree;
import io.slotbeam.core.merkle.KeyedMerkleTree;
import io.slotbeam.core.merkle.MerkleProofCodec;
import io.slotbeam.node.repo.RepoCheck;
import io.slotbeam.node.repo.RocksBlockStore;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * What another node sends, fuzzed: a fake peer (the JDK's HTTP server in the test) answers with a
 * fuzzed status, {@code X-Codex-Block-Cid} and {@code X-Codex-Block-Proof} headers and body, each
 * either honest (a real block, CID or proof of a four-block tree), another leaf's, or fuzzed bytes.
 *
 * <p>The rule: the node takes exactly the honest block and stores it, or refuses with a {@link
 * PeerException} naming the peer and what was wrong (a manifest block that hashes to its CID but
 * does not decode: {@link InvalidManifestException}); it never stores a block that does not match
 * its CID, a tree or a manifest it could not complete, and the repository stays sound ({@link
 * RepoCheck}). Normal test runs replay the seeds under src/test/resources; {@code JAZZER_FUZZ=1}
 * fuzzes.
 */
class PeerBytesFuzzTest {
  private static final int BLOCK_SIZE = 64;
  private static final List<Integer> STATUSES = List.of(200, 200, 200, 404, 500, 204, 301);
  /** Four blocks of {@link #BLOCK_SIZE} bytes, block i filled with i + 1. */
  private static final List<Block> BLOCKS = IntStream.range(0, 4).mapToObj(PeerBytesFuzzTest::filledBlock).toList();
  private static final KeyedMerkleTree<Sha256Digest> TREE = CodexTree.build(BLOCKS.stream().map(Block::cid).toList());
  private static final Cid TREE_CID = CodexTree.rootCid(TREE.root());
  private static final Manifest MANIFEST = Manifest.plain(TREE_CID, BLOCKS.size() * BLOCK_SIZE, BLOCK_SIZE);

  private static Path dir;
  private static HttpServer peer;
  private static RocksBlockStore store;
  private static NetworkStore network;
  /** What the fake peer answers next, by path: set by each input. */
  private static volatile Answer manifestAnswer;
  private static volatile Answer leafAnswer;

  private record Answer(int status, String cidHeader, String proofHeader, byte[] body) {}

  private static Block filledBlock(int index) {
    byte[] bytes = new byte[BLOCK_SIZE];
    Arrays.fill(bytes, (byte) (index + 1));
    return Block.of(bytes);
  }

  @BeforeAll
  static void startPeerAndStore() throws IOException {
    // Small answers without Nagle's delay (the JDK server's switch): many more inputs per second.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    dir = Files.createTempDirectory("slotbeam-peer-fuzz");
    peer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    peer.createContext(
        "/",
        exchange -> {
          boolean leaf = exchange.getRequestURI().getPath().split("/").length == 7; // /api/codex/v1/blocks/T/I
          Answer answer = leaf ? leafAnswer : manifestAnswer;
          if (answer.cidHeader() != null) {
            exchange.getResponseHeaders().set(PeerClient.BLOCK_CID_HEADER, answer.cidHeader());
          }
          if (answer.proofHeader() != null) {
            exchange.getResponseHeaders().set(PeerClient.BLOCK_PROOF_HEADER, answer.proofHeader());
          }
          boolean noBody = answer.status() == 204 || answer.body().length == 0;
          exchange.sendResponseHeaders(answer.status(), noBody ? -1 : answer.body().length);
          try (OutputStream out = exchange.getResponseBody()) {
            if (!noBody) {
              out.write(answer.body());
            }
          }
        });
    peer.start();
    store = RocksBlockStore.open(dir.resolve("repo"), 1L << 30, Duration.ofDays(1), Clock.systemUTC());
    Peers peers = new Peers();
    peers.add(peerUrl());
    network = new NetworkStore(store, peers);
  }

  private static String peerUrl() {
    return "http://127.0.0.1:" + peer.getAddress().getPort();
  }

  @AfterAll
  static void stop() throws IOException {
    peer.stop(0);
    store.close();
    MoreFiles.deleteRecursively(dir, RecursiveDeleteOption.ALLOW_INSECURE);
  }

  @FuzzTest(maxDuration = "2m")
  void aPeersBlockIsStoredOnlyIfItIsTheTreesBlock(FuzzedDataProvider data) throws IOException {
    int index = data.consumeInt(0, BLOCKS.size() - 1);
    leafAnswer = leafAnswer(data);
    try {
      Block block = network.block(MANIFEST, index);
      assertArrayEquals(BLOCKS.get(index).data(), block.data(), "block " + index);
      assertTrue(store.has(block.cid()), "a block handed out is stored");
      assertEquals(1, store.usage().totalBlocks());
    } catch (PeerException refused) { // naming the peer and the tree
      assertTrue(refused.getMessage().contains(peerUrl()) && refused.getMessage().contains(TREE_CID.toString()),
          refused.getMessage());
      assertEquals(0, store.usage().totalBlocks(), "nothing stored after " + refused.getMessage());
    } finally {
      assertTrue(RepoCheck.run(store).ok(), RepoCheck.run(store).problems().toString());
      store.delete(BLOCKS.get(index).cid());
    }
  }

  /**
   * A manifest from the peer (fuzzed bytes under their own CID, or a manifest over the honest tree
   * with fuzzed sizes), then the download of its blocks with fuzzed answers: the dataset becomes
   * local only if every block is the tree's and has the manifest's block size.
   */
  @FuzzTest(maxDuration = "2m")
  void aPeersDatasetIsStoredOnlyIfEveryBlockChecksOut(FuzzedDataProvider data) throws IOException {
    byte[] manifestBytes;
    if (data.consumeBoolean()) {
      manifestBytes = data.consumeBytes(300);
    } else {
      try {
        manifestBytes =
            ManifestCodec.encode(Manifest.plain(TREE_CID, data.consumeLong(0, 1L << 20), data.consumeInt(1, 1 << 10)));
      } catch (InvalidManifestException e) {
        manifestBytes = ManifestCodec.encode(MANIFEST);
      }
    }
    Cid manifestCid = data.consumeBoolean() ? ManifestCodec.cidOf(manifestBytes) : ManifestCodec.cid(MANIFEST);
    manifestAnswer = new Answer(data.pickValue(STATUSES), null, null, manifestBytes);
    boolean honestBlocks = data.consumeBoolean();
    leafAnswer = honestBlocks ? null : leafAnswer(data);
    try {
      Optional<NetworkStore.Dataset> dataset = network.dataset(manifestCid);
      if (dataset.isEmpty()) {
        return;
      }
      assertEquals(manifestCid, ManifestCodec.cidOf(dataset.get().manifestBlock().data()));
      Manifest manifest = dataset.get().manifest();
      for (int i = 0; i < Math.min(manifest.blocksCount(), 64); i++) {
        leafAnswer = honestBlocks && i < BLOCKS.size() ? honest(i) : leafAnswer;
        network.block(manifest, i);
      }
      network.download(dataset.get());
      assertTrue(network.isComplete(dataset.get()));
      for (int i = 0; i < manifest.blocksCount(); i++) {
        Block block = network.localBlock(manifest, i).orElseThrow();
        assertEquals(manifest.blockSize(), block.size(), "block " + i + " of a completed dataset");
      }
    } catch (PeerException | InvalidManifestException refused) {
      assertFalse(store.has(manifestCid), "manifest stored after " + refused.getMessage());
    } finally {
      assertTrue(RepoCheck.run(store).ok(), RepoCheck.run(store).problems().toString());
      store.deleteDataset(manifestCid);
      for (Block block : BLOCKS) {
        store.delete(block.cid());
      }
    }
  }

  /** An answer for block requests: each part honest for some leaf, or fuzzed, or absent. */
  private static Answer leafAnswer(FuzzedDataProvider data) {
    int status = data.pickValue(STATUSES);
    String cid =
        switch (data.consumeInt(0, 2)) {
          case 0 -> BLOCKS.get(data.consumeInt(0, BLOCKS.size() - 1)).cid().toString();
          case 1 -> printable(data.consumeString(80));
          default -> null;
        };
    String proof =
        switch (data.consumeInt(0, 3)) {
          case 0 -> proofHex(data.consumeInt(0, BLOCKS.size() - 1));
          case 1 -> HexFormat.of().formatHex(data.consumeBytes(200));
          case 2 -> printable(data.consumeString(80));
          default -> null;
        };
    byte[] body = data.consumeBoolean() ? BLOCKS.get(data.consumeInt(0, BLOCKS.size() - 1)).data() : data.consumeBytes(200);
    return new Answer(status, cid, proof, body);
  }

  private static Answer honest(int index) {
    return new Answer(200, BLOCKS.get(index).cid().toString(), proofHex(index), BLOCKS.get(index).data());
  }

  private static String proofHex(int index) {
    return HexFormat.of()
        .formatHex(MerkleProofCodec.encode(Multicodec.SHA2_256, TREE.proof(index, Sha256Compressor.INSTANCE), Sha256Digest::toBytes));
  }

  /** Text a header can carry: visible ASCII. */
  private static String printable(String text) {
    StringBuilder value = new StringBuilder();
    for (char c : text.toCharArray()) {
      value.append(c > 0x20 && c < 0x7f ? c : '?');
    }
    return value.toString();
  }
}
