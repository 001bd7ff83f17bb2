package io.slotbeam.core.slots;

import io.slotbeam.core.field.Fr;
import io.slotbeam.core.hash.Poseidon2Sponge;

/**
 * Which cells a storage proof samples (spec datapath §9.1, §9.2): the challenge gives the entropy,
 * and for each counter {@code 1..samples} the cell index is the low {@code log2(nCells)} bits of
 * {@code sponge_2([entropy, slotRoot, counter])}. Duplicates are possible and kept.
 *
 * <p>Example (the upstream fixture, §9.6): entropy 1234567, slot root {@code 2074…9997}, 512 cells
 * → cells 287, 21, 307, 157, 508.
 */
public final class CellSelector {
  /** Bytes of a proof challenge ({@code ProofChallenge}, the contract's {@code getChallenge}). */
  public static final int CHALLENGE_BYTES = 32;

  private CellSelector() {}

  /**
   * The entropy of a 32-byte challenge: its first 31 bytes as a little-endian integer (always below
   * r; the last byte is ignored). Example: bytes {@code 00 01 … 1f} give {@code 0x1e1d…0100}.
   *
   * @throws IllegalArgumentException when the challenge is not 32 bytes
   */
  public static Fr entropy(byte[] challenge) {
    if (challenge.length != CHALLENGE_BYTES) {
      throw new IllegalArgumentException(
          "challenge has " + challenge.length + " bytes but must have " + CHALLENGE_BYTES);
    }
    return Fr.fromBytes31(challenge, 0, CHALLENGE_BYTES - 1);
  }

  /**
   * The cell index of sample {@code counter} (counting from 1) in a slot of {@code nCells} cells.
   *
   * @throws IllegalArgumentException when {@code nCells} is not a power of two
   */
  public static long cellIndex(Fr entropy, Fr slotRoot, long nCells, int counter) {
    requirePowerOfTwo(nCells);
    return Poseidon2Sponge.hash(entropy, slotRoot, Fr.of(counter)).lowBits() & (nCells - 1);
  }

  /**
   * The cell indices of counters {@code 1..samples} in counter order, each in {@code [0, nCells)}.
   *
   * @throws IllegalArgumentException when {@code nCells} is not a power of two or {@code samples}
   *     is negative
   */
  public static long[] cellIndices(Fr entropy, Fr slotRoot, long nCells, int samples) {
    requirePowerOfTwo(nCells);
    if (samples < 0) {
      throw new IllegalArgumentException("sample count " + samples + " must not be negative");
    }
    long[] indices = new long[samples];
    for (int counter = 1; counter <= samples; counter++) {
      indices[counter - 1] = cellIndex(entropy, slotRoot, nCells, counter);
    }
    return indices;
  }

  private static void requirePowerOfTwo(long nCells) {
    if (nCells < 1 || Long.bitCount(nCells) != 1) {
      throw new IllegalArgumentException(
          "cell count " + nCells + " is not a power of two (spec datapath §9.2)");
    }
  }
}
