package io.slotbeam.prover.bn254;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain BigInteger arithmetic that the native field and curve code is tested against: Fp, Fp2
 * (u^2 = -1) and affine points on y^2 = x^3 + b over either.
 */
final class Reference {
  static final BigInteger P = NativeField.FP.modulus();
  static final BigInteger R = NativeField.FR.modulus();

  private Reference() {}

  interface Field<T> {
    T add(T a, T b);

    T sub(T a, T b);

    T mul(T a, T b);

    T inv(T a);

    T of(long small);

    boolean isZero(T a);

    /** The element's canonical integers, in the library's byte order. */
    List<BigInteger> coefficients(T a);

    T fromCoefficients(List<BigInteger> c);
  }

  static final Field<BigInteger> FP =
      new Field<>() {
        public BigInteger add(BigInteger a, BigInteger b) {
          return a.add(b).mod(P);
        }

        public BigInteger sub(BigInteger a, BigInteger b) {
          return a.subtract(b).mod(P);
        }

        public BigInteger mul(BigInteger a, BigInteger b) {
          return a.multiply(b).mod(P);
        }

        public BigInteger inv(BigInteger a) {
          return a.signum() == 0 ? a : a.modInverse(P);
        }

        public BigInteger of(long small) {
          return BigInteger.valueOf(small).mod(P);
        }

        public boolean isZero(BigInteger a) {
          return a.signum() == 0;
        }

        public List<BigInteger> coefficients(BigInteger a) {
          return List.of(a);
        }

        public BigInteger fromCoefficients(List<BigInteger> c) {
          return c.get(0);
        }
      };

  static final Field<Fp2> FP2 =
      new Field<>() {
        public Fp2 add(Fp2 a, Fp2 b) {
          return new Fp2(FP.add(a.c0(), b.c0()), FP.add(a.c1(), b.c1()));
        }

        public Fp2 sub(Fp2 a, Fp2 b) {
          return new Fp2(FP.sub(a.c0(), b.c0()), FP.sub(a.c1(), b.c1()));
        }

        public Fp2 mul(Fp2 a, Fp2 b) {
          return new Fp2(
              FP.sub(FP.mul(a.c0(), b.c0()), FP.mul(a.c1(), b.c1())),
              FP.add(FP.mul(a.c0(), b.c1()), FP.mul(a.c1(), b.c0())));
        }

        public Fp2 inv(Fp2 a) {
          BigInteger norm = FP.inv(FP.add(FP.mul(a.c0(), a.c0()), FP.mul(a.c1(), a.c1())));
          return new Fp2(FP.mul(a.c0(), norm), FP.mul(a.c1().negate().mod(P), norm));
        }

        public Fp2 of(long small) {
          return new Fp2(FP.of(small), BigInteger.ZERO);
        }

        public boolean isZero(Fp2 a) {
          return a.c0().signum() == 0 && a.c1().signum() == 0;
        }

        public List<BigInteger> coefficients(Fp2 a) {
          return List.of(a.c0(), a.c1());
        }

        public Fp2 fromCoefficients(List<BigInteger> c) {
          return new Fp2(c.get(0), c.get(1));
        }
      };

  /** An affine point; {@code x == null} is infinity. */
  record Point<T>(T x, T y) {
    boolean infinity() {
      return x == null;
    }
  }

  /** A curve y^2 = x^3 + b with its generator. */
  record Curve<T>(CurveGroup group, Field<T> field, T b, Point<T> generator) {
    Point<T> infinity() {
      return new Point<>(null, null);
    }

    boolean onCurve(Point<T> p) {
      Field<T> f = field;
      return p.infinity()
          || f.isZero(f.sub(f.mul(p.y(), p.y()), f.add(f.mul(f.mul(p.x(), p.x()), p.x()), b)));
    }

    Point<T> negate(Point<T> p) {
      return p.infinity() ? p : new Point<>(p.x(), field.sub(field.of(0), p.y()));
    }

    Point<T> add(Point<T> a, Point<T> c) {
      Field<T> f = field;
      if (a.infinity()) {
        return c;
      }
      if (c.infinity()) {
        return a;
      }
      T lambda;
      if (a.x().equals(c.x())) {
        if (!a.y().equals(c.y()) || f.isZero(a.y())) {
          return infinity();
        }
        T x2 = f.mul(a.x(), a.x());
        lambda = f.mul(f.add(f.add(x2, x2), x2), f.inv(f.add(a.y(), a.y())));
      } else {
        lambda = f.mul(f.sub(c.y(), a.y()), f.inv(f.sub(c.x(), a.x())));
      }
      T x3 = f.sub(f.sub(f.mul(lambda, lambda), a.x()), c.x());
      return new Point<>(x3, f.sub(f.mul(lambda, f.sub(a.x(), x3)), a.y()));
    }

    Point<T> multiply(Point<T> p, BigInteger k) {
      Point<T> acc = infinity();
      for (int bit = k.bitLength() - 1; bit >= 0; bit--) {
        acc = add(acc, acc);
        if (k.testBit(bit)) {
          acc = add(acc, p);
        }
      }
      return acc;
    }

    byte[] pack(List<Point<T>> points) {
      List<BigInteger> coordinates = new ArrayList<>();
      for (Point<T> p : points) {
        int perCoordinate = group.pointBytes() / 64;
        if (p.infinity()) {
          for (int i = 0; i < 2 * perCoordinate; i++) {
            coordinates.add(BigInteger.ZERO);
          }
        } else {
          coordinates.addAll(field.coefficients(p.x()));
          coordinates.addAll(field.coefficients(p.y()));
        }
      }
      return group.pack(coordinates);
    }

    List<Point<T>> unpack(byte[] bytes) {
      List<BigInteger> c = group.unpack(bytes);
      int k = group.pointBytes() / 64; // coefficients per coordinate
      List<Point<T>> out = new ArrayList<>();
      for (int i = 0; i < c.size(); i += 2 * k) {
        List<BigInteger> xs = c.subList(i, i + k);
        List<BigInteger> ys = c.subList(i + k, i + 2 * k);
        boolean zero = xs.stream().allMatch(v -> v.signum() == 0) && ys.stream().allMatch(v -> v.signum() == 0);
        out.add(zero ? infinity() : new Point<>(field.fromCoefficients(xs), field.fromCoefficients(ys)));
      }
      return out;
    }
  }

  /** G1: y^2 = x^3 + 3, generator (1, 2) (node_modules/wasmcurves/src/bn128/build_bn128.js). */
  static final Curve<BigInteger> G1 =
      new Curve<>(CurveGroup.G1, FP, BigInteger.valueOf(3),
          new Point<>(BigInteger.ONE, BigInteger.TWO));

  /** G2 over Fp2: b' = 3/(9+u) and the generator, both from build_bn128.js (pG2b, G2gen). */
  static final Curve<Fp2> G2 =
      new Curve<>(
          CurveGroup.G2,
          FP2,
          new Fp2(
              new BigInteger("19485874751759354771024239261021720505790618469301721065564631296452457478373"),
              new BigInteger("266929791119991161246907387137283842545076965332900288569378510910307636690")),
          new Point<>(
              new Fp2(
                  new BigInteger("10857046999023057135944570762232829481370756359578518086990519993285655852781"),
                  new BigInteger("11559732032986387107991004021392285783925812861821192530917403151452391805634")),
              new Fp2(
                  new BigInteger("8495653923123431417604973247489272438418190587263600148770280649306958101930"),
                  new BigInteger("4082367875863433681332203403145435568316851327593401208105741076214120093531"))));
}
