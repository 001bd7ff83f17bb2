package io.slotbeam.core.merkle;

import io.slotbeam.core.cid.Multicodec;
import io.slotbeam.core.protobuf.MalformedProtobufException;
import io.slotbeam.core.protobuf.ProtoReader;
import io.slotbeam.core.protobuf.ProtoWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The {@code CodexProof} protobuf of spec datapath §3.5: field 1 the hash codec (0x12 for SHA-256
 * trees, 0x00 for the Poseidon2 proofs of the slot builder), field 2 the leaf index, field 3 the
 * leaf count, field 4 one sub-message {@code {1: bytes node}} per path entry, bottom first.
 */
public final class MerkleProofCodec {
  /** A decoded proof and the hash codec it names. */
  public record Decoded<H>(Multicodec hashCodec, MerkleProof<H> proof) {}

  private MerkleProofCodec() {}

  public static <H> byte[] encode(
      Multicodec hashCodec, MerkleProof<H> proof, Function<H, byte[]> nodeBytes) {
    ProtoWriter writer =
        new ProtoWriter()
            .varint(1, hashCodec.code())
            .varint(2, proof.index())
            .varint(3, proof.leafCount());
    for (H node : proof.path()) {
      writer.message(4, new ProtoWriter().bytes(1, nodeBytes.apply(node)));
    }
    return writer.toBytes();
  }

  /**
   * Decodes a proof; {@code nodeFromBytes} turns each node's bytes into a value and throws on
   * malformed ones.
   */
  public static <H> Decoded<H> decode(byte[] encoded, Function<byte[], H> nodeFromBytes) {
    ProtoReader reader = ProtoReader.parse(encoded);
    Multicodec hashCodec = Multicodec.fromCode(reader.requireVarint(1, "proof hash codec"));
    long index = reader.requireVarint(2, "proof leaf index");
    long leafCount = reader.requireVarint(3, "proof leaf count");
    if (index > Integer.MAX_VALUE) {
      throw new MalformedProtobufException("proof leaf index " + index + " is too large");
    }
    List<H> path = new ArrayList<>();
    for (byte[] node : reader.repeatedBytes(4)) {
      byte[] nodeBytes =
          ProtoReader.parse(node)
              .bytes(1)
              .orElseThrow(() -> new MalformedProtobufException("proof path entry has no node (field 1)"));
      path.add(nodeFromBytes.apply(nodeBytes));
    }
    return new Decoded<>(hashCodec, new MerkleProof<>((int) index, leafCount, path));
  }
}
