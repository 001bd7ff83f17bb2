package io.slotbeam.core.groth16;

import java.util.List;

/**
 * An element of {@code Fp12} as snarkjs's {@code vk_alphabeta_12} carries it: the pairing {@code
 * e(alpha1, beta2)} that snarkjs computes once per key. This package never computes it; it keeps
 * what the key's maker wrote.
 *
 * <p>The twelve coefficients are in the order of the JSON nesting {@code [[[a,b],[c,d],[e,f]],
 * [[g,h],[i,j],[k,l]]]}, i.e. {@code a, b, c, …, l}.
 */
public record Fp12(List<Fp> coefficients) {
  public static final int SIZE = 12;

  public Fp12 {
    coefficients = List.copyOf(coefficients);
    if (coefficients.size() != SIZE) {
      throw new InvalidGroth16Exception(
          "an Fp12 element has " + SIZE + " coefficients, not " + coefficients.size());
    }
  }
}
