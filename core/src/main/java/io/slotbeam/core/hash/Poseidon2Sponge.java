package io.slotbeam.core.hash;

import io.slotbeam.core.field.BytePacking;
import io.slotbeam.core.field.Fr;
import io.slotbeam.core.field.FrMontgomery;
import java.math.BigInteger;

/**
 * The Codex Poseidon2 sponge (spec datapath §4.6): state {@code (0, 0, IV)} with {@code IV = 2^64
 * + 256·t + rate}, "10*" padding on field elements (append 1, then zeros to a multiple of the
 * rate), one permutation per absorbed block, output {@code s0}.
 *
 * <p>Codex uses rate 2 (cells, cell-index derivation); rate 1 exists for the upstream vectors.
 * A 67-element cell costs 34 permutations.
 */
public final class Poseidon2Sponge {
  private static final Fr IV_RATE_1 = initialValue(1);
  private static final Fr IV_RATE_2 = initialValue(2);

  private Poseidon2Sponge() {}

  /** The rate-2 sponge of field elements. */
  public static Fr hash(Fr... elements) {
    return hash(2, elements);
  }

  /** The sponge of field elements at rate 1 or 2. */
  public static Fr hash(int rate, Fr... elements) {
    return absorb(rate, elements.length, (i, dest) -> elements[i].copyMontgomeryLimbs(dest, 0));
  }

  /** The rate-2 sponge of {@code data[offset, offset + length)} packed by {@link BytePacking}. */
  public static Fr hashBytes(byte[] data, int offset, int length) {
    return absorb(
        2,
        BytePacking.elementCount(length),
        (i, dest) -> BytePacking.loadElement(data, offset, length, i, dest, 0));
  }

  /** The rate-2 sponge of all of {@code data} (the 0xCD10 multihash digest, spec §1.1). */
  public static Fr hashBytes(byte[] data) {
    return hashBytes(data, 0, data.length);
  }

  /** Writes the Montgomery limbs of element {@code index} into {@code dest[0, 4)}. */
  private interface ElementSource {
    void load(int index, long[] dest);
  }

  private static Fr absorb(int rate, int count, ElementSource source) {
    if (rate != 1 && rate != 2) {
      throw new IllegalArgumentException("sponge rate " + rate + " is not 1 or 2");
    }
    long[] state = new long[Poseidon2Permutation.STATE_LONGS];
    (rate == 1 ? IV_RATE_1 : IV_RATE_2).copyMontgomeryLimbs(state, 8);
    long[] element = new long[4];
    int padded = (count + 1 + rate - 1) / rate * rate;
    for (int i = 0; i < padded; i++) {
      int lane = 4 * (i % rate);
      if (i < count) {
        source.load(i, element);
        FrMontgomery.add(state, lane, element, 0, state, lane);
      } else if (i == count) {
        Fr.ONE.copyMontgomeryLimbs(element, 0);
        FrMontgomery.add(state, lane, element, 0, state, lane);
      } // the zero padding adds nothing
      if (i % rate == rate - 1) {
        Poseidon2Permutation.permute(state);
      }
    }
    return Fr.ofMontgomeryLimbs(state, 0);
  }

  private static Fr initialValue(int rate) {
    int width = 3;
    return Fr.of(BigInteger.ONE.shiftLeft(64).add(BigInteger.valueOf(256L * width + rate)));
  }
}
