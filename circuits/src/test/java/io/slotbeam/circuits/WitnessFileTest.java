package io.slotbeam.circuits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotbeam.circuits.WitnessException.Reason;
import io.slotbeam.core.field.Fr;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code .wtns} layout, written and read. */
class WitnessFileTest {
  private static final Witness THREE =
      Witness.of(
          List.of(Fr.ONE, Fr.of(33), Fr.of(WitnessCalculatorTest.R.subtract(BigInteger.ONE))));

  @Test
  void layoutIsSnarkjs() {
    byte[] bytes = WitnessFile.toBytes(THREE);
    assertEquals(12 + 12 + 40 + 12 + 3 * 32, bytes.length);
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals("wtns", new String(bytes, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
    assertEquals(2, b.getInt(4));
    assertEquals(2, b.getInt(8));
    assertEquals(1, b.getInt(12));
    assertEquals(40, b.getLong(16));
    assertEquals(32, b.getInt(24));
    assertEquals(3, b.getInt(60));
    assertEquals(2, b.getInt(64));
    assertEquals(96, b.getLong(68));
    assertArrayEquals(Fr.of(33).toBytes(), Arrays.copyOfRange(bytes, 76 + 32, 76 + 64));
  }

  @Test
  void readsWhatItWritesAndWhatSnarkjsWrites() throws IOException {
    assertEquals(THREE, WitnessFile.fromBytes(WitnessFile.toBytes(THREE)));
    Path file = WitnessCircuits.work().resolve("three.wtns");
    WitnessFile.write(file, THREE);
    assertEquals(THREE, WitnessFile.read(file));

    byte[] snarkjs =
        WitnessCircuits.snarkjs(
            WitnessCircuits.wasm(WitnessCircuits.TINY), WitnessCalculatorTest.SMALL_JSON);
    Witness read = WitnessFile.fromBytes(snarkjs);
    assertEquals(26, read.size());
    assertEquals(Fr.of(33), read.get(1));
    assertArrayEquals(snarkjs, WitnessFile.toBytes(read));
  }

  @Test
  void acceptsSectionsInAnyOrder() {
    byte[] bytes = WitnessFile.toBytes(THREE);
    byte[] swapped = new byte[bytes.length];
    System.arraycopy(bytes, 0, swapped, 0, 12);
    System.arraycopy(bytes, 64, swapped, 12, bytes.length - 64); // section 2 first
    System.arraycopy(bytes, 12, swapped, 12 + bytes.length - 64, 52);
    assertEquals(THREE, WitnessFile.fromBytes(swapped));
  }

  @Test
  void rejectsWhatIsNotABn254Wtns() {
    byte[] good = WitnessFile.toBytes(THREE);
    assertBad(Arrays.copyOf(good, 8), "shorter than the wtns header");
    assertBad(set(good, 0, (byte) 'x'), "magic");
    assertBad(set(good, 4, (byte) 3), "version 3");
    assertBad(Arrays.copyOf(good, good.length - 1), "section 2 overruns the file");
    assertBad(set(good, 28, (byte) 0), "is not BN254 r"); // prime's lowest byte
    assertBad(set(good, 60, (byte) 4), "section 2 has 96 bytes for 4 values");
    byte[] tooBig = good.clone();
    System.arraycopy(good, 28, tooBig, 76 + 64, 32); // third value := r
    assertBad(tooBig, "value 2 is not below r");
    byte[] oneSection = Arrays.copyOf(good, 64);
    oneSection[8] = 1;
    assertBad(oneSection, "section 2 is missing");
  }

  private static void assertBad(byte[] bytes, String why) {
    WitnessException e = assertThrows(WitnessException.class, () -> WitnessFile.fromBytes(bytes));
    assertEquals(Reason.BAD_WTNS, e.reason());
    assertTrue(e.getMessage().contains(why), e.getMessage());
  }

  private static byte[] set(byte[] bytes, int at, byte value) {
    byte[] out = bytes.clone();
    out[at] = value;
    return out;
  }
}
