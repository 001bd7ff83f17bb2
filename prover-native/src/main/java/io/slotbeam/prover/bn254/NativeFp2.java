package io.slotbeam.prover.bn254;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Native Fp2 arithmetic, element-wise (a binding for tests of the G2 coordinate field). */
public final class NativeFp2 {
  private NativeFp2() {}

  /** {@code op(a[i], b[i])} for every i; {@code b} is empty for a unary operation. */
  public static List<Fp2> apply(FieldOp op, List<Fp2> a, List<Fp2> b) {
    NativeField.checkOperands(op, a.size(), b.size());
    byte[] pa = pack(a, "operand a");
    byte[] pb = op.unary ? null : pack(b, "operand b");
    byte[] out = new byte[pa.length];
    NativeStatus.check(
        SlotbeamNative.library()
            .sb_fp2_op(op.code, pa, pa.length, pb, pb == null ? 0 : pb.length, out, out.length),
        "sb_fp2_op(" + op + ")");
    return unpack(out);
  }

  static byte[] pack(List<Fp2> values, String what) {
    List<BigInteger> flat = new ArrayList<>(2 * values.size());
    values.forEach(v -> {
      flat.add(v.c0());
      flat.add(v.c1());
    });
    return Le32.pack(flat, NativeField.FP.modulus(), what + " coefficient");
  }

  static List<Fp2> unpack(byte[] bytes) {
    List<BigInteger> flat = Le32.unpack(bytes);
    List<Fp2> out = new ArrayList<>(flat.size() / 2);
    for (int i = 0; i < flat.size(); i += 2) {
      out.add(new Fp2(flat.get(i), flat.get(i + 1)));
    }
    return out;
  }
}
