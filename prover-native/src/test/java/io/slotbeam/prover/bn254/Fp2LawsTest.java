package io.slotbeam.prover.bn254;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Native Fp2 against the BigInteger reference, on every multiply path the CPU has. */
class Fp2LawsTest {
  private static final Reference.Field<Fp2> F = Reference.FP2;

  static List<Integer> paths() {
    return Dispatches.available();
  }

  @AfterEach
  void resetDispatch() {
    Dispatches.reset();
  }

  private static List<Fp2> elements(long seed, int n) {
    Random random = new Random(seed);
    List<Fp2> out = new ArrayList<>(List.of(Fp2.ZERO, F.of(1), new Fp2(BigInteger.ZERO, BigInteger.ONE),
        new Fp2(Reference.P.subtract(BigInteger.ONE), Reference.P.subtract(BigInteger.ONE))));
    while (out.size() < n) {
      out.add(new Fp2(new BigInteger(253, random), new BigInteger(253, random)));
    }
    return out;
  }

  @ParameterizedTest(name = "dispatch {0}")
  @MethodSource("paths")
  void operationsMatchTheReference(int mode) {
    Dispatches.use(mode);
    List<Fp2> a = elements(11, 500);
    List<Fp2> b = elements(12, 500);
    expect(FieldOp.ADD, a, b, F::add);
    expect(FieldOp.SUBTRACT, a, b, F::sub);
    expect(FieldOp.MULTIPLY, a, b, F::mul);
    expectUnary(FieldOp.SQUARE, a, x -> F.mul(x, x));
    expectUnary(FieldOp.INVERSE, a, F::inv);
    expectUnary(FieldOp.NEGATE, a, x -> F.sub(Fp2.ZERO, x));
    expectUnary(FieldOp.MONTGOMERY_ROUND_TRIP, a, x -> x);
  }

  @ParameterizedTest(name = "dispatch {0}")
  @MethodSource("paths")
  void inverseTimesElementIsOneAndMultiplicationDistributes(int mode) {
    Dispatches.use(mode);
    List<Fp2> a = elements(13, 300).subList(1, 300);
    List<Fp2> b = elements(14, 299);
    List<Fp2> c = elements(15, 299);
    List<Fp2> ones = NativeFp2.apply(FieldOp.MULTIPLY, a, NativeFp2.apply(FieldOp.INVERSE, a, List.of()));
    assertEquals(List.of(F.of(1)), ones.stream().distinct().toList());
    assertEquals(
        NativeFp2.apply(FieldOp.MULTIPLY, a, NativeFp2.apply(FieldOp.ADD, b, c)),
        NativeFp2.apply(FieldOp.ADD,
            NativeFp2.apply(FieldOp.MULTIPLY, a, b), NativeFp2.apply(FieldOp.MULTIPLY, a, c)));
  }

  private static void expect(FieldOp op, List<Fp2> a, List<Fp2> b, BinaryOperator<Fp2> reference) {
    List<Fp2> expected = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      expected.add(reference.apply(a.get(i), b.get(i)));
    }
    assertEquals(expected, NativeFp2.apply(op, a, b), op.name());
  }

  private static void expectUnary(FieldOp op, List<Fp2> a, UnaryOperator<Fp2> reference) {
    assertEquals(a.stream().map(reference).toList(), NativeFp2.apply(op, a, List.of()), op.name());
  }
}
