package io.slotbeam.prover.bn254;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain BigInteger Fp12 for the pairing tests: Fp6 = Fp2[v]/(v^3 - (9 + u)), Fp12 =
 * Fp6[w]/(w^2 - v), the tower snarkjs uses (node_modules/wasmcurves/src/bn128/build_bn128.js,
 * pNonResidueF6 and _mulNR12). An element is its twelve Fp coefficients in snarkjs order
 * (c0.a0.c0, c0.a0.c1, c0.a1.c0, …, c1.a2.c1), i.e. six Fp2 values g[0..5] where g[3c + j] is
 * the coefficient of v^j w^c. Schoolbook products only: slow and obviously right.
 */
final class Fp12Reference {
  private static final Reference.Field<Fp2> F = Reference.FP2;
  private static final Fp2 XI = new Fp2(BigInteger.valueOf(9), BigInteger.ONE);

  private Fp12Reference() {}

  static List<BigInteger> one() {
    List<BigInteger> out = new ArrayList<>();
    out.add(BigInteger.ONE);
    for (int i = 1; i < 12; i++) {
      out.add(BigInteger.ZERO);
    }
    return out;
  }

  static List<BigInteger> multiply(List<BigInteger> a, List<BigInteger> b) {
    // a = sum a_{c,j} v^j w^c; v^j w^c = w^(2j + c) and w^6 = v^3 = xi: multiply as polynomials in
    // w of degree < 6 and reduce w^k for k >= 6 to xi w^(k - 6).
    Fp2[] x = inW(a);
    Fp2[] y = inW(b);
    Fp2[] z = new Fp2[12];
    for (int k = 0; k < 12; k++) {
      z[k] = F.of(0);
    }
    for (int i = 0; i < 6; i++) {
      for (int j = 0; j < 6; j++) {
        z[i + j] = F.add(z[i + j], F.mul(x[i], y[j]));
      }
    }
    Fp2[] r = new Fp2[6];
    for (int k = 0; k < 6; k++) {
      r[k] = F.add(z[k], F.mul(XI, z[k + 6]));
    }
    return fromW(r);
  }

  static List<BigInteger> pow(List<BigInteger> a, BigInteger e) {
    List<BigInteger> acc = one();
    for (int bit = e.bitLength() - 1; bit >= 0; bit--) {
      acc = multiply(acc, acc);
      if (e.testBit(bit)) {
        acc = multiply(acc, a);
      }
    }
    return acc;
  }

  /** Coefficients of w^0..w^5: index 2j + c holds the coefficient of v^j w^c. */
  private static Fp2[] inW(List<BigInteger> a) {
    Fp2[] out = new Fp2[6];
    for (int c = 0; c < 2; c++) {
      for (int j = 0; j < 3; j++) {
        int at = 2 * (3 * c + j);
        out[2 * j + c] = new Fp2(a.get(at), a.get(at + 1));
      }
    }
    return out;
  }

  private static List<BigInteger> fromW(Fp2[] w) {
    BigInteger[] out = new BigInteger[12];
    for (int c = 0; c < 2; c++) {
      for (int j = 0; j < 3; j++) {
        int at = 2 * (3 * c + j);
        out[at] = w[2 * j + c].c0();
        out[at + 1] = w[2 * j + c].c1();
      }
    }
    return List.of(out);
  }
}
