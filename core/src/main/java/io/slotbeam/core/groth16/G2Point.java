package io.slotbeam.core.groth16;

/**
 * An affine point of BN254's G2 (over {@code Fp2}), or the point at infinity {@link #INFINITY},
 * written with all-zero coordinates as in the chain layout (spec datapath §11.1) and zkey files.
 *
 * <p>Only the coordinates' ranges are checked here; the twist equation and the subgroup check need
 * {@code Fp2} arithmetic and belong to the native library.
 */
public record G2Point(Fp2 x, Fp2 y) {
  public static final G2Point INFINITY = new G2Point(Fp2.ZERO, Fp2.ZERO);

  public G2Point {
    if (x == null || y == null) {
      throw new InvalidGroth16Exception("G2 point has a null coordinate (x " + x + ", y " + y + ")");
    }
  }

  public boolean isInfinity() {
    return x.isZero() && y.isZero();
  }
}
