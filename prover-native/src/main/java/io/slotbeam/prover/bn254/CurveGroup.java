package io.slotbeam.prover.bn254;

import java.math.BigInteger;
import java.util.List;

/**
 * The BN254 groups G1 (over Fp) and G2 (over Fp2), with the native point arithmetic on arrays
 * of affine points in the library's canonical layout: G1 {@code x ‖ y}, G2 {@code x.c0 ‖ x.c1 ‖
 * y.c0 ‖ y.c1}, each coordinate 32 bytes little-endian below p, all zeros = infinity. The snarkjs
 * zkey layout is the same with every coordinate in Montgomery form ({@code x·2^256 mod p};
 * node_modules/snarkjs/src/zkey_utils.js writeG1/writeG2, ffjavascript toRprLEM).
 *
 * <p>Every input point is checked to lie on its curve ({@link PointNotOnCurveException}); G2
 * points are not checked to lie in the prime-order subgroup.
 */
public enum CurveGroup {
  G1(64),
  G2(128);

  private static final int ADD = 0;
  private static final int ADD_MIXED = 1;
  private static final int DOUBLE = 2;
  private static final int BATCH_ADD = 3;

  private final int pointBytes;

  CurveGroup(int pointBytes) {
    this.pointBytes = pointBytes;
  }

  /** Bytes of one affine point. */
  public int pointBytes() {
    return pointBytes;
  }

  /** Packs points given as canonical coordinates (2 per G1 point, 4 per G2 point). */
  public byte[] pack(List<BigInteger> coordinates) {
    int perPoint = pointBytes / Le32.BYTES;
    if (coordinates.size() % perPoint != 0) {
      throw new IllegalArgumentException(
          coordinates.size() + " coordinates do not make whole " + name() + " points of " + perPoint);
    }
    return Le32.pack(coordinates, NativeField.FP.modulus(), name() + " coordinate");
  }

  /** The coordinates of packed points. */
  public List<BigInteger> unpack(byte[] points) {
    count(points, "points");
    return Le32.unpack(points);
  }

  /** {@code a[i] + b[i]}, both in Jacobian coordinates with Z ≠ 1. */
  public byte[] add(byte[] a, byte[] b) {
    return op(ADD, a, b, "add");
  }

  /** {@code a[i] + b[i]}, a in Jacobian coordinates with Z ≠ 1, b affine (mixed addition). */
  public byte[] addMixed(byte[] a, byte[] b) {
    return op(ADD_MIXED, a, b, "addMixed");
  }

  /** {@code 2·a[i]} in Jacobian coordinates. */
  public byte[] doubled(byte[] a) {
    return op(DOUBLE, a, null, "doubled");
  }

  /** {@code a[i] + b[i]} for all pairs in affine coordinates with one shared inversion. */
  public byte[] batchAdd(byte[] a, byte[] b) {
    return op(BATCH_ADD, a, b, "batchAdd");
  }

  /** {@code [k_i] p_i} for 32-byte little-endian scalars (any 256-bit integer). */
  public byte[] multiply(byte[] points, byte[] scalars) {
    int n = count(points, "points");
    if (scalars.length != Le32.BYTES * n) {
      throw new IllegalArgumentException(
          n + " points need " + Le32.BYTES * n + " scalar bytes, got " + scalars.length);
    }
    byte[] out = new byte[points.length];
    SlotbeamLibrary lib = SlotbeamNative.library();
    int status =
        this == G1
            ? lib.sb_g1_mul(points, points.length, scalars, scalars.length, out, out.length)
            : lib.sb_g2_mul(points, points.length, scalars, scalars.length, out, out.length);
    NativeStatus.check(status, "sb_" + tag() + "_mul");
    return out;
  }

  /** Points from the canonical layout to the snarkjs zkey layout (Montgomery form). */
  public byte[] toSnarkjs(byte[] points) {
    return convert(SlotbeamLibrary.SB_TO_SNARKJS, points);
  }

  /** Points from the snarkjs zkey layout (Montgomery form) to the canonical layout. */
  public byte[] fromSnarkjs(byte[] points) {
    return convert(SlotbeamLibrary.SB_FROM_SNARKJS, points);
  }

  private byte[] convert(int direction, byte[] points) {
    count(points, "points");
    byte[] out = new byte[points.length];
    SlotbeamLibrary lib = SlotbeamNative.library();
    int status =
        this == G1
            ? lib.sb_g1_convert(direction, points, points.length, out, out.length)
            : lib.sb_g2_convert(direction, points, points.length, out, out.length);
    NativeStatus.check(status, "sb_" + tag() + "_convert");
    return out;
  }

  private byte[] op(int op, byte[] a, byte[] b, String what) {
    int n = count(a, "first operand");
    if (b != null && count(b, "second operand") != n) {
      throw new IllegalArgumentException(
          name() + "." + what + ": " + n + " first points but " + b.length / pointBytes + " second");
    }
    byte[] out = new byte[a.length];
    long bLen = b == null ? 0 : b.length;
    SlotbeamLibrary lib = SlotbeamNative.library();
    int status =
        this == G1
            ? lib.sb_g1_op(op, a, a.length, b, bLen, out, out.length)
            : lib.sb_g2_op(op, a, a.length, b, bLen, out, out.length);
    NativeStatus.check(status, "sb_" + tag() + "_op(" + what + ")");
    return out;
  }

  private int count(byte[] points, String what) {
    if (points.length % pointBytes != 0) {
      throw new IllegalArgumentException(
          name() + " " + what + " of " + points.length + " bytes are not whole points of "
              + pointBytes + " bytes");
    }
    return points.length / pointBytes;
  }

  private String tag() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
