package io.slotbeam.node.repo;

import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.cid.Multicodec;
import io.slotbeam.core.hash.Sha256Digest;
import io.slotbeam.core.merkle.MerkleProof;
import io.slotbeam.core.merkle.MerkleProofCodec;
import io.slotbeam.core.store.BlockStore;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The value of a leaf key (nim-codex's {@code LeafMetadata}, spec node §3.1): one length byte, the
 * binary block CID, then the {@code CodexProof} protobuf of spec datapath §3.5.
 */
final class LeafRecord {
  private LeafRecord() {}

  static byte[] encode(Cid blockCid, MerkleProof<Sha256Digest> proof) {
    byte[] cid = blockCid.toBytes();
    byte[] encodedProof = MerkleProofCodec.encode(Multicodec.SHA2_256, proof, Sha256Digest::toBytes);
    return ByteBuffer.allocate(1 + cid.length + encodedProof.length)
        .put((byte) cid.length)
        .put(cid)
        .put(encodedProof)
        .array();
  }

  static Cid blockCid(byte[] record) {
    return Cid.fromBytes(Arrays.copyOfRange(record, 1, 1 + Byte.toUnsignedInt(record[0])));
  }

  static BlockStore.Leaf decode(byte[] record) {
    int cidLength = Byte.toUnsignedInt(record[0]);
    byte[] proof = Arrays.copyOfRange(record, 1 + cidLength, record.length);
    return new BlockStore.Leaf(
        blockCid(record), MerkleProofCodec.decode(proof, Sha256Digest::of).proof());
  }
}
