package io.slotbeam.core.erasure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The buffer kernels: the scalar one against the field's own {@code mulLog}, symbol by symbol, and
 * the vector one against the scalar one, byte for byte, at offsets that are not 0.
 */
class LeopardKernelTest {
  private static final int LEN = 64 * 37;
  private static final int X_OFFSET = 64 * 3;
  private static final int Y_OFFSET = 64 * 5;

  private final Random random = new Random(77);

  private byte[] randomBytes(int size) {
    byte[] bytes = new byte[size];
    random.nextBytes(bytes);
    return bytes;
  }

  /** Logs to try: 0 (times one), the largest, and random ones. */
  private int[] logs(LeopardField field) {
    int[] logs = new int[12];
    logs[0] = 0;
    logs[1] = field.modulus() - 1;
    for (int i = 2; i < logs.length; i++) {
      logs[i] = random.nextInt(field.modulus());
    }
    return logs;
  }

  @Test
  void scalarMultiplyAddMatchesMulLogSymbolBySymbol() {
    for (LeopardField field : new LeopardField[] {LeopardField.ff8(), LeopardField.ff16()}) {
      for (int lm : logs(field)) {
        byte[] x = randomBytes(LEN);
        byte[] y = randomBytes(LEN);
        byte[] before = x.clone();
        ScalarBufferKernel.INSTANCE.mulAdd(x, 0, y, 0, LEN, SymbolMultiplier.forLog(field, lm));
        for (int s = 0; s < field.symbolCount(LEN); s++) {
          int expected = field.symbol(before, s) ^ field.mulLog(field.symbol(y, s), lm);
          assertEquals(expected, field.symbol(x, s), field + " log " + lm + " symbol " + s);
        }
      }
    }
  }

  @Test
  void multiplyingByTheZeroLogarithmIsSkipped() {
    assertNull(SymbolMultiplier.forLog(LeopardField.ff8(), 255));
    assertNull(SymbolMultiplier.forLog(LeopardField.ff16(), 65535));
  }

  private interface Operation {
    void apply(BufferKernel kernel, byte[] x, byte[] y, SymbolMultiplier c);
  }

  private void assertSameAsScalar(BufferKernel kernel, String name, Operation operation) {
    for (LeopardField field : new LeopardField[] {LeopardField.ff8(), LeopardField.ff16()}) {
      for (int lm : logs(field)) {
        SymbolMultiplier c = SymbolMultiplier.forLog(field, lm);
        byte[] x = randomBytes(X_OFFSET + LEN + 64);
        byte[] y = randomBytes(Y_OFFSET + LEN + 64);
        byte[] expectedX = x.clone();
        byte[] expectedY = y.clone();
        operation.apply(ScalarBufferKernel.INSTANCE, expectedX, expectedY, c);
        operation.apply(kernel, x, y, c);
        String where = kernel.name() + " " + name + " " + field + " log " + lm;
        assertArrayEquals(expectedX, x, where + " x");
        assertArrayEquals(expectedY, y, where + " y");
      }
    }
  }

  @Test
  void vectorMultiplyAddMatchesScalar() {
    assertSameAsScalar(
        VectorBufferKernel.INSTANCE,
        "mulAdd",
        (k, x, y, c) -> k.mulAdd(x, X_OFFSET, y, Y_OFFSET, LEN, c));
  }

  @Test
  void vectorIfftButterflyMatchesScalar() {
    assertSameAsScalar(
        VectorBufferKernel.INSTANCE,
        "ifft",
        (k, x, y, c) -> k.ifftButterfly(x, X_OFFSET, y, Y_OFFSET, LEN, c));
  }

  @Test
  void vectorFftButterflyMatchesScalar() {
    assertSameAsScalar(
        VectorBufferKernel.INSTANCE,
        "fft",
        (k, x, y, c) -> k.fftButterfly(x, X_OFFSET, y, Y_OFFSET, LEN, c));
  }

  @Test
  void vectorXorMatchesScalar() {
    assertSameAsScalar(
        VectorBufferKernel.INSTANCE, "xor", (k, x, y, c) -> k.xor(x, X_OFFSET, y, Y_OFFSET, LEN));
  }

  @Test
  void fastestKernelIsTheVectorOneWhereByteVectorsHaveAtLeast256Bits() {
    // Surefire runs with --add-modules=jdk.incubator.vector (root pom).
    assertTrue(io.slotbeam.core.field.VectorSupport.modulePresent());
    boolean wide = jdk.incubator.vector.ByteVector.SPECIES_PREFERRED.vectorBitSize() >= 256;
    assertEquals(
        wide ? "vector256" : "scalar",
        BufferKernel.fastest().name(),
        "preferred vector bits "
            + jdk.incubator.vector.ByteVector.SPECIES_PREFERRED.vectorBitSize());
  }
}
