package io.slotbeam.core.merkle;

import io.slotbeam.core.cid.Multicodec;
import io.slotbeam.core.protobuf.MalformedProtobufException;
import io.slotbeam.core.protobuf.ProtoReader;
import io.slotbeam.core.protobuf.ProtoWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The {@code CodexTree} protobuf of spec datapath §3.5, for any node type: field 1 the hash codec,
 * field 2 the leaf count, field 3 one sub-message {@code {1: bytes node}} per node, layer by layer
 * from the leaves to the root. Decoding checks the codec and the node count against the leaf
 * count; whether the nodes hash together is the caller's to check ({@link CodexTreeCodec} rebuilds
 * SHA-256 trees, slot trees are checked path by path when sampled).
 */
public final class TreeCodec {
  private TreeCodec() {}

  public static <H> byte[] encode(
      Multicodec hashCodec, KeyedMerkleTree<H> tree, Function<H, byte[]> nodeBytes) {
    ProtoWriter writer = new ProtoWriter().varint(1, hashCodec.code()).varint(2, tree.leafCount());
    for (List<H> layer : tree.layers()) {
      for (H node : layer) {
        writer.message(3, new ProtoWriter().bytes(1, nodeBytes.apply(node)));
      }
    }
    return writer.toBytes();
  }

  /** The layers of an encoded tree, leaves first, sized as a tree of its leaf count must be. */
  public static <H> List<List<H>> decodeLayers(
      byte[] encoded, Multicodec hashCodec, Function<byte[], H> nodeFromBytes) {
    ProtoReader reader = ProtoReader.parse(encoded);
    long codec = reader.requireVarint(1, "tree hash codec");
    if (codec != hashCodec.code()) {
      throw new MalformedProtobufException(
          "tree hash codec 0x" + Long.toHexString(codec) + " is not " + hashCodec
              + " (0x" + Long.toHexString(hashCodec.code()) + ")");
    }
    long leafCount = reader.requireVarint(2, "tree leaf count");
    List<byte[]> nodes = reader.repeatedBytes(3);
    if (leafCount < 1 || leafCount > nodes.size()) {
      throw new MalformedProtobufException(
          "tree claims " + leafCount + " leaves but holds " + nodes.size() + " nodes");
    }
    List<Integer> sizes = layerSizes((int) leafCount);
    long expectedNodes = sizes.stream().mapToLong(Integer::longValue).sum();
    if (nodes.size() != expectedNodes) {
      throw new MalformedProtobufException(
          "tree of " + leafCount + " leaves has " + expectedNodes + " nodes, got " + nodes.size());
    }
    List<List<H>> layers = new ArrayList<>(sizes.size());
    int position = 0;
    for (int size : sizes) {
      List<H> layer = new ArrayList<>(size);
      for (int i = 0; i < size; i++, position++) {
        byte[] node =
            ProtoReader.parse(nodes.get(position))
                .bytes(1)
                .orElseThrow(() -> new MalformedProtobufException("tree node has no bytes (field 1)"));
        layer.add(nodeFromBytes.apply(node));
      }
      layers.add(layer);
    }
    return layers;
  }

  /** Layer sizes of a tree of {@code leafCount} leaves: n, divUp(n, 2), … down to the root. */
  static List<Integer> layerSizes(int leafCount) {
    List<Integer> sizes = new ArrayList<>();
    int size = leafCount;
    sizes.add(size);
    do {
      size = (size + 1) / 2;
      sizes.add(size);
    } while (size > 1);
    return sizes;
  }
}
