package io.slotbeam.core.hash;

import io.slotbeam.core.field.BytePacking;
import io.slotbeam.core.field.Fr;
import io.slotbeam.core.field.LimbArithmetic;
import java.math.BigInteger;

/**
 * The Codex Poseidon2 sponge (spec datapath §4.6): state {@code (0, 0, IV)} with {@code IV = 2^64
 * + 256·t + rate}, "10*" padding on field elements (append 1, then zeros to a multiple of the
 * rate), one permutation per absorbed block, output {@code s0}.
 *
 * <p>Codex uses rate 2 (cells, cell-index derivation); rate 1 exists for the upstream vectors.
 * A 67-element cell costs 34 permutations. The static methods hash one input; an instance over a
 * lane permutation absorbs one input per lane ({@link LaneCellHasher}).
 */
public final class Poseidon2Sponge {
  private static final int WIDTH = 3;
  private static final Poseidon2Sponge SCALAR = new Poseidon2Sponge(Poseidon2Permutation.SCALAR);

  private final Poseidon2Permutation permutation;
  private final LimbArithmetic field;
  private final long[] ivRate1;
  private final long[] ivRate2;
  private final long[] one;

  Poseidon2Sponge(Poseidon2Permutation permutation) {
    this.permutation = permutation;
    this.field = permutation.field();
    this.ivRate1 = field.constant(initialValue(1));
    this.ivRate2 = field.constant(initialValue(2));
    this.one = field.constant(BigInteger.ONE);
  }

  /** The rate-2 sponge of field elements. */
  public static Fr hash(Fr... elements) {
    return hash(2, elements);
  }

  /** The sponge of field elements at rate 1 or 2. */
  public static Fr hash(int rate, Fr... elements) {
    long[] state =
        SCALAR.absorb(rate, elements.length, (i, dest) -> elements[i].copyMontgomeryLimbs(dest, 0));
    return Fr.ofMontgomeryLimbs(state, 0);
  }

  /** The rate-2 sponge of {@code data[offset, offset + length)} packed by {@link BytePacking}. */
  public static Fr hashBytes(byte[] data, int offset, int length) {
    long[] state =
        SCALAR.absorb(
            2,
            BytePacking.elementCount(length),
            (i, dest) -> BytePacking.loadElement(data, offset, length, i, dest, 0));
    return Fr.ofMontgomeryLimbs(state, 0);
  }

  /** The rate-2 sponge of all of {@code data} (the 0xCD10 multihash digest, spec §1.1). */
  public static Fr hashBytes(byte[] data) {
    return hashBytes(data, 0, data.length);
  }

  /** Writes element {@code index}, in the sponge's layout, into {@code dest[0, elementLongs)}. */
  interface ElementSource {
    void load(int index, long[] dest);
  }

  /** Absorbs {@code count} elements and returns the final state; {@code s0} is the hash. */
  long[] absorb(int rate, int count, ElementSource source) {
    if (rate != 1 && rate != 2) {
      throw new IllegalArgumentException("sponge rate " + rate + " is not 1 or 2");
    }
    int n = field.elementLongs();
    long[] state = new long[permutation.stateLongs()];
    System.arraycopy(rate == 1 ? ivRate1 : ivRate2, 0, state, 2 * n, n);
    long[] element = new long[n];
    int padded = (count + 1 + rate - 1) / rate * rate;
    for (int i = 0; i < padded; i++) {
      int lane = n * (i % rate);
      if (i < count) {
        source.load(i, element);
        field.add(state, lane, element, 0, state, lane);
      } else if (i == count) {
        field.add(state, lane, one, 0, state, lane);
      } // the zero padding adds nothing
      if (i % rate == rate - 1) {
        permutation.permute(state);
      }
    }
    return state;
  }

  private static BigInteger initialValue(int rate) {
    return BigInteger.ONE.shiftLeft(64).add(BigInteger.valueOf(256L * WIDTH + rate));
  }
}
