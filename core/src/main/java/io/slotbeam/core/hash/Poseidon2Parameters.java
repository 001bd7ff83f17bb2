package io.slotbeam.core.hash;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

/**
 * Read-only access to the one table of Poseidon2 parameters ({@code Poseidon2RoundConstants}),
 * for implementations outside this package (the native library loads them from here, so the
 * constants exist once).
 */
public final class Poseidon2Parameters {
  private Poseidon2Parameters() {}

  /** The 24 external round constants, round by round, element 0..2 within a round. */
  public static List<BigInteger> externalRoundConstants() {
    return Arrays.stream(Poseidon2RoundConstants.EXTERNAL)
        .flatMap(Arrays::stream)
        .map(Poseidon2Parameters::parse)
        .toList();
  }

  /** The 56 internal round constants, added to state element 0. */
  public static List<BigInteger> internalRoundConstants() {
    return Arrays.stream(Poseidon2RoundConstants.INTERNAL).map(Poseidon2Parameters::parse).toList();
  }

  /** The diagonal of the internal matrix, {@code [2, 2, 3]}. */
  public static List<Integer> internalMatrixDiagonal() {
    return Arrays.stream(Poseidon2RoundConstants.INTERNAL_DIAGONAL).boxed().toList();
  }

  private static BigInteger parse(String hex) {
    return new BigInteger(hex.substring(2), 16);
  }
}
