package io.slotbeam.core.hash;

import io.slotbeam.core.field.Fr;
import io.slotbeam.core.field.FrMontgomery;
import java.math.BigInteger;

/**
 * The Poseidon2 permutation over BN254 with state width t = 3 (spec datapath §4.4): S-box
 * {@code x^5}, 4 external rounds, 56 internal rounds, 4 external rounds, with the external linear
 * layer also applied once before the first round.
 *
 * <p>The state is 12 longs: the Montgomery limbs ({@link FrMontgomery}) of {@code s0}, {@code s1},
 * {@code s2}. This is the hot path of slot building; {@link #permute(Fr, Fr, Fr)} is the readable
 * entry point for everything else.
 */
public final class Poseidon2Permutation {
  /** Longs in a state: three field elements of four limbs. */
  public static final int STATE_LONGS = 12;

  private static final int EXTERNAL_ROUNDS_EACH_SIDE = 4;
  private static final long[] EXTERNAL_RC = montgomery(flatten(Poseidon2RoundConstants.EXTERNAL));
  private static final long[] INTERNAL_RC = montgomery(Poseidon2RoundConstants.INTERNAL);
  private static final int INTERNAL_ROUNDS = Poseidon2RoundConstants.INTERNAL.length;

  private Poseidon2Permutation() {}

  /** Permutes {@code (s0, s1, s2)} and returns the new state. */
  public static Fr[] permute(Fr s0, Fr s1, Fr s2) {
    long[] state = new long[STATE_LONGS];
    s0.copyMontgomeryLimbs(state, 0);
    s1.copyMontgomeryLimbs(state, 4);
    s2.copyMontgomeryLimbs(state, 8);
    permute(state);
    return new Fr[] {
      Fr.ofMontgomeryLimbs(state, 0), Fr.ofMontgomeryLimbs(state, 4), Fr.ofMontgomeryLimbs(state, 8)
    };
  }

  /** Permutes a state of {@link #STATE_LONGS} Montgomery limbs in place. */
  public static void permute(long[] state) {
    long[] scratch = new long[8];
    linearExternal(state, scratch);
    for (int r = 0; r < EXTERNAL_ROUNDS_EACH_SIDE; r++) {
      externalRound(state, r, scratch);
    }
    for (int j = 0; j < INTERNAL_ROUNDS; j++) {
      internalRound(state, j, scratch);
    }
    for (int r = EXTERNAL_ROUNDS_EACH_SIDE; r < 2 * EXTERNAL_ROUNDS_EACH_SIDE; r++) {
      externalRound(state, r, scratch);
    }
  }

  private static void externalRound(long[] s, int round, long[] scratch) {
    for (int k = 0; k < 3; k++) {
      FrMontgomery.add(s, 4 * k, EXTERNAL_RC, 12 * round + 4 * k, s, 4 * k);
      sbox(s, 4 * k, scratch);
    }
    linearExternal(s, scratch);
  }

  /** Only {@code s0} gets a constant and an S-box; then the matrix [[2,1,1],[1,2,1],[1,1,3]]. */
  private static void internalRound(long[] s, int round, long[] scratch) {
    FrMontgomery.add(s, 0, INTERNAL_RC, 4 * round, s, 0);
    sbox(s, 0, scratch);
    sum(s, scratch);
    FrMontgomery.add(s, 0, scratch, 0, s, 0);
    FrMontgomery.add(s, 4, scratch, 0, s, 4);
    FrMontgomery.twice(s, 8, s, 8);
    FrMontgomery.add(s, 8, scratch, 0, s, 8);
  }

  /** The matrix [[2,1,1],[1,2,1],[1,1,2]]: add {@code s0 + s1 + s2} to each element. */
  private static void linearExternal(long[] s, long[] scratch) {
    sum(s, scratch);
    FrMontgomery.add(s, 0, scratch, 0, s, 0);
    FrMontgomery.add(s, 4, scratch, 0, s, 4);
    FrMontgomery.add(s, 8, scratch, 0, s, 8);
  }

  /** {@code scratch[0..4) = s0 + s1 + s2}. */
  private static void sum(long[] s, long[] scratch) {
    FrMontgomery.add(s, 0, s, 4, scratch, 0);
    FrMontgomery.add(scratch, 0, s, 8, scratch, 0);
  }

  /** {@code x <- x^5}, using {@code scratch[0..8)}. */
  private static void sbox(long[] s, int offset, long[] scratch) {
    FrMontgomery.square(s, offset, scratch, 0);
    FrMontgomery.square(scratch, 0, scratch, 4);
    FrMontgomery.mul(scratch, 4, s, offset, s, offset);
  }

  private static String[] flatten(String[][] rows) {
    return java.util.Arrays.stream(rows).flatMap(java.util.Arrays::stream).toArray(String[]::new);
  }

  private static long[] montgomery(String[] hexConstants) {
    long[] out = new long[4 * hexConstants.length];
    for (int i = 0; i < hexConstants.length; i++) {
      Fr.of(new BigInteger(hexConstants[i].substring(2), 16)).copyMontgomeryLimbs(out, 4 * i);
    }
    return out;
  }
}
