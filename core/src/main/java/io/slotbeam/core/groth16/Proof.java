package io.slotbeam.core.groth16;

/** A Groth16 proof: {@code A} and {@code C} in G1, {@code B} in G2, affine. */
public record Proof(G1Point a, G2Point b, G1Point c) {
  public Proof {
    if (a == null || b == null || c == null) {
      throw new InvalidGroth16Exception(
          "proof has a null point (a " + a + ", b " + b + ", c " + c + ")");
    }
  }
}
