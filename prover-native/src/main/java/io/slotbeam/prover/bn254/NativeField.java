package io.slotbeam.prover.bn254;

import io.slotbeam.core.field.FrMontgomery;
import java.math.BigInteger;
import java.util.List;

/**
 * The native BN254 prime fields, element-wise on lists of canonical integers: a binding for
 * tests and benchmarks of the Montgomery arithmetic that the prover builds on.
 */
public enum NativeField {
  /** The base field, modulus q (node_modules/ffjavascript/src/bn128.js). */
  FP(
      SlotbeamLibrary.SB_FIELD_FP,
      new BigInteger(
          "21888242871839275222246405745257275088696311157297823662689037894645226208583")),
  /** The scalar field, modulus r, core's {@link io.slotbeam.core.field.Fr}. */
  FR(SlotbeamLibrary.SB_FIELD_FR, FrMontgomery.MODULUS);

  private final int code;
  private final BigInteger modulus;

  NativeField(int code, BigInteger modulus) {
    this.code = code;
    this.modulus = modulus;
  }

  public BigInteger modulus() {
    return modulus;
  }

  /** {@code op(a[i], b[i])} for every i; {@code b} is empty for a unary operation. */
  public List<BigInteger> apply(FieldOp op, List<BigInteger> a, List<BigInteger> b) {
    checkOperands(op, a.size(), b.size());
    byte[] pa = Le32.pack(a, modulus, name() + " operand a");
    byte[] pb = op.unary ? null : Le32.pack(b, modulus, name() + " operand b");
    byte[] out = new byte[pa.length];
    NativeStatus.check(
        SlotbeamNative.library()
            .sb_field_op(code, op.code, pa, pa.length, pb, pb == null ? 0 : pb.length, out, out.length),
        "sb_field_op(" + name() + ", " + op + ")");
    return Le32.unpack(out);
  }

  static void checkOperands(FieldOp op, int aSize, int bSize) {
    if (op.unary ? bSize != 0 : bSize != aSize) {
      throw new IllegalArgumentException(
          op + " takes " + (op.unary ? "no second operand" : aSize + " second operands")
              + " but got " + bSize);
    }
  }

  /** {@code acc * b^iterations} in Fr, as a chain of dependent native multiplies (benchmarks). */
  public static BigInteger frMultiplyChain(BigInteger acc, BigInteger b, long iterations) {
    if (iterations < 0) {
      throw new IllegalArgumentException("iterations " + iterations + " must not be negative");
    }
    byte[] pa = Le32.pack(List.of(acc), FR.modulus, "accumulator");
    byte[] pb = Le32.pack(List.of(b), FR.modulus, "multiplier");
    NativeStatus.check(
        SlotbeamNative.library().sb_fr_mul_chain(pa, pa.length, pb, pb.length, iterations),
        "sb_fr_mul_chain");
    return Le32.read(pa, 0);
  }
}
