package io.slotbeam.prover.bn254;

import io.slotbeam.core.groth16.Fp;
import io.slotbeam.core.groth16.G1Point;
import io.slotbeam.core.groth16.G2Point;
import io.slotbeam.prover.bn254.Reference.Point;
import java.math.BigInteger;
import java.util.Random;

/**
 * Test points on the G2 twist y^2 = x^3 + 3/(9+u) outside G2, made with the BigInteger reference:
 * the twist has order h r with a cofactor h = 2p - r, so a point with a random x is almost surely
 * not of order r, and [r]R has an order dividing h (never r).
 */
public final class TwistPoints {
  private static final BigInteger P = Reference.P;
  private static final Reference.Field<Fp2> F = Reference.FP2;

  private TwistPoints() {}

  /** A point of the twist with a random x (the first of {@code seed}'s draws that has a y). */
  public static G2Point random(long seed) {
    Random random = new Random(seed);
    while (true) {
      Fp2 x = new Fp2(new BigInteger(253, random), new BigInteger(253, random));
      Fp2 rhs = F.add(F.mul(F.mul(x, x), x), Reference.G2.b());
      Fp2 y = sqrt(rhs);
      if (y != null) {
        Point<Fp2> point = new Point<>(x, y);
        if (!Reference.G2.onCurve(point)) {
          throw new AssertionError("constructed point is off the twist: " + point);
        }
        return core(point);
      }
    }
  }

  /** [r]R for a random twist point R: on the twist, of order dividing the cofactor. */
  public static G2Point cofactorTorsion(long seed) {
    Point<Fp2> r = reference(random(seed));
    Point<Fp2> point = Reference.G2.multiply(r, Reference.R);
    if (point.infinity()) {
      throw new AssertionError("[r]R is infinity for seed " + seed);
    }
    return core(point);
  }

  /** [k] times the G2 generator, through the reference. */
  public static G2Point generatorTimes(BigInteger k) {
    return core(Reference.G2.multiply(Reference.G2.generator(), k));
  }

  /** [k] times the G1 generator (1, 2), through the reference. */
  public static G1Point g1GeneratorTimes(BigInteger k) {
    Point<BigInteger> p = Reference.G1.multiply(Reference.G1.generator(), k);
    return p.infinity() ? G1Point.INFINITY : G1Point.of(p.x(), p.y(), "[k]G1");
  }

  /** Whether [r]Q is infinity, by the reference. */
  public static boolean hasOrderR(G2Point q) {
    return Reference.G2.multiply(reference(q), Reference.R).infinity();
  }

  /** q + s on the twist, through the reference. */
  public static G2Point add(G2Point q, G2Point s) {
    return core(Reference.G2.add(reference(q), reference(s)));
  }

  static Point<Fp2> reference(G2Point q) {
    return new Point<>(
        new Fp2(q.x().c0().value(), q.x().c1().value()),
        new Fp2(q.y().c0().value(), q.y().c1().value()));
  }

  static G2Point core(Point<Fp2> p) {
    if (p.infinity()) {
      return G2Point.INFINITY;
    }
    return new G2Point(
        new io.slotbeam.core.groth16.Fp2(new Fp(p.x().c0()), new Fp(p.x().c1())),
        new io.slotbeam.core.groth16.Fp2(new Fp(p.y().c0()), new Fp(p.y().c1())));
  }

  /**
   * A square root in Fp2 (p = 3 mod 4), or null: with n = sqrt(a0^2 + a1^2) in Fp, x0^2 = (a0 ±
   * n)/2 for the sign that makes it a square, and x1 = a1 / (2 x0). The result is checked.
   */
  private static Fp2 sqrt(Fp2 a) {
    BigInteger norm = a.c0().pow(2).add(a.c1().pow(2)).mod(P);
    BigInteger n = sqrtFp(norm);
    if (n == null) {
      return null;
    }
    BigInteger half = BigInteger.TWO.modInverse(P);
    for (BigInteger candidate : new BigInteger[] {a.c0().add(n), a.c0().subtract(n)}) {
      BigInteger x0 = sqrtFp(candidate.multiply(half).mod(P));
      if (x0 != null && x0.signum() != 0) {
        BigInteger x1 = a.c1().multiply(x0.shiftLeft(1).modInverse(P)).mod(P);
        Fp2 root = new Fp2(x0, x1);
        if (F.mul(root, root).equals(a)) {
          return root;
        }
      }
    }
    return null;
  }

  private static BigInteger sqrtFp(BigInteger a) {
    BigInteger root = a.modPow(P.add(BigInteger.ONE).shiftRight(2), P);
    return root.multiply(root).mod(P).equals(a.mod(P)) ? root : null;
  }
}
