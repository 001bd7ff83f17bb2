package io.slotbeam.prover.bn254;

import java.math.BigInteger;

/** An element {@code c0 + c1·u} of Fp2 = Fp[u]/(u^2 + 1), the coordinate field of G2. */
public record Fp2(BigInteger c0, BigInteger c1) {
  public static final Fp2 ZERO = new Fp2(BigInteger.ZERO, BigInteger.ZERO);
}
