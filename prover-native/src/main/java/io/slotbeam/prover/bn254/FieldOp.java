package io.slotbeam.prover.bn254;

/** The element-wise operations of {@code sb_field_op} and {@code sb_fp2_op} (slotbeam.h). */
public enum FieldOp {
  ADD(0, false),
  SUBTRACT(1, false),
  MULTIPLY(2, false),
  SQUARE(3, true),
  /** The inverse of zero is zero. */
  INVERSE(4, true),
  NEGATE(5, true),
  /** Into Montgomery form and back: the identity, through the library's conversions. */
  MONTGOMERY_ROUND_TRIP(6, true);

  final int code;
  final boolean unary;

  FieldOp(int code, boolean unary) {
    this.code = code;
    this.unary = unary;
  }

  public boolean unary() {
    return unary;
  }
}
