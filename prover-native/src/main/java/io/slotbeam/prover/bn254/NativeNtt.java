package io.slotbeam.prover.bn254;

import io.slotbeam.core.field.Fr;
import java.util.ArrayList;
import java.util.List;

/**
 * The native number-theoretic transform over Fr on the domain of the {@code n}-th roots of unity
 * that snarkjs uses (ffjavascript's {@code w[k] = 5^((r-1)/2^28)} squared down to order {@code
 * n}; see ntt.c): {@link #forward} gives the evaluations {@code a(w^i)} of the coefficients, and
 * {@link #inverse} the coefficients of the evaluations.
 */
public final class NativeNtt {
  /** The largest transform: 2^28 points, the 2-adicity of r - 1. */
  public static final int MAX_LOG_SIZE = 28;

  private NativeNtt() {}

  public static List<Fr> forward(List<Fr> coefficients) {
    return transform(coefficients, 0);
  }

  public static List<Fr> inverse(List<Fr> evaluations) {
    return transform(evaluations, 1);
  }

  /**
   * The transform of elements packed as 32-byte little-endian integers below r, in place (the
   * count a power of two up to 2^28, as the library checks).
   */
  public static void transformInPlace(byte[] values, boolean inverse) {
    NativeStatus.check(
        ProverNative.library().sb_fr_ntt(inverse ? 1 : 0, values, values.length), "sb_fr_ntt");
  }

  private static List<Fr> transform(List<Fr> values, int inverse) {
    int n = values.size();
    if (n == 0 || Integer.bitCount(n) != 1 || n > (1 << MAX_LOG_SIZE)) {
      throw new IllegalArgumentException(
          "an NTT needs a power-of-two number of elements up to 2^" + MAX_LOG_SIZE + ", got " + n);
    }
    byte[] bytes = new byte[Fr.BYTES * n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(values.get(i).toBytes(), 0, bytes, Fr.BYTES * i, Fr.BYTES);
    }
    transformInPlace(bytes, inverse != 0);
    List<Fr> out = new ArrayList<>(n);
    byte[] element = new byte[Fr.BYTES];
    for (int i = 0; i < n; i++) {
      System.arraycopy(bytes, Fr.BYTES * i, element, 0, Fr.BYTES);
      out.add(Fr.fromBytes(element));
    }
    return out;
  }
}
