package io.slotbeam.prover.bn254;

import io.slotbeam.core.groth16.Fp;
import io.slotbeam.core.groth16.Fp12;
import io.slotbeam.core.groth16.G1Point;
import io.slotbeam.core.groth16.G2Point;
import java.util.ArrayList;
import java.util.List;

/**
 * core's Groth16 values in libslotbeam's canonical layout: G1 {@code x ‖ y} (64 bytes), G2 {@code
 * x.c0 ‖ x.c1 ‖ y.c0 ‖ y.c1} (128 bytes), Fp12 as its twelve coefficients in snarkjs order (384
 * bytes), each coordinate 32 bytes little-endian; infinity is all zeros in both layouts.
 */
public final class PointBytes {
  private PointBytes() {}

  /** Writes {@code p} at {@code offset} of {@code out} (64 bytes). */
  public static void writeG1(G1Point p, byte[] out, int offset) {
    Le32.write(p.x().value(), out, offset);
    Le32.write(p.y().value(), out, offset + Le32.BYTES);
  }

  /** Writes {@code q} at {@code offset} of {@code out} (128 bytes). */
  public static void writeG2(G2Point q, byte[] out, int offset) {
    Le32.write(q.x().c0().value(), out, offset);
    Le32.write(q.x().c1().value(), out, offset + Le32.BYTES);
    Le32.write(q.y().c0().value(), out, offset + 2 * Le32.BYTES);
    Le32.write(q.y().c1().value(), out, offset + 3 * Le32.BYTES);
  }

  public static byte[] g1(G1Point p) {
    byte[] out = new byte[CurveGroup.G1.pointBytes()];
    writeG1(p, out, 0);
    return out;
  }

  public static byte[] g2(G2Point q) {
    byte[] out = new byte[CurveGroup.G2.pointBytes()];
    writeG2(q, out, 0);
    return out;
  }

  /** The Fp12 value of {@link PairingLibrary#FP12_BYTES} bytes. */
  public static Fp12 fp12(byte[] bytes) {
    if (bytes.length != PairingLibrary.FP12_BYTES) {
      throw new IllegalArgumentException(
          "an Fp12 value has " + PairingLibrary.FP12_BYTES + " bytes, not " + bytes.length);
    }
    List<Fp> coefficients = new ArrayList<>(Fp12.SIZE);
    for (int i = 0; i < Fp12.SIZE; i++) {
      coefficients.add(new Fp(Le32.read(bytes, Le32.BYTES * i)));
    }
    return new Fp12(coefficients);
  }
}
