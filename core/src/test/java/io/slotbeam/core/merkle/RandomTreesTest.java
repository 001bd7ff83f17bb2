package io.slotbeam.core.merkle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotbeam.core.cid.Multicodec;
import io.slotbeam.core.hash.Sha256Compressor;
import io.slotbeam.core.hash.Sha256Digest;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Random trees of up to 3000 leaves: the proof of a random leaf verifies after the §3.5 encoding,
 * and the streamed root equals the built one.
 */
class RandomTreesTest {
  private static final Sha256Compressor SHA = Sha256Compressor.INSTANCE;

  @Test
  void proofOfAnyLeafVerifiesAfterEncodingAndStreamedRootAgrees() {
    Random random = new Random(3000);
    for (int trial = 0; trial < 100; trial++) {
      int leafCount = 1 + random.nextInt(3000);
      int salt = random.nextInt();
      List<Sha256Digest> leaves =
          IntStream.range(0, leafCount)
              .mapToObj(i -> Sha256Digest.hash(new byte[] {(byte) i, (byte) (i >> 8), (byte) salt}))
              .toList();
      KeyedMerkleTree<Sha256Digest> tree = KeyedMerkleTree.build(leaves, SHA);
      int index = random.nextInt(leafCount);
      byte[] encoded =
          MerkleProofCodec.encode(Multicodec.SHA2_256, tree.proof(index, SHA), Sha256Digest::toBytes);
      MerkleProof<Sha256Digest> decoded = MerkleProofCodec.decode(encoded, Sha256Digest::of).proof();
      assertTrue(decoded.verify(leaves.get(index), tree.root(), SHA), leafCount + " leaves, " + index);

      MerkleRootAccumulator<Sha256Digest> accumulator = new MerkleRootAccumulator<>(SHA);
      leaves.forEach(accumulator::add);
      assertEquals(tree.root(), accumulator.root(), leafCount + " leaves");
    }
  }
}
