package io.slotbeam.core.hash;

import io.slotbeam.core.field.Fr;
import io.slotbeam.core.field.FrLanes;
import io.slotbeam.core.field.FrMontgomery;
import io.slotbeam.core.field.LimbArithmetic;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * The Poseidon2 permutation over BN254 with state width t = 3 (spec datapath §4.4): S-box
 * {@code x^5}, 4 external rounds, 56 internal rounds, 4 external rounds, with the external linear
 * layer also applied once before the first round.
 *
 * <p>Written once over {@link LimbArithmetic}: {@link #SCALAR} permutes one state of 12 longs
 * (the Montgomery limbs of {@code s0}, {@code s1}, {@code s2}); an instance over {@code FrLanes}
 * permutes one state per SIMD lane. {@link #permute(Fr, Fr, Fr)} is the readable entry point.
 */
public final class Poseidon2Permutation {
  /** Longs in a {@link #SCALAR} state: three field elements of four limbs. */
  public static final int STATE_LONGS = 12;

  public static final Poseidon2Permutation SCALAR =
      new Poseidon2Permutation(FrMontgomery.ARITHMETIC);

  private static final int EXTERNAL_ROUNDS_EACH_SIDE = 4;
  private static final int INTERNAL_ROUNDS = Poseidon2RoundConstants.INTERNAL.length;

  private final LimbArithmetic field;
  private final int n; // longs per element
  private final long[] externalConstants;
  private final long[] internalConstants;

  /** A permutation computing with {@code field}; its round constants are converted once. */
  public Poseidon2Permutation(LimbArithmetic field) {
    this.field = field;
    this.n = field.elementLongs();
    this.externalConstants =
        constants(field, Arrays.stream(Poseidon2RoundConstants.EXTERNAL).flatMap(Arrays::stream));
    this.internalConstants = constants(field, Arrays.stream(Poseidon2RoundConstants.INTERNAL));
  }

  /**
   * The permutation over {@link FrLanes}, one state per lane; only for callers that checked
   * {@link io.slotbeam.core.field.VectorSupport} (it loads the Vector API).
   */
  static Poseidon2Permutation lanes() {
    return Lanes.INSTANCE;
  }

  private static final class Lanes {
    static final Poseidon2Permutation INSTANCE = new Poseidon2Permutation(FrLanes.ARITHMETIC);
  }

  /** Permutes {@code (s0, s1, s2)} and returns the new state. */
  public static Fr[] permute(Fr s0, Fr s1, Fr s2) {
    long[] state = new long[STATE_LONGS];
    s0.copyMontgomeryLimbs(state, 0);
    s1.copyMontgomeryLimbs(state, 4);
    s2.copyMontgomeryLimbs(state, 8);
    SCALAR.permute(state);
    return new Fr[] {
      Fr.ofMontgomeryLimbs(state, 0), Fr.ofMontgomeryLimbs(state, 4), Fr.ofMontgomeryLimbs(state, 8)
    };
  }

  LimbArithmetic field() {
    return field;
  }

  /** Longs in a state: three elements. */
  public int stateLongs() {
    return 3 * n;
  }

  /** Permutes a state of {@link #stateLongs()} longs in place. */
  public void permute(long[] state) {
    long[] scratch = new long[2 * n];
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

  private void externalRound(long[] s, int round, long[] scratch) {
    for (int k = 0; k < 3; k++) {
      field.add(s, k * n, externalConstants, (3 * round + k) * n, s, k * n);
      sbox(s, k * n, scratch);
    }
    linearExternal(s, scratch);
  }

  /** Only {@code s0} gets a constant and an S-box; then the matrix [[2,1,1],[1,2,1],[1,1,3]]. */
  private void internalRound(long[] s, int round, long[] scratch) {
    field.add(s, 0, internalConstants, round * n, s, 0);
    sbox(s, 0, scratch);
    sum(s, scratch);
    field.add(s, 0, scratch, 0, s, 0);
    field.add(s, n, scratch, 0, s, n);
    field.add(s, 2 * n, s, 2 * n, s, 2 * n);
    field.add(s, 2 * n, scratch, 0, s, 2 * n);
  }

  /** The matrix [[2,1,1],[1,2,1],[1,1,2]]: add {@code s0 + s1 + s2} to each element. */
  private void linearExternal(long[] s, long[] scratch) {
    sum(s, scratch);
    field.add(s, 0, scratch, 0, s, 0);
    field.add(s, n, scratch, 0, s, n);
    field.add(s, 2 * n, scratch, 0, s, 2 * n);
  }

  /** {@code scratch[0, n) = s0 + s1 + s2}. */
  private void sum(long[] s, long[] scratch) {
    field.add(s, 0, s, n, scratch, 0);
    field.add(scratch, 0, s, 2 * n, scratch, 0);
  }

  /** {@code x <- x^5}, using {@code scratch[0, 2n)}. */
  private void sbox(long[] s, int offset, long[] scratch) {
    field.mul(s, offset, s, offset, scratch, 0);
    field.mul(scratch, 0, scratch, 0, scratch, n);
    field.mul(scratch, n, s, offset, s, offset);
  }

  private static long[] constants(LimbArithmetic field, java.util.stream.Stream<String> hex) {
    return hex.map(h -> field.constant(new BigInteger(h.substring(2), 16)))
        .flatMap(c -> Arrays.stream(c).boxed())
        .mapToLong(Long::longValue)
        .toArray();
  }
}
