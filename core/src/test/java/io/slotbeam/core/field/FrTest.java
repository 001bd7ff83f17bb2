package io.slotbeam.core.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrTest {
  private static final BigInteger R = FrMontgomery.MODULUS;

  @Test
  void bytesAreCanonicalLittleEndian() {
    Fr value = Fr.of(0x0102);
    byte[] bytes = value.toBytes();
    assertEquals(32, bytes.length);
    assertEquals(0x02, bytes[0]);
    assertEquals(0x01, bytes[1]);
    assertEquals(value, Fr.fromBytes(bytes));
  }

  @Test
  void bytesAndDecimalRoundTripOnRandomValues() {
    Random random = new Random(7);
    for (int i = 0; i < 200; i++) {
      BigInteger integer = new BigInteger(254, random).mod(R);
      Fr value = Fr.of(integer);
      assertEquals(integer, value.toBigInteger());
      assertEquals(value, Fr.fromBytes(value.toBytes()));
      assertEquals(value, Fr.parseDecimal(integer.toString()));
    }
  }

  @Test
  void acceptsLargestCanonicalValue() {
    BigInteger largest = R.subtract(BigInteger.ONE);
    assertEquals(largest, Fr.fromBytes(littleEndian(largest)).toBigInteger());
  }

  @Test
  void rejectsBytesEqualToModulus() {
    var error =
        assertThrows(NonCanonicalFieldElementException.class, () -> Fr.fromBytes(littleEndian(R)));
    assertTrue(error.getMessage().contains(R.toString()), error.getMessage());
  }

  @Test
  void rejectsBytesAboveModulusInTopLimb() {
    byte[] bytes = new byte[32];
    bytes[31] = (byte) 0xff;
    assertThrows(NonCanonicalFieldElementException.class, () -> Fr.fromBytes(bytes));
  }

  @Test
  void rejectsWrongByteLength() {
    var error =
        assertThrows(NonCanonicalFieldElementException.class, () -> Fr.fromBytes(new byte[31]));
    assertTrue(error.getMessage().contains("31 bytes"), error.getMessage());
  }

  @Test
  void rejectsDecimalAtOrAboveModulusAndGarbage() {
    assertThrows(NonCanonicalFieldElementException.class, () -> Fr.parseDecimal(R.toString()));
    assertThrows(NonCanonicalFieldElementException.class, () -> Fr.parseDecimal("-1"));
    assertThrows(NonCanonicalFieldElementException.class, () -> Fr.parseDecimal("12a"));
  }

  @Test
  void thirtyOneBytesAreAlwaysValid() {
    byte[] bytes = new byte[40];
    java.util.Arrays.fill(bytes, (byte) 0xff);
    Fr value = Fr.fromBytes31(bytes, 3, 31);
    assertEquals(BigInteger.ONE.shiftLeft(248).subtract(BigInteger.ONE), value.toBigInteger());
    assertEquals(BigInteger.valueOf(0xffff), Fr.fromBytes31(bytes, 0, 2).toBigInteger());
  }

  @Test
  void arithmeticFollowsFieldLaws() {
    Random random = new Random(11);
    for (int i = 0; i < 100; i++) {
      Fr a = Fr.of(new BigInteger(254, random).mod(R));
      Fr b = Fr.of(new BigInteger(254, random).mod(R));
      Fr c = Fr.of(new BigInteger(254, random).mod(R));
      assertEquals(a.multiply(b.add(c)), a.multiply(b).add(a.multiply(c)), "distributive");
      assertEquals(a.multiply(b), b.multiply(a), "commutative");
      assertEquals(Fr.ZERO, a.add(a.negate()), "additive inverse");
      assertEquals(a, a.multiply(Fr.ONE), "multiplicative identity");
      assertEquals(a.subtract(b).add(b), a, "subtraction undoes addition");
    }
  }

  @Test
  void lowBitsAreThoseOfTheCanonicalInteger() {
    BigInteger integer = R.subtract(BigInteger.valueOf(2));
    assertEquals(integer.longValue(), Fr.of(integer).lowBits());
  }

  private static byte[] littleEndian(BigInteger value) {
    byte[] out = new byte[32];
    byte[] bigEndian = value.toByteArray();
    for (int i = 0; i < bigEndian.length && i < 32; i++) {
      out[i] = bigEndian[bigEndian.length - 1 - i];
    }
    return out;
  }
}
