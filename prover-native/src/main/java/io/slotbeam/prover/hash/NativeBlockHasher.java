package io.slotbeam.prover.hash;

import io.slotbeam.core.field.Fr;
import io.slotbeam.core.hash.BlockHasher;
import io.slotbeam.prover.bn254.NativeStatus;
import io.slotbeam.prover.bn254.SlotbeamLibrary;
import io.slotbeam.prover.bn254.SlotbeamNative;
import java.util.Arrays;
import java.util.Objects;

/**
 * Block roots in libslotbeam: one native call hashes a whole block (packing, the rate-2 sponge
 * per cell, the keyed Merkle tree of the cells; spec datapath §4.3, §4.6–§4.8), so the JNA call
 * overhead is paid once per block. Agrees bit for bit with {@link BlockHasher#java()}.
 * Stateless and thread-safe.
 */
public final class NativeBlockHasher implements BlockHasher {
  private final SlotbeamLibrary library;

  private NativeBlockHasher(SlotbeamLibrary library) {
    this.library = library;
  }

  /** The native hasher; throws {@link io.slotbeam.prover.bn254.NativeLibraryUnavailableException}. */
  public static NativeBlockHasher load() {
    return new NativeBlockHasher(SlotbeamNative.library());
  }

  @Override
  public Fr root(byte[] data, int offset, int length, int cellSize) {
    checkCellSize(cellSize);
    byte[] block = slice(data, offset, length);
    byte[] out = new byte[Fr.BYTES];
    NativeStatus.check(
        library.sb_block_root(block, block.length, cellSize, out, out.length), "sb_block_root");
    return Fr.fromBytes(out);
  }

  /**
   * The roots of {@code blocks} consecutive blocks of {@code blockSize} bytes starting at {@code
   * data[offset]}, in one native call.
   */
  public Fr[] roots(byte[] data, int offset, int blocks, int blockSize, int cellSize) {
    checkCellSize(cellSize);
    if (blocks < 0 || blockSize <= 0) {
      throw new IllegalArgumentException(
          blocks + " blocks of " + blockSize + " bytes: need blocks >= 0 and a positive size");
    }
    byte[] region = slice(data, offset, Math.multiplyExact(blocks, blockSize));
    byte[] out = new byte[Fr.BYTES * blocks];
    NativeStatus.check(
        library.sb_block_roots(region, region.length, blockSize, cellSize, out, out.length),
        "sb_block_roots");
    Fr[] roots = new Fr[blocks];
    for (int i = 0; i < blocks; i++) {
      roots[i] = Fr.fromBytes(Arrays.copyOfRange(out, Fr.BYTES * i, Fr.BYTES * (i + 1)));
    }
    return roots;
  }

  private static void checkCellSize(int cellSize) {
    if (cellSize <= 0) {
      throw new IllegalArgumentException("chunk size " + cellSize + " must be positive");
    }
  }

  /** The bytes JNA hands to C: the array itself when it is the whole range, else a copy. */
  private static byte[] slice(byte[] data, int offset, int length) {
    Objects.requireNonNull(data, "data");
    Objects.checkFromIndexSize(offset, length, data.length);
    return offset == 0 && length == data.length
        ? data
        : Arrays.copyOfRange(data, offset, offset + length);
  }
}
