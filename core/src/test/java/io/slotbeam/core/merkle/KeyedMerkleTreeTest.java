package io.slotbeam.core.merkle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotbeam.core.field.Fr;
import io.slotbeam.core.hash.Poseidon2Compressor;
import io.slotbeam.core.hash.Sha256Compressor;
import io.slotbeam.core.hash.Sha256Digest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KeyedMerkleTreeTest {
  private static final Sha256Compressor SHA = Sha256Compressor.INSTANCE;
  private static final Sha256Digest Z = Sha256Digest.ZERO;

  private static List<Sha256Digest> leaves(int n) {
    return IntStream.range(0, n).mapToObj(i -> Sha256Digest.hash(new byte[] {(byte) i, 7})).toList();
  }

  private static Sha256Digest h(Sha256Digest x, Sha256Digest y, int key) {
    return SHA.compress(x, y, key);
  }

  @Test
  void singleLeafIsCompressedWithZeroAndKeyThree() {
    List<Sha256Digest> d = leaves(1);
    KeyedMerkleTree<Sha256Digest> tree = KeyedMerkleTree.build(d, SHA);
    assertEquals(h(d.get(0), Z, 3), tree.root());
    assertEquals(1, tree.depth());
  }

  @Test
  void sevenLeavesFollowTheSpecShape() {
    List<Sha256Digest> d = leaves(7);
    Sha256Digest expected =
        h(
            h(h(d.get(0), d.get(1), 1), h(d.get(2), d.get(3), 1), 0),
            h(h(d.get(4), d.get(5), 1), h(d.get(6), Z, 3), 0),
            0);
    assertEquals(expected, KeyedMerkleTree.build(d, SHA).root());
  }

  @Test
  void tenLeavesCarryTheOddNodeUpWithKeyTwo() {
    List<Sha256Digest> d = leaves(10);
    Sha256Digest left =
        h(
            h(h(d.get(0), d.get(1), 1), h(d.get(2), d.get(3), 1), 0),
            h(h(d.get(4), d.get(5), 1), h(d.get(6), d.get(7), 1), 0),
            0);
    Sha256Digest right = h(h(h(d.get(8), d.get(9), 1), Z, 2), Z, 2);
    assertEquals(h(left, right, 0), KeyedMerkleTree.build(d, SHA).root());
  }

  @Test
  void everyLeafProofVerifiesAndTamperedOnesDoNot() {
    for (int n = 1; n <= 40; n++) {
      List<Sha256Digest> d = leaves(n);
      KeyedMerkleTree<Sha256Digest> tree = KeyedMerkleTree.build(d, SHA);
      for (int i = 0; i < n; i++) {
        MerkleProof<Sha256Digest> proof = tree.proof(i, SHA);
        assertEquals(KeyedMerkleTree.depthFor(n), proof.path().size());
        assertTrue(proof.verify(d.get(i), tree.root(), SHA), "leaf " + i + " of " + n);
        assertFalse(proof.verify(leaves(n + 1).get(n), tree.root(), SHA), "wrong leaf");
        if (n > 1) {
          MerkleProof<Sha256Digest> moved = new MerkleProof<>((i + 1) % n, n, proof.path());
          assertFalse(moved.verify(d.get(i), tree.root(), SHA), "wrong index " + i + " of " + n);
        }
      }
    }
  }

  @Test
  void poseidon2ProofsVerifyAgainstTheirRoot() {
    List<Fr> d = IntStream.rangeClosed(1, 11).mapToObj(Fr::of).toList();
    KeyedMerkleTree<Fr> tree = KeyedMerkleTree.build(d, Poseidon2Compressor.INSTANCE);
    for (int i = 0; i < d.size(); i++) {
      assertTrue(tree.proof(i, Poseidon2Compressor.INSTANCE).verify(d.get(i), tree.root(), Poseidon2Compressor.INSTANCE));
    }
  }

  @Test
  void accumulatorGivesTheTreeRootForEveryLeafCount() {
    for (int n = 1; n <= 300; n++) {
      List<Sha256Digest> d = leaves(n);
      MerkleRootAccumulator<Sha256Digest> accumulator = new MerkleRootAccumulator<>(SHA);
      d.forEach(accumulator::add);
      assertEquals(KeyedMerkleTree.build(d, SHA).root(), accumulator.root(), "n = " + n);
    }
  }

  @Test
  void rejectsEmptyLeaves() {
    var error = assertThrows(IllegalArgumentException.class, () -> KeyedMerkleTree.build(new ArrayList<Sha256Digest>(), SHA));
    assertTrue(error.getMessage().contains("at least one leaf"), error.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new MerkleRootAccumulator<>(SHA).root());
  }

  @Test
  void rejectsProofOfLeafOutsideTheTree() {
    KeyedMerkleTree<Sha256Digest> tree = KeyedMerkleTree.build(leaves(5), SHA);
    var error = assertThrows(IndexOutOfBoundsException.class, () -> tree.proof(5, SHA));
    assertTrue(error.getMessage().contains("leaf 5 not in [0, 5)"), error.getMessage());
  }

  @Test
  void rejectsProofPathOfTheWrongLength() {
    var error =
        assertThrows(IllegalArgumentException.class, () -> new MerkleProof<>(0, 5, List.of(Z, Z)));
    assertTrue(error.getMessage().contains("has 2 entries but a tree of 5 leaves has depth 3"), error.getMessage());
  }

  @Test
  void depthIsOneForOneOrTwoLeavesAndCeilLog2Above() {
    assertEquals(1, KeyedMerkleTree.depthFor(1));
    assertEquals(1, KeyedMerkleTree.depthFor(2));
    assertEquals(2, KeyedMerkleTree.depthFor(3));
    assertEquals(4, KeyedMerkleTree.depthFor(11));
    assertEquals(4, KeyedMerkleTree.depthFor(16));
    assertEquals(5, KeyedMerkleTree.depthFor(17));
  }
}
