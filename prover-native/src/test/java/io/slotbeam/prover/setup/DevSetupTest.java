package io.slotbeam.prover.setup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Memory;
import io.slotbeam.core.field.Fr;
import io.slotbeam.prover.bn254.CurveGroup;
import io.slotbeam.prover.bn254.NativeField;
import io.slotbeam.prover.bn254.NativeStatus;
import io.slotbeam.prover.setup.ConstraintSystem.Matrix;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The native development setup against a BigInteger reference: every scalar recomputed here from
 * the toxic waste (Lagrange polynomials from their definition, snarkjs's extra public rows), every
 * point by the library's plain double-and-add ({@link CurveGroup#multiply}) and compared byte for
 * byte in the zkey layout.
 */
class DevSetupTest {
  private static final BigInteger R = NativeField.FR.modulus();

  /** The generators (node_modules/wasmcurves/src/bn128/build_bn128.js). */
  private static final byte[] G1 = CurveGroup.G1.pack(List.of(BigInteger.ONE, BigInteger.TWO));
  private static final byte[] G2 =
      CurveGroup.G2.pack(
          List.of(
              new BigInteger("10857046999023057135944570762232829481370756359578518086990519993285655852781"),
              new BigInteger("11559732032986387107991004021392285783925812861821192530917403151452391805634"),
              new BigInteger("8495653923123431417604973247489272438418190587263600148770280649306958101930"),
              new BigInteger("4082367875863433681332203403145435568316851327593401208105741076214120093531")));

  private record Term(Matrix matrix, int constraint, int signal, BigInteger value) {}

  @Test
  void matchesTheReferenceOnATinySystemWithLagrangeFromItsDefinition() {
    // x·y = z and z·z = out (public), plus a linear C term: 2 constraints, domain 4, H over 8
    List<Term> terms =
        List.of(
            new Term(Matrix.A, 0, 2, BigInteger.ONE),
            new Term(Matrix.B, 0, 3, BigInteger.ONE),
            new Term(Matrix.C, 0, 4, BigInteger.ONE),
            new Term(Matrix.A, 1, 4, BigInteger.ONE),
            new Term(Matrix.B, 1, 4, BigInteger.ONE),
            new Term(Matrix.C, 1, 1, BigInteger.ONE),
            new Term(Matrix.C, 1, 0, R.subtract(BigInteger.valueOf(7))));
    checkAgainstReference(2, 5, 1, terms, new Random(1), DevSetupTest::lagrangeByProduct, IntStream.range(0, 4));
  }

  @Test
  void matchesTheReferenceAcrossBatchesWithRandomTerms() {
    // 4200 constraints + 2 public signals: domain 8192, so H spans two native batches of 4096
    Random rnd = new Random(2);
    int constraints = 4200;
    int variables = 40;
    List<Term> terms = new ArrayList<>();
    for (int c = 0; c < constraints; c++) {
      for (Matrix m : Matrix.values()) {
        terms.add(new Term(m, c, rnd.nextInt(variables), new BigInteger(253, rnd)));
      }
    }
    // H at the ends and around the batch boundary (the plain double-and-add reference is slow)
    checkAgainstReference(constraints, variables, 2, terms, rnd, DevSetupTest::lagrangeClosedForm,
        IntStream.of(0, 1, 4095, 4096, 4097, 8191));
  }

  @Test
  void domainSizeIsSnarkjsCirPower() {
    // zkey_new.js: 2^(log2(nConstraints + nPublic) + 1), log2 rounding down
    assertEquals(4, DevSetup.domainSize(2, 1));
    assertEquals(4, DevSetup.domainSize(3, 0));
    assertEquals(8, DevSetup.domainSize(3, 1));
    assertEquals(1 << 17, DevSetup.domainSize(89_802, 5));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DevSetup.domainSize(1 << 27, 0));
    assertTrue(e.getMessage().startsWith("134217728 constraints and 0 public signals need a domain of 2^28"));
  }

  @Test
  void twoSetupsOfOneSystemDiffer() {
    ConstraintSystem system = build(2, 5, 1, List.of(new Term(Matrix.A, 0, 2, BigInteger.ONE)));
    DevSetupKey first = DevSetup.generate(system, new SecureRandom());
    DevSetupKey second = DevSetup.generate(system, new SecureRandom());
    assertFalse(Arrays.equals(first.alpha1(), second.alpha1()));
    assertFalse(Arrays.equals(first.delta2(), second.delta2()));
    assertFalse(Arrays.equals(first.h(), second.h()));
  }

  @Test
  void sampledScalarsAreNonZeroAndBelowTheModulus() {
    SecureRandom random = new SecureRandom();
    byte[] out = new byte[32 * 200];
    for (int i = 0; i < 200; i++) {
      DevSetup.sampleNonZeroScalar(random, out, 32 * i);
    }
    for (int i = 0; i < 200; i++) {
      BigInteger v = le(Arrays.copyOfRange(out, 32 * i, 32 * i + 32));
      assertTrue(v.signum() > 0 && v.compareTo(R) < 0, v.toString());
    }
  }

  @Test
  void rejectsTermsOutsideTheSystem() {
    ConstraintSystem.Builder b = ConstraintSystem.builder(2, 5, 1);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> b.term(Matrix.B, 1, 5, Fr.ONE));
    assertEquals("B term of constraint 1 names signal 5: signals are 0..4", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> b.term(Matrix.A, 2, 0, Fr.ONE));
    assertEquals("A term in constraint 2: constraints are 0..1", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ConstraintSystem.builder(2, 1, 1));
    assertEquals("1 signals cannot hold the constant one and 1 public signals", e.getMessage());
  }

  @Test
  void rejectsToxicWasteOnTheDomain() {
    // tau = 1 is a root of unity: the closed-form Lagrange values do not exist
    ConstraintSystem system = build(2, 5, 1, List.of(new Term(Matrix.A, 0, 2, BigInteger.ONE)));
    byte[] toxic = new byte[160];
    for (int i = 0; i < 5; i++) {
      toxic[32 * i] = 1;
    }
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> DevSetup.generate(system, toxic));
    assertTrue(e.getMessage().contains("SB_ERR_ARGUMENT"), e.getMessage());
  }

  @Test
  void theNativeSideAnswersBadArgumentsWithAStatus() {
    // 2 constraints, 5 signals, 1 public: domain 4
    byte[] term = build(2, 5, 1, List.of(new Term(Matrix.A, 0, 2, BigInteger.ONE))).packedTerms();
    byte[] toxic = new byte[160];
    for (int i = 0; i < 5; i++) {
      toxic[32 * i] = 2; // tau = 2 is not a root of unity
    }
    assertEquals(NativeStatus.OK, callNative(toxic, 2, 5, 1, 4, term, 0));
    byte[] badSignal = term.clone();
    badSignal[8] = 5;
    assertEquals(NativeStatus.ARGUMENT, callNative(toxic, 2, 5, 1, 4, badSignal, 0));
    byte[] badCoefficient = term.clone();
    Arrays.fill(badCoefficient, 12, 44, (byte) 0xff);
    assertEquals(NativeStatus.NONCANONICAL, callNative(toxic, 2, 5, 1, 4, badCoefficient, 0));
    byte[] zeroAlpha = toxic.clone();
    zeroAlpha[32] = 0;
    assertEquals(NativeStatus.ARGUMENT, callNative(zeroAlpha, 2, 5, 1, 4, term, 0));
    assertEquals(NativeStatus.ARGUMENT, callNative(toxic, 2, 5, 1, 2, term, 0)); // domain < 4 rows
    assertEquals(NativeStatus.ARGUMENT, callNative(toxic, 2, 5, 1, 6, term, 0)); // not a power of two
    assertEquals(NativeStatus.ARGUMENT, callNative(toxic, 2, 5, 5, 8, term, 0)); // no room for one
    assertEquals(NativeStatus.LENGTH, callNative(toxic, 2, 5, 1, 4, Arrays.copyOf(term, 43), 0));
    assertEquals(NativeStatus.LENGTH, callNative(toxic, 2, 5, 1, 4, term, 64)); // an output too long
  }

  /** Calls the native setup with outputs sized for the counts, {@code extra} bytes more on h. */
  private static int callNative(
      byte[] toxic, int constraints, int variables, int publics, int domain, byte[] terms, int extra) {
    int privates = Math.max(0, variables - publics - 1);
    byte[] keyPoints = new byte[SetupLibrary.KEY_POINT_BYTES];
    byte[] ic = new byte[64 * (publics + 1)];
    byte[] a = new byte[64 * variables];
    byte[] b1 = new byte[64 * variables];
    byte[] b2 = new byte[128 * variables];
    byte[] c = new byte[64 * privates];
    byte[] h = new byte[64 * domain + extra];
    Memory secret = new Memory(toxic.length);
    secret.write(0, toxic, 0, toxic.length);
    return SetupLibrary.load()
        .sb_groth16_dev_setup(secret, toxic.length, constraints, variables, publics, domain, terms, terms.length,
            keyPoints, keyPoints.length, ic, ic.length, a, a.length, b1, b1.length, b2, b2.length, c, c.length,
            h, h.length);
  }

  // ---- reference ----

  private static void checkAgainstReference(
      int constraints, int variables, int publics, List<Term> terms, Random rnd,
      LagrangeReference lagrange, IntStream hIndices) {
    BigInteger[] x = new BigInteger[5]; // tau alpha beta gamma delta
    byte[] toxic = new byte[160];
    for (int i = 0; i < 5; i++) {
      x[i] = new BigInteger(253, rnd).add(BigInteger.ONE);
      System.arraycopy(Fr.of(x[i]).toBytes(), 0, toxic, 32 * i, 32);
    }
    BigInteger tau = x[0], alpha = x[1], beta = x[2], gamma = x[3], delta = x[4];
    DevSetupKey key = DevSetup.generate(build(constraints, variables, publics, terms), toxic);

    int n = DevSetup.domainSize(constraints, publics);
    assertEquals(n, key.domainSize());
    BigInteger[] l = lagrange.values(tau, n, 0, 1, constraints + publics + 1);
    BigInteger[][] abc = new BigInteger[3][variables];
    for (BigInteger[] row : abc) {
      Arrays.fill(row, BigInteger.ZERO);
    }
    for (Term t : terms) {
      int m = t.matrix().ordinal();
      abc[m][t.signal()] = abc[m][t.signal()].add(t.value().multiply(l[t.constraint()])).mod(R);
    }
    for (int s = 0; s <= publics; s++) {
      abc[0][s] = abc[0][s].add(l[constraints + s]).mod(R);
    }
    IntFunction<BigInteger> k =
        s -> beta.multiply(abc[0][s]).add(alpha.multiply(abc[1][s])).add(abc[2][s]).mod(R);
    BigInteger gammaInv = gamma.modInverse(R), deltaInv = delta.modInverse(R);
    List<BigInteger> ic = new ArrayList<>(), cs = new ArrayList<>();
    for (int s = 0; s < variables; s++) {
      (s <= publics ? ic : cs).add(k.apply(s).multiply(s <= publics ? gammaInv : deltaInv).mod(R));
    }

    assertArrayEquals(points(CurveGroup.G1, G1, List.of(alpha)), key.alpha1(), "alpha1");
    assertArrayEquals(points(CurveGroup.G1, G1, List.of(beta)), key.beta1(), "beta1");
    assertArrayEquals(points(CurveGroup.G2, G2, List.of(beta)), key.beta2(), "beta2");
    assertArrayEquals(points(CurveGroup.G2, G2, List.of(gamma)), key.gamma2(), "gamma2");
    assertArrayEquals(points(CurveGroup.G1, G1, List.of(delta)), key.delta1(), "delta1");
    assertArrayEquals(points(CurveGroup.G2, G2, List.of(delta)), key.delta2(), "delta2");
    assertArrayEquals(points(CurveGroup.G1, G1, ic), key.ic(), "IC");
    assertArrayEquals(points(CurveGroup.G1, G1, List.of(abc[0])), key.a(), "A");
    assertArrayEquals(points(CurveGroup.G1, G1, List.of(abc[1])), key.b1(), "B1");
    assertArrayEquals(points(CurveGroup.G2, G2, List.of(abc[1])), key.b2(), "B2");
    assertArrayEquals(points(CurveGroup.G1, G1, cs), key.c(), "C");
    hIndices.forEach(
        i -> {
          BigInteger h = lagrange.values(tau, 2 * n, 2 * i + 1, 2, 1)[0].multiply(deltaInv).mod(R);
          assertArrayEquals(
              points(CurveGroup.G1, G1, List.of(h)), Arrays.copyOfRange(key.h(), 64 * i, 64 * i + 64), "H " + i);
        });
  }

  /** [k_i] generator in the zkey layout, infinity for k_i = 0. */
  private static byte[] points(CurveGroup group, byte[] generator, List<BigInteger> scalars) {
    byte[] bases = new byte[generator.length * scalars.size()];
    byte[] packed = new byte[32 * scalars.size()];
    for (int i = 0; i < scalars.size(); i++) {
      System.arraycopy(generator, 0, bases, generator.length * i, generator.length);
      System.arraycopy(Fr.of(scalars.get(i)).toBytes(), 0, packed, 32 * i, 32);
    }
    return group.toSnarkjs(group.multiply(bases, packed));
  }

  private static ConstraintSystem build(int constraints, int variables, int publics, List<Term> terms) {
    ConstraintSystem.Builder b = ConstraintSystem.builder(constraints, variables, publics);
    terms.forEach(t -> b.term(t.matrix(), t.constraint(), t.signal(), Fr.of(t.value())));
    return b.build();
  }

  /** L_j(tau) for j = first + i·stride, i < count, over the m-th roots of unity. */
  private interface LagrangeReference {
    BigInteger[] values(BigInteger tau, int m, int first, int stride, int count);
  }

  /** ffjavascript's root: 5^((r - 1)/2^28) squared down to order m (src/f1field.js). */
  private static BigInteger root(int m) {
    BigInteger w = BigInteger.valueOf(5).modPow(R.subtract(BigInteger.ONE).shiftRight(28), R);
    for (int order = 1 << 28; order > m; order >>= 1) {
      w = w.multiply(w).mod(R);
    }
    assertEquals(BigInteger.ONE, w.modPow(BigInteger.valueOf(m), R));
    assertFalse(w.modPow(BigInteger.valueOf(m / 2), R).equals(BigInteger.ONE));
    return w;
  }

  /** From the definition: prod over j != k of (tau - w^j) / (w^k - w^j). */
  private static BigInteger[] lagrangeByProduct(BigInteger tau, int m, int first, int stride, int count) {
    BigInteger w = root(m);
    BigInteger[] out = new BigInteger[count];
    for (int i = 0; i < count; i++) {
      BigInteger wk = w.modPow(BigInteger.valueOf(first + (long) i * stride), R);
      BigInteger num = BigInteger.ONE, den = BigInteger.ONE;
      for (int j = 0; j < m; j++) {
        BigInteger wj = w.modPow(BigInteger.valueOf(j), R);
        if (!wj.equals(wk)) {
          num = num.multiply(tau.subtract(wj)).mod(R);
          den = den.multiply(wk.subtract(wj)).mod(R);
        }
      }
      out[i] = num.multiply(den.modInverse(R)).mod(R);
    }
    return out;
  }

  /** Closed form w^k (tau^m - 1) / (m (tau - w^k)), for domains too big for the product. */
  private static BigInteger[] lagrangeClosedForm(BigInteger tau, int m, int first, int stride, int count) {
    BigInteger w = root(m);
    BigInteger scale =
        tau.modPow(BigInteger.valueOf(m), R).subtract(BigInteger.ONE).multiply(BigInteger.valueOf(m).modInverse(R));
    BigInteger[] out = new BigInteger[count];
    for (int i = 0; i < count; i++) {
      BigInteger wk = w.modPow(BigInteger.valueOf(first + (long) i * stride), R);
      out[i] = wk.multiply(scale).multiply(tau.subtract(wk).modInverse(R)).mod(R);
    }
    return out;
  }

  private static BigInteger le(byte[] bytes) {
    byte[] be = new byte[33];
    for (int i = 0; i < 32; i++) {
      be[32 - i] = bytes[i];
    }
    return new BigInteger(be);
  }
}
