package io.slotbeam.prover.bn254;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Native Fp and Fr against BigInteger, on every multiply path the CPU has. */
class FieldLawsTest {
  private static final int N = 2000;

  static Stream<Arguments> fieldsAndPaths() {
    return Stream.of(NativeField.values())
        .flatMap(f -> Dispatches.available().stream().map(mode -> Arguments.of(f, mode)));
  }

  @AfterEach
  void resetDispatch() {
    Dispatches.reset();
  }

  /** Random elements plus the edge values 0, 1, p - 1, p - 2. */
  private static List<BigInteger> elements(NativeField field, long seed) {
    Random random = new Random(seed);
    BigInteger p = field.modulus();
    List<BigInteger> out = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE,
        p.subtract(BigInteger.ONE), p.subtract(BigInteger.TWO)));
    while (out.size() < N) {
      BigInteger x = new BigInteger(p.bitLength(), random);
      if (x.compareTo(p) < 0) {
        out.add(x);
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0}, dispatch {1}")
  @MethodSource("fieldsAndPaths")
  void binaryOperationsMatchBigInteger(NativeField field, int mode) {
    Dispatches.use(mode);
    BigInteger p = field.modulus();
    List<BigInteger> a = elements(field, 1);
    List<BigInteger> b = elements(field, 2);
    expect(field, FieldOp.ADD, a, b, (x, y) -> x.add(y).mod(p));
    expect(field, FieldOp.SUBTRACT, a, b, (x, y) -> x.subtract(y).mod(p));
    expect(field, FieldOp.MULTIPLY, a, b, (x, y) -> x.multiply(y).mod(p));
  }

  @ParameterizedTest(name = "{0}, dispatch {1}")
  @MethodSource("fieldsAndPaths")
  void unaryOperationsMatchBigInteger(NativeField field, int mode) {
    Dispatches.use(mode);
    BigInteger p = field.modulus();
    List<BigInteger> a = elements(field, 3);
    expectUnary(field, FieldOp.SQUARE, a, x -> x.multiply(x).mod(p));
    expectUnary(field, FieldOp.NEGATE, a, x -> x.negate().mod(p));
    expectUnary(field, FieldOp.INVERSE, a, x -> x.signum() == 0 ? x : x.modInverse(p));
    expectUnary(field, FieldOp.MONTGOMERY_ROUND_TRIP, a, x -> x);
  }

  @ParameterizedTest(name = "{0}, dispatch {1}")
  @MethodSource("fieldsAndPaths")
  void multiplicationIsAssociativeAndDistributesOverAddition(NativeField field, int mode) {
    Dispatches.use(mode);
    List<BigInteger> a = elements(field, 4);
    List<BigInteger> b = elements(field, 5);
    List<BigInteger> c = elements(field, 6);
    assertEquals(
        mul(field, mul(field, a, b), c), mul(field, a, mul(field, b, c)), "(ab)c = a(bc)");
    assertEquals(
        mul(field, a, field.apply(FieldOp.ADD, b, c)),
        field.apply(FieldOp.ADD, mul(field, a, b), mul(field, a, c)),
        "a(b + c) = ab + ac");
    List<BigInteger> ones =
        mul(field, a.subList(1, N), field.apply(FieldOp.INVERSE, a.subList(1, N), List.of()));
    assertEquals(List.of(BigInteger.ONE), ones.stream().distinct().toList(), "a · a^-1 = 1");
  }

  @ParameterizedTest(name = "dispatch {0}")
  @MethodSource("paths")
  void multiplyChainIsRepeatedMultiplication(int mode) {
    Dispatches.use(mode);
    BigInteger p = NativeField.FR.modulus();
    BigInteger a = new BigInteger("123456789123456789123456789");
    BigInteger b = p.subtract(BigInteger.valueOf(7));
    assertEquals(
        a.multiply(b.modPow(BigInteger.valueOf(1000), p)).mod(p),
        NativeField.frMultiplyChain(a, b, 1000));
  }

  static Stream<Integer> paths() {
    return Dispatches.available().stream();
  }

  private static List<BigInteger> mul(NativeField f, List<BigInteger> a, List<BigInteger> b) {
    return f.apply(FieldOp.MULTIPLY, a, b);
  }

  private static void expect(NativeField f, FieldOp op, List<BigInteger> a, List<BigInteger> b,
      BinaryOperator<BigInteger> reference) {
    List<BigInteger> expected = new ArrayList<>(a.size());
    for (int i = 0; i < a.size(); i++) {
      expected.add(reference.apply(a.get(i), b.get(i)));
    }
    assertEquals(expected, f.apply(op, a, b), f + " " + op);
  }

  private static void expectUnary(NativeField f, FieldOp op, List<BigInteger> a,
      UnaryOperator<BigInteger> reference) {
    assertEquals(a.stream().map(reference).toList(), f.apply(op, a, List.of()), f + " " + op);
  }
}
