package io.slotbeam.core.groth16;

/**
 * An element {@code c0 + c1·u} of {@code Fp2}; {@code c0} is the real part, {@code c1} the
 * imaginary one. snarkjs JSON writes it as {@code [c0, c1]}; the contract's {@code Fp2Element} is
 * {@code {real = c0, imag = c1}} (spec datapath §11.1–§11.2).
 */
public record Fp2(Fp c0, Fp c1) {
  public static final Fp2 ZERO = new Fp2(Fp.ZERO, Fp.ZERO);
  public static final Fp2 ONE = new Fp2(Fp.ONE, Fp.ZERO);

  public Fp2 {
    if (c0 == null || c1 == null) {
      throw new InvalidGroth16Exception("Fp2 element has a null part (c0 " + c0 + ", c1 " + c1 + ")");
    }
  }

  public boolean isZero() {
    return c0.value().signum() == 0 && c1.value().signum() == 0;
  }
}
