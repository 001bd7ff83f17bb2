package io.slotbeam.core.merkle;

import io.slotbeam.core.cid.Multicodec;
import io.slotbeam.core.hash.Sha256Compressor;
import io.slotbeam.core.hash.Sha256Digest;
import io.slotbeam.core.protobuf.MalformedProtobufException;
import io.slotbeam.core.protobuf.ProtoReader;
import io.slotbeam.core.protobuf.ProtoWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code CodexTree} protobuf of spec datapath §3.5: field 1 the hash codec (sha2-256), field 2
 * the leaf count, field 3 one sub-message {@code {1: bytes node}} per node, layer by layer from the
 * leaves to the root. Decoding checks the node count against the leaf count and rebuilds the tree
 * from its leaves, so stored inner nodes are never trusted.
 */
public final class CodexTreeCodec {
  private CodexTreeCodec() {}

  public static byte[] encode(KeyedMerkleTree<Sha256Digest> tree) {
    ProtoWriter writer =
        new ProtoWriter().varint(1, Multicodec.SHA2_256.code()).varint(2, tree.leafCount());
    for (List<Sha256Digest> layer : tree.layers()) {
      for (Sha256Digest node : layer) {
        writer.message(3, new ProtoWriter().bytes(1, node.toBytes()));
      }
    }
    return writer.toBytes();
  }

  public static KeyedMerkleTree<Sha256Digest> decode(byte[] encoded) {
    ProtoReader reader = ProtoReader.parse(encoded);
    long codec = reader.requireVarint(1, "tree hash codec");
    if (codec != Multicodec.SHA2_256.code()) {
      throw new MalformedProtobufException(
          "tree hash codec 0x" + Long.toHexString(codec) + " is not sha2-256 (0x12)");
    }
    long leafCount = reader.requireVarint(2, "tree leaf count");
    List<byte[]> nodes = reader.repeatedBytes(3);
    if (leafCount < 1 || leafCount > nodes.size()) {
      throw new MalformedProtobufException(
          "tree claims " + leafCount + " leaves but holds " + nodes.size() + " nodes");
    }
    long expectedNodes = nodeCount(leafCount);
    if (nodes.size() != expectedNodes) {
      throw new MalformedProtobufException(
          "tree of " + leafCount + " leaves has " + expectedNodes + " nodes, got " + nodes.size());
    }
    List<Sha256Digest> stored = new ArrayList<>(nodes.size());
    for (byte[] node : nodes) {
      byte[] digest =
          ProtoReader.parse(node)
              .bytes(1)
              .orElseThrow(() -> new MalformedProtobufException("tree node has no bytes (field 1)"));
      stored.add(Sha256Digest.of(digest));
    }
    KeyedMerkleTree<Sha256Digest> tree =
        KeyedMerkleTree.build(stored.subList(0, (int) leafCount), Sha256Compressor.INSTANCE);
    int position = 0;
    for (List<Sha256Digest> layer : tree.layers()) {
      for (Sha256Digest node : layer) {
        if (!node.equals(stored.get(position))) {
          throw new MalformedProtobufException(
              "tree node " + position + " is " + stored.get(position) + " but the leaves give " + node);
        }
        position++;
      }
    }
    return tree;
  }

  /** Nodes in a tree of {@code leafCount} leaves: every layer down to the single root. */
  private static long nodeCount(long leafCount) {
    long total = leafCount;
    long size = leafCount;
    do {
      size = (size + 1) / 2;
      total += size;
    } while (size > 1);
    return total;
  }
}
