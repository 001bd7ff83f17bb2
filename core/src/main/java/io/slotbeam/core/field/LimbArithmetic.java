package io.slotbeam.core.field;

import java.math.BigInteger;

/**
 * Fr arithmetic on elements stored as limbs in a {@code long[]}, so that a hash can be written once
 * over it and run one element at a time ({@link FrMontgomery}) or several in SIMD lanes ({@link
 * FrLanes}). An element occupies {@link #elementLongs()} longs at an offset; values stay fully
 * reduced, in the implementation's Montgomery form. Outputs may alias inputs.
 */
public interface LimbArithmetic {
  /** Longs one element (or one block of lanes) occupies. */
  int elementLongs();

  /** {@code z = x * y}. */
  void mul(long[] x, int xo, long[] y, int yo, long[] z, int zo);

  /** {@code z = x + y}. */
  void add(long[] x, int xo, long[] y, int yo, long[] z, int zo);

  /** {@code value} (below r) in this layout's Montgomery form, in every lane. */
  long[] constant(BigInteger value);
}
