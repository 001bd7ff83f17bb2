package io.slotbeam.core.merkle;

import io.slotbeam.core.cid.Multicodec;
import io.slotbeam.core.hash.Sha256Compressor;
import io.slotbeam.core.hash.Sha256Digest;
import io.slotbeam.core.protobuf.MalformedProtobufException;
import java.util.List;

/**
 * The SHA-256 Codex tree in the §3.5 encoding ({@link TreeCodec}, hash codec sha2-256). Decoding
 * rebuilds the tree from its leaves and compares every stored node, so stored inner nodes are never
 * trusted.
 */
public final class CodexTreeCodec {
  private CodexTreeCodec() {}

  public static byte[] encode(KeyedMerkleTree<Sha256Digest> tree) {
    return TreeCodec.encode(Multicodec.SHA2_256, tree, Sha256Digest::toBytes);
  }

  public static KeyedMerkleTree<Sha256Digest> decode(byte[] encoded) {
    List<List<Sha256Digest>> stored =
        TreeCodec.decodeLayers(encoded, Multicodec.SHA2_256, Sha256Digest::of);
    KeyedMerkleTree<Sha256Digest> tree = KeyedMerkleTree.build(stored.get(0), Sha256Compressor.INSTANCE);
    int position = 0;
    for (int layer = 0; layer < stored.size(); layer++) {
      for (int i = 0; i < stored.get(layer).size(); i++, position++) {
        Sha256Digest rebuilt = tree.layers().get(layer).get(i);
        if (!rebuilt.equals(stored.get(layer).get(i))) {
          throw new MalformedProtobufException(
              "tree node " + position + " is " + stored.get(layer).get(i) + " but the leaves give " + rebuilt);
        }
      }
    }
    return tree;
  }
}
