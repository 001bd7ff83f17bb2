package io.slotbeam.core.erasure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Leopard's field tables against the check values of spec datapath §6.9, and the field laws. */
class LeopardFieldTest {
  private static final LeopardField FF8 = LeopardField.ff8();
  private static final LeopardField FF16 = LeopardField.ff16();

  private static int[] first(int count, java.util.function.IntUnaryOperator table) {
    int[] values = new int[count];
    for (int i = 0; i < count; i++) {
      values[i] = table.applyAsInt(i);
    }
    return values;
  }

  @Test
  void ff8LogTableStartsWithTheSpecCheckValues() {
    assertArrayEquals(new int[] {255, 0, 85, 170, 17, 68, 34, 136}, first(8, FF8::log));
  }

  @Test
  void ff8ExpTableStartsWithTheSpecCheckValues() {
    assertArrayEquals(new int[] {1, 104, 92, 100, 114, 240, 86, 18}, first(8, FF8::exp));
  }

  @Test
  void ff8SkewTableStartsWithTheSpecCheckValues() {
    assertArrayEquals(
        new int[] {255, 255, 85, 255, 17, 85, 34, 255, 153, 17, 102, 85, 51, 34, 187, 255},
        first(16, FF8::skew));
  }

  @Test
  void ff16SkewTableStartsWithTheSpecCheckValues() {
    assertArrayEquals(
        new int[] {
          65535, 65535, 21845, 65535, 17476, 21845, 34952, 65535, 56797, 17476, 30583, 21845, 48059,
          34952, 13107, 65535
        },
        first(16, FF16::skew));
  }

  @Test
  void logAndExpAreInverseBijectionsInBothFields() {
    for (LeopardField field : new LeopardField[] {FF8, FF16}) {
      boolean[] seen = new boolean[field.modulus() + 1];
      for (int a = 1; a <= field.modulus(); a++) {
        int log = field.log(a);
        assertEquals(a, field.exp(log), field + " exp(log(" + a + "))");
        assertFalse(seen[log], field + " log " + log + " taken twice");
        seen[log] = true;
      }
      assertEquals(field.modulus(), field.log(0), field + " log(0)");
      assertEquals(1, field.exp(0), field + " exp(0)");
      assertEquals(field.exp(0), field.exp(field.modulus()), field + " exp(modulus)");
    }
  }

  @Test
  void oneIsTheMultiplicativeIdentity() {
    assertEquals(0, FF8.log(1));
    assertEquals(0, FF16.log(1));
  }

  @Test
  void ff8MultiplicationIsAssociativeAndDistributesOverXorForAllElements() {
    for (int a = 0; a < 256; a++) {
      for (int b = 0; b < 256; b++) {
        int ab = FF8.multiply(a, b);
        assertEquals(ab, FF8.multiply(b, a));
        for (int c = 0; c < 256; c += 5) {
          assertEquals(FF8.multiply(ab, c), FF8.multiply(a, FF8.multiply(b, c)));
          assertEquals(ab ^ FF8.multiply(a, c), FF8.multiply(a, b ^ c));
        }
      }
    }
  }

  @Test
  void ff16MultiplicationFollowsTheFieldLawsOnRandomElements() {
    Random random = new Random(16);
    for (int round = 0; round < 200_000; round++) {
      int a = random.nextInt(65536);
      int b = random.nextInt(65536);
      int c = random.nextInt(65536);
      assertEquals(FF16.multiply(a, b), FF16.multiply(b, a));
      assertEquals(FF16.multiply(FF16.multiply(a, b), c), FF16.multiply(a, FF16.multiply(b, c)));
      assertEquals(FF16.multiply(a, b) ^ FF16.multiply(a, c), FF16.multiply(a, b ^ c));
    }
  }

  @Test
  void everyNonzeroElementTimesItsInverseIsOne() {
    for (int a = 1; a < 256; a++) {
      assertEquals(1, FF8.multiply(a, FF8.inverse(a)), "FF8 " + a);
    }
    for (int a = 1; a < 65536; a++) {
      assertEquals(1, FF16.multiply(a, FF16.inverse(a)), "FF16 " + a);
    }
    assertThrows(ArithmeticException.class, () -> FF8.inverse(0));
  }

  @Test
  void addModWrapsAtTheModulusAndMayReturnIt() {
    assertEquals(255, FF8.addMod(255, 0));
    assertEquals(255, FF8.addMod(200, 55));
    assertEquals(1, FF8.addMod(200, 56));
    assertEquals(1, FF8.addMod(255, 1));
    assertEquals(254, FF8.addMod(255, 254));
    assertEquals(65535, FF16.addMod(65000, 535));
    assertEquals(1, FF16.addMod(65000, 536));
  }

  @Test
  void picksFf8UpToAnFftOf256AndFf16Beyond() {
    assertSame(FF8, LeopardField.forCode(10, 4));
    assertSame(FF8, LeopardField.forCode(130, 2)); // nextPow2(2 + 130) = 256
    assertSame(FF8, LeopardField.forCode(128, 128));
    assertSame(FF16, LeopardField.forCode(129, 128));
    assertSame(FF16, LeopardField.forCode(200, 100));
    assertSame(FF8, LeopardField.forCode(5000, 1)); // XOR: every byte one symbol
  }

  @Test
  void ff16SymbolsSplitIntoLowAndHighHalvesOfEach64ByteChunk() {
    byte[] buffer = new byte[128];
    FF16.setSymbol(buffer, 33, 0xABCD);
    assertEquals((byte) 0xCD, buffer[64 + 1]);
    assertEquals((byte) 0xAB, buffer[64 + 32 + 1]);
    assertEquals(0xABCD, FF16.symbol(buffer, 33));
  }
}
