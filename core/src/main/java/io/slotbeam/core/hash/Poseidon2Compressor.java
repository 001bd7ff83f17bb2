package io.slotbeam.core.hash;

import io.slotbeam.core.field.Fr;
import io.slotbeam.core.field.VectorSupport;
import io.slotbeam.core.merkle.KeyedCompressor;
import java.util.List;

/**
 * Keyed 2-to-1 Poseidon2 compression (spec datapath §4.5): {@code compress(a, b, key) =
 * perm(a, b, key).s0}, the key in the third state element. Zero is {@code 0 ∈ Fr} (§4.7).
 * Stateless, so one instance serves every thread.
 */
public final class Poseidon2Compressor implements KeyedCompressor<Fr> {
  public static final Poseidon2Compressor INSTANCE = new Poseidon2Compressor();

  private static final Fr[] KEYS = {Fr.of(0), Fr.of(1), Fr.of(2), Fr.of(3)};

  /** Below this many pairs, one lane permutation (8 states) costs more than scalar ones. */
  private static final int LANES_WORTH_IT = 2;

  private Poseidon2Compressor() {}

  @Override
  public Fr compress(Fr left, Fr right, int key) {
    long[] state = new long[Poseidon2Permutation.STATE_LONGS];
    left.copyMontgomeryLimbs(state, 0);
    right.copyMontgomeryLimbs(state, 4);
    KEYS[key].copyMontgomeryLimbs(state, 8);
    Poseidon2Permutation.SCALAR.permute(state);
    return Fr.ofMontgomeryLimbs(state, 0);
  }

  /** Hashes the pairs side by side in SIMD lanes where {@link VectorSupport} says they are fast. */
  @Override
  public List<Fr> compressAll(List<Fr> lefts, List<Fr> rights, int key) {
    if (VectorSupport.fastLanes() && lefts.size() >= LANES_WORTH_IT) {
      return LaneCompressor.compressAll(lefts, rights, key);
    }
    return KeyedCompressor.super.compressAll(lefts, rights, key);
  }

  @Override
  public Fr zero() {
    return Fr.ZERO;
  }
}
