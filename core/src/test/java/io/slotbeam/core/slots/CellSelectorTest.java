package io.slotbeam.core.slots;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotbeam.core.field.Fr;
import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CellSelectorTest {
  /** Spec datapath §9.6: the upstream fixture's slot root (slot 3 of 11). */
  private static final Fr FIXTURE_SLOT_ROOT =
      Fr.parseDecimal(
          "20744935707483803411869804102043283881376973626291244537230284476834672019997");

  /** Spec datapath §8 step 3: slot 1 of the worked example. */
  private static final Fr WORKED_SLOT_1_ROOT =
      Fr.parseDecimal(
          "6206196100530153789861756224271226983549756470086462249067051200007792843055");

  private static byte[] counting() {
    byte[] challenge = new byte[32];
    for (int i = 0; i < challenge.length; i++) {
      challenge[i] = (byte) i;
    }
    return challenge;
  }

  @Test
  void entropyOfChallenge00To1fIsTheLittleEndianIntegerOfItsFirst31Bytes() {
    assertEquals(
        Fr.parseDecimal(
            "53206320320083115796502214552783413060461247639578808291150702859268522240"),
        CellSelector.entropy(counting()));
  }

  @Test
  void entropyIgnoresTheLastChallengeByte() {
    byte[] challenge = counting();
    challenge[31] = (byte) 0xff;
    assertEquals(CellSelector.entropy(counting()), CellSelector.entropy(challenge));
    challenge[30] = (byte) 0xff;
    assertNotEquals(CellSelector.entropy(counting()), CellSelector.entropy(challenge));
  }

  @Test
  void entropyOfAnAllOnesChallengeIs2To248MinusOne() {
    byte[] challenge = new byte[32];
    Arrays.fill(challenge, (byte) 0xff);
    assertEquals(
        Fr.of(BigInteger.ONE.shiftLeft(248).subtract(BigInteger.ONE)),
        CellSelector.entropy(challenge));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 31, 33})
  void entropyRejectsAChallengeThatIsNot32Bytes(int length) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CellSelector.entropy(new byte[length]));
    assertTrue(e.getMessage().contains(length + " bytes"), e.getMessage());
  }

  @Test
  void fixtureSamplesCells287_21_307_157_508() {
    assertArrayEquals(
        new long[] {287, 21, 307, 157, 508},
        CellSelector.cellIndices(Fr.of(1234567), FIXTURE_SLOT_ROOT, 512, 5));
  }

  @Test
  void workedExampleSlot1SamplesCells52_2_59_34_27() {
    Fr entropy = CellSelector.entropy(counting());
    assertArrayEquals(
        new long[] {52, 2, 59, 34, 27},
        CellSelector.cellIndices(entropy, WORKED_SLOT_1_ROOT, 64, 5));
  }

  @Test
  void cellIndexOfCounterKIsTheKthOfCellIndices() {
    long[] indices = CellSelector.cellIndices(Fr.of(1234567), FIXTURE_SLOT_ROOT, 512, 5);
    for (int counter = 1; counter <= 5; counter++) {
      assertEquals(
          indices[counter - 1],
          CellSelector.cellIndex(Fr.of(1234567), FIXTURE_SLOT_ROOT, 512, counter));
    }
  }

  @Test
  void fewerCellsKeepTheLowBitsOfTheSameHashes() {
    long[] wide = CellSelector.cellIndices(Fr.of(1234567), FIXTURE_SLOT_ROOT, 1L << 40, 5);
    long[] narrow = CellSelector.cellIndices(Fr.of(1234567), FIXTURE_SLOT_ROOT, 512, 5);
    for (int i = 0; i < 5; i++) {
      assertEquals(wide[i] & 511, narrow[i]);
    }
    assertArrayEquals(
        new long[] {0, 0, 0}, CellSelector.cellIndices(Fr.of(1234567), FIXTURE_SLOT_ROOT, 1, 3));
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 3, 500, -512})
  void cellIndicesRejectACellCountThatIsNotAPowerOfTwo(long nCells) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> CellSelector.cellIndices(Fr.of(1), Fr.of(2), nCells, 5));
    assertTrue(e.getMessage().contains("cell count " + nCells), e.getMessage());
  }
}
