package io.slotbeam.core.erasure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** The code's coefficients, found by linearity (spec datapath §6.9, "Linearity shortcut"). */
class LeopardGeneratorMatrixTest {

  @Test
  void matchesTheSpecMatrixForFiveDataThreeParity() {
    GeneratorMatrix matrix = GeneratorMatrix.of(5, 3);
    assertSame(LeopardField.ff8(), matrix.field());
    assertArrayEquals(new int[] {13, 14, 11, 9, 14}, matrix.parityRow(0));
    assertArrayEquals(new int[] {14, 13, 9, 11, 11}, matrix.parityRow(1));
    assertArrayEquals(new int[] {11, 9, 13, 14, 13}, matrix.parityRow(2));
  }

  @Test
  void copyAndXorCodesHaveAllOnes() {
    GeneratorMatrix copy = GeneratorMatrix.of(1, 1);
    assertEquals(1, copy.coefficient(0, 0));
    GeneratorMatrix xor = GeneratorMatrix.of(7, 1);
    assertArrayEquals(new int[] {1, 1, 1, 1, 1, 1, 1}, xor.parityRow(0));
  }

  /** The FFT encoder and the matrix agree symbol by symbol, here in GF(2^16). */
  @Test
  void encoderOutputIsTheMatrixTimesTheDataInGf65536() {
    int k = 150;
    int m = 120;
    GeneratorMatrix matrix = GeneratorMatrix.of(k, m);
    LeopardField field = matrix.field();
    assertSame(LeopardField.ff16(), field);
    byte[][] data = Shards.random(k, 128, 9);
    byte[][] parity = LeopardEncoder.fastest().encode(data, m);
    for (int j = 0; j < m; j += 7) {
      for (int s = 0; s < field.symbolCount(128); s++) {
        int expected = 0;
        for (int i = 0; i < k; i++) {
          expected ^= field.multiply(matrix.coefficient(j, i), field.symbol(data[i], s));
        }
        assertEquals(expected, field.symbol(parity[j], s), "parity " + j + " symbol " + s);
      }
    }
  }
}
