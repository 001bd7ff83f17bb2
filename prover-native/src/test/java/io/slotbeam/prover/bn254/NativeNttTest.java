package io.slotbeam.prover.bn254;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.slotbeam.core.field.Fr;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The native NTT against the O(n²) DFT in BigInteger on ffjavascript's roots of unity: w_28 =
 * 5^((r-1)/2^28) (node_modules/ffjavascript/src/wasm_field1.js: nqr = 5, w[s] = nqr^t), w_k =
 * w_28^(2^(28-k)).
 */
class NativeNttTest {
  private static final BigInteger R = Reference.R;

  private static BigInteger root(int logN) {
    BigInteger t = R.subtract(BigInteger.ONE).shiftRight(NativeNtt.MAX_LOG_SIZE);
    return BigInteger.valueOf(5).modPow(t, R).modPow(BigInteger.ONE.shiftLeft(NativeNtt.MAX_LOG_SIZE - logN), R);
  }

  private static List<Fr> dft(List<Fr> a, BigInteger w) {
    List<Fr> out = new ArrayList<>();
    for (int k = 0; k < a.size(); k++) {
      BigInteger sum = BigInteger.ZERO;
      BigInteger step = w.modPow(BigInteger.valueOf(k), R);
      BigInteger power = BigInteger.ONE;
      for (Fr x : a) {
        sum = sum.add(x.toBigInteger().multiply(power)).mod(R);
        power = power.multiply(step).mod(R);
      }
      out.add(Fr.of(sum));
    }
    return out;
  }

  private static List<Fr> random(int n, long seed) {
    Random random = new Random(seed);
    List<Fr> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(Fr.of(new BigInteger(254, random).mod(R)));
    }
    return out;
  }

  @ParameterizedTest(name = "n = 2^{0}")
  @ValueSource(ints = {0, 1, 2, 3, 5, 7})
  void forwardAndInverseAreTheDftOnTheDomain(int logN) {
    int n = 1 << logN;
    List<Fr> a = random(n, logN);
    BigInteger w = root(logN);
    assertEquals(dft(a, w), NativeNtt.forward(a));
    BigInteger nInverse = BigInteger.valueOf(n).modInverse(R);
    List<Fr> inverse = new ArrayList<>();
    for (Fr x : dft(a, w.modInverse(R))) {
      inverse.add(Fr.of(x.toBigInteger().multiply(nInverse).mod(R)));
    }
    assertEquals(inverse, NativeNtt.inverse(a));
  }

  @Test
  void theRootHasExactlyTheOrderOfTheDomain() {
    BigInteger w = root(NativeNtt.MAX_LOG_SIZE);
    assertEquals(R.subtract(BigInteger.ONE), w.modPow(BigInteger.ONE.shiftLeft(27), R));
  }

  @Test
  void inverseUndoesForwardOnALargerDomain() {
    List<Fr> a = random(1 << 12, 99);
    assertEquals(a, NativeNtt.inverse(NativeNtt.forward(a)));
  }

  @Test
  void sizesThatAreNotPowersOfTwoAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> NativeNtt.forward(Collections.nCopies(3, Fr.ONE)));
    assertThrows(IllegalArgumentException.class, () -> NativeNtt.forward(List.of()));
  }
}
