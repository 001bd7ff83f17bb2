package io.slotbeam.prover.bn254;

/**
 * Native multi-scalar multiplication {@code sum [k_i] p_i} (Pippenger's method on the library's
 * shared thread pool, msm.c) over points in {@link CurveGroup}'s canonical layout, each checked
 * on its curve, and 32-byte little-endian scalars below r.
 */
public final class NativeMsm {
  private NativeMsm() {}

  /** The sum as one affine point in the canonical layout (all zeros for infinity). */
  public static byte[] sum(CurveGroup group, byte[] points, byte[] scalars) {
    int bytes = group.pointBytes();
    if (points.length % bytes != 0 || scalars.length != Le32.BYTES * (points.length / bytes)) {
      throw new IllegalArgumentException(
          points.length + " bytes of " + group + " points (" + bytes + " each) do not match "
              + scalars.length + " bytes of scalars (" + Le32.BYTES + " each)");
    }
    byte[] out = new byte[bytes];
    ProverLibrary lib = ProverNative.library();
    int status =
        group == CurveGroup.G1
            ? lib.sb_g1_msm(points, points.length, scalars, scalars.length, out, out.length)
            : lib.sb_g2_msm(points, points.length, scalars, scalars.length, out, out.length);
    NativeStatus.check(status, "sb_" + group.name().toLowerCase(java.util.Locale.ROOT) + "_msm");
    return out;
  }
}
