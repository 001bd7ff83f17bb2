package io.slotbeam.prover.bn254;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.slotbeam.core.field.NonCanonicalFieldElementException;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bad input gives a Java exception naming the value and the rule, and the C side, called
 * directly past the Java checks, answers with a status instead of crashing.
 */
class BadInputTest {
  private final SlotbeamLibrary lib = SlotbeamNative.library();

  @Test
  void javaRejectsAnElementNotBelowTheModulus() {
    BigInteger p = NativeField.FP.modulus();
    NonCanonicalFieldElementException e =
        assertThrows(
            NonCanonicalFieldElementException.class,
            () -> NativeField.FP.apply(FieldOp.ADD, List.of(BigInteger.ONE), List.of(p)));
    assertEquals("FP operand b 0 = " + p + " is not in [0, " + p + ")", e.getMessage());
  }

  @Test
  void javaRejectsMismatchedOperandCounts() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> NativeField.FR.apply(FieldOp.MULTIPLY, List.of(BigInteger.ONE), List.of()));
    assertEquals("MULTIPLY takes 1 second operands but got 0", e.getMessage());
  }

  @Test
  void cRejectsWrongLengthsNullsAndUnknownOperations() {
    byte[] a = new byte[64];
    byte[] out = new byte[64];
    assertEquals(NativeStatus.LENGTH, lib.sb_field_op(1, 0, a, 64, a, 32, out, 64));
    assertEquals(NativeStatus.LENGTH, lib.sb_field_op(1, 0, a, 63, a, 63, out, 63));
    assertEquals(NativeStatus.NULL, lib.sb_field_op(1, 0, a, 64, null, 64, out, 64));
    assertEquals(NativeStatus.ARGUMENT, lib.sb_field_op(7, 0, a, 64, a, 64, out, 64));
    assertEquals(NativeStatus.ARGUMENT, lib.sb_field_op(1, 99, a, 64, a, 64, out, 64));
    assertEquals(NativeStatus.ARGUMENT, lib.sb_set_dispatch(42));
    assertEquals(NativeStatus.ARGUMENT, lib.sb_block_root(a, 64, 0, out, 32));
    assertEquals(NativeStatus.LENGTH, lib.sb_block_root(a, 64, 32, out, 31));
    assertEquals(NativeStatus.LENGTH, lib.sb_block_roots(a, 64, 48, 16, out, 32));
    assertEquals(NativeStatus.ARGUMENT, lib.sb_poseidon2_sponge(3, a, 64, out, 32));
    assertEquals(NativeStatus.ARGUMENT, lib.sb_poseidon2_merkle_root(a, 0, out, 32));
  }

  @Test
  void cRejectsNonCanonicalIntegers() {
    byte[] ones = new byte[32];
    java.util.Arrays.fill(ones, (byte) 0xff);
    byte[] out = new byte[32];
    assertEquals(NativeStatus.NONCANONICAL, lib.sb_field_op(0, 3, ones, 32, null, 0, out, 32));
    assertEquals(NativeStatus.NONCANONICAL, lib.sb_poseidon2_sponge(2, ones, 32, out, 32));
    byte[] point = new byte[64];
    System.arraycopy(ones, 0, point, 0, 32);
    assertEquals(NativeStatus.NONCANONICAL, lib.sb_g1_convert(1, point, 64, new byte[64], 64));
  }
}
