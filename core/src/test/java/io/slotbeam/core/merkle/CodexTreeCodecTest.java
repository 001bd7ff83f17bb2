package io.slotbeam.core.merkle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotbeam.core.hash.Sha256Compressor;
import io.slotbeam.core.hash.Sha256Digest;
import io.slotbeam.core.protobuf.MalformedProtobufException;
import io.slotbeam.core.protobuf.ProtoWriter;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CodexTreeCodecTest {
  private static KeyedMerkleTree<Sha256Digest> tree(int leaves) {
    List<Sha256Digest> digests =
        IntStream.range(0, leaves).mapToObj(i -> Sha256Digest.hash(new byte[] {(byte) i})).toList();
    return KeyedMerkleTree.build(digests, Sha256Compressor.INSTANCE);
  }

  @Test
  void writesCodecLeafCountThenEveryNodeLayerByLayer() {
    KeyedMerkleTree<Sha256Digest> tree = tree(1);
    String expected =
        "0812" + "1001" + "1a22" + "0a20" + tree.leaves().get(0) + "1a22" + "0a20" + tree.root();
    assertEquals(expected, HexFormat.of().formatHex(CodexTreeCodec.encode(tree)));
  }

  @Test
  void roundTripsTreesOfEverySmallSize() {
    for (int n = 1; n <= 33; n++) {
      KeyedMerkleTree<Sha256Digest> tree = tree(n);
      assertEquals(tree.layers(), CodexTreeCodec.decode(CodexTreeCodec.encode(tree)).layers());
    }
  }

  @Test
  void rejectsAWrongNodeCount() {
    byte[] encoded =
        new ProtoWriter()
            .varint(1, 0x12)
            .varint(2, 2)
            .message(3, new ProtoWriter().bytes(1, new byte[32]))
            .message(3, new ProtoWriter().bytes(1, new byte[32]))
            .toBytes();
    var error = assertThrows(MalformedProtobufException.class, () -> CodexTreeCodec.decode(encoded));
    assertEquals("tree of 2 leaves has 3 nodes, got 2", error.getMessage());
  }

  @Test
  void rejectsInnerNodesThatTheLeavesDoNotGive() {
    byte[] encoded = CodexTreeCodec.encode(tree(3));
    encoded[encoded.length - 1] ^= 1;
    var error = assertThrows(MalformedProtobufException.class, () -> CodexTreeCodec.decode(encoded));
    assertTrue(error.getMessage().startsWith("tree node 5 is"), error.getMessage());
  }

  @Test
  void rejectsAnotherHashCodec() {
    byte[] encoded = new ProtoWriter().varint(1, 0x13).varint(2, 1).toBytes();
    var error = assertThrows(MalformedProtobufException.class, () -> CodexTreeCodec.decode(encoded));
    assertEquals("tree hash codec 0x13 is not sha2-256 (0x12)", error.getMessage());
  }
}
