package io.slotbeam.prover.bn254;

import io.slotbeam.core.groth16.Fp12;
import io.slotbeam.core.groth16.G1Point;
import io.slotbeam.core.groth16.G2Point;
import io.slotbeam.core.groth16.InvalidGroth16Exception;

/**
 * The BN254 reduced optimal ate pairing, natively ({@code pairing.c}): {@code e(P, Q)} in the
 * layout snarkjs writes as {@code vk_alphabeta_12} (node_modules/snarkjs/src/
 * zkey_export_verificationkey.js: {@code curve.Gt.toObject(curve.pairing(alpha, beta))}), so that
 * a verification key made here carries the value snarkjs would have written.
 */
public final class Pairing {
  private Pairing() {}

  /**
   * {@code e(p, q)}; throws {@link InvalidGroth16Exception} when {@code q} is not on the twist
   * {@code y² = x³ + 3/(9+u)} or not in G2 ({@code p} was checked on G1 when it was made).
   */
  public static Fp12 pair(G1Point p, G2Point q) {
    byte[] out = new byte[PairingLibrary.FP12_BYTES];
    byte[] g1 = PointBytes.g1(p);
    byte[] g2 = PointBytes.g2(q);
    int status = PairingNative.library().sb_pairing(g1, g1.length, g2, g2.length, out, out.length);
    PointStatus.check(status, "G2 point " + q);
    return PointBytes.fp12(out);
  }
}
