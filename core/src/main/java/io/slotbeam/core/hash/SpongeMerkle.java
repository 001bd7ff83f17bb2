package io.slotbeam.core.hash;

import io.slotbeam.core.field.Fr;
import io.slotbeam.core.merkle.MerkleRootAccumulator;

/**
 * The "SpongeMerkle" digest of bytes (spec datapath §4.8, {@code nim-codex:
 * codex/utils/poseidon2digest.nim}): cut the bytes into consecutive {@code chunkSize} pieces (the
 * last may be shorter), hash each with the rate-2 byte sponge, and take the keyed Poseidon2 Merkle
 * root of the piece hashes. With 2048-byte pieces of a 64 KiB block this is the block root of spec
 * §5.2 and the digest of the 0xCD11 multihash.
 */
public final class SpongeMerkle {
  private SpongeMerkle() {}

  /** The digest of {@code data[offset, offset + length)} in pieces of {@code chunkSize} bytes. */
  public static Fr digest(byte[] data, int offset, int length, int chunkSize, CellHasher hasher) {
    if (chunkSize <= 0) {
      throw new IllegalArgumentException("chunk size " + chunkSize + " must be positive");
    }
    MerkleRootAccumulator<Fr> tree = new MerkleRootAccumulator<>(Poseidon2Compressor.INSTANCE);
    int fullPieces = length / chunkSize;
    for (Fr hash : hasher.hashCells(data, offset, chunkSize, fullPieces)) {
      tree.add(hash);
    }
    int tail = length - fullPieces * chunkSize;
    if (tail > 0 || length == 0) {
      tree.add(Poseidon2Sponge.hashBytes(data, offset + fullPieces * chunkSize, tail));
    }
    return tree.root();
  }

  /** The digest of all of {@code data}, with the fastest {@link CellHasher}. */
  public static Fr digest(byte[] data, int chunkSize) {
    return digest(data, 0, data.length, chunkSize, CellHasher.fastest());
  }
}
