package io.slotbeam.core.merkle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.slotbeam.core.cid.Multicodec;
import io.slotbeam.core.field.Fr;
import io.slotbeam.core.hash.Poseidon2Compressor;
import io.slotbeam.core.hash.Sha256Compressor;
import io.slotbeam.core.hash.Sha256Digest;
import io.slotbeam.core.protobuf.MalformedProtobufException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MerkleProofCodecTest {
  @Test
  void encodesFieldsInSpecOrderWithEveryFieldWritten() {
    Sha256Digest node = Sha256Digest.of(new byte[32]);
    byte[] encoded =
        MerkleProofCodec.encode(
            Multicodec.SHA2_256, new MerkleProof<>(0, 2, List.of(node)), Sha256Digest::toBytes);
    // 08 12 | 10 00 | 18 02 | 22 22 (0a 20 <32 zero bytes>)
    String expected = "0812" + "1000" + "1802" + "2222" + "0a20" + "00".repeat(32);
    assertEquals(expected, HexFormat.of().formatHex(encoded));
  }

  @Test
  void sha256ProofRoundTripsAndStillVerifies() {
    List<Sha256Digest> leaves =
        IntStream.range(0, 9).mapToObj(i -> Sha256Digest.hash(new byte[] {(byte) i})).toList();
    KeyedMerkleTree<Sha256Digest> tree = KeyedMerkleTree.build(leaves, Sha256Compressor.INSTANCE);
    MerkleProof<Sha256Digest> proof = tree.proof(8, Sha256Compressor.INSTANCE);
    byte[] encoded = MerkleProofCodec.encode(Multicodec.SHA2_256, proof, Sha256Digest::toBytes);
    var decoded = MerkleProofCodec.decode(encoded, Sha256Digest::of);
    assertEquals(Multicodec.SHA2_256, decoded.hashCodec());
    assertEquals(proof, decoded.proof());
    assertEquals(true, decoded.proof().verify(leaves.get(8), tree.root(), Sha256Compressor.INSTANCE));
  }

  @Test
  void poseidon2ProofsUseTheIdentityCodecAndLe32Nodes() {
    List<Fr> leaves = IntStream.rangeClosed(1, 5).mapToObj(Fr::of).toList();
    MerkleProof<Fr> proof =
        KeyedMerkleTree.build(leaves, Poseidon2Compressor.INSTANCE).proof(4, Poseidon2Compressor.INSTANCE);
    byte[] encoded = MerkleProofCodec.encode(Multicodec.IDENTITY, proof, Fr::toBytes);
    assertArrayEquals(new byte[] {0x08, 0x00}, java.util.Arrays.copyOf(encoded, 2));
    var decoded = MerkleProofCodec.decode(encoded, Fr::fromBytes);
    assertEquals(Multicodec.IDENTITY, decoded.hashCodec());
    assertEquals(proof, decoded.proof());
  }

  @Test
  void rejectsProofWithoutLeafCount() {
    byte[] encoded = HexFormat.of().parseHex("08121000");
    var error =
        assertThrows(
            MalformedProtobufException.class,
            () -> MerkleProofCodec.decode(encoded, Sha256Digest::of));
    assertEquals("proof leaf count (field 3) is missing", error.getMessage());
  }

  @Test
  void rejectsTruncatedPathEntry() {
    byte[] encoded = HexFormat.of().parseHex("0812100018022222" + "0a20" + "00".repeat(10));
    assertThrows(
        MalformedProtobufException.class, () -> MerkleProofCodec.decode(encoded, Sha256Digest::of));
  }
}
