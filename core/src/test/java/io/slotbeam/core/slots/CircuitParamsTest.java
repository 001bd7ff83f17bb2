package io.slotbeam.core.slots;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CircuitParamsTest {

  @Test
  void fullIsTheDeployedCodexCircuitAndSmallTheTestCircuit() {
    assertEquals(new CircuitParams(32, 8, 5, 67, 5), CircuitParams.FULL);
    assertEquals("32,8,5,67,5", CircuitParams.FULL.toString());
    assertEquals("8,3,5,67,2", CircuitParams.SMALL.toString());
  }

  @Test
  void parseReadsTheCliSyntaxBackFromToString() {
    assertEquals(CircuitParams.FULL, CircuitParams.parse("32,8,5,67,5"));
    assertEquals(CircuitParams.SMALL, CircuitParams.parse(CircuitParams.SMALL.toString()));
    assertEquals(CircuitParams.SMALL, CircuitParams.parse(" 8, 3 ,5,67 ,2 "));
  }

  @Test
  void parseRejectsTheWrongNumberOfPartsNamingTheText() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CircuitParams.parse("32,8,5,67"));
    assertTrue(e.getMessage().contains("'32,8,5,67'"), e.getMessage());
    assertTrue(e.getMessage().contains("maxDepth,maxLog2NSlots"), e.getMessage());
  }

  @Test
  void parseRejectsANonIntegerNamingItAndItsParameter() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CircuitParams.parse("32,eight,5,67,5"));
    assertTrue(e.getMessage().contains("'eight' (maxLog2NSlots)"), e.getMessage());
  }

  @Test
  void parseReportsAnInvalidCombinationWithTheText() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CircuitParams.parse("5,8,5,67,5"));
    assertTrue(e.getMessage().contains("'5,8,5,67,5'"), e.getMessage());
    assertTrue(e.getMessage().contains("blockTreeDepth 5"), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({
    "5, 8, 5, 67, 5, blockTreeDepth 5",
    "32, 8, 0, 67, 5, blockTreeDepth 0",
    "33, 8, 5, 67, 5, maxDepth 33",
    "32, 0, 5, 67, 5, maxLog2NSlots 0",
    "32, 8, 5, 0, 5, cellElements 0",
    "32, 8, 5, 67, 0, samples 0",
    "32, 8, 5, 67, -1, samples -1"
  })
  void constructorRejectsOutOfRangeValuesNamingThem(
      int maxDepth,
      int maxLog2NSlots,
      int blockTreeDepth,
      int cellElements,
      int samples,
      String named) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new CircuitParams(maxDepth, maxLog2NSlots, blockTreeDepth, cellElements, samples));
    assertTrue(e.getMessage().startsWith(named), e.getMessage());
  }

  @Test
  void derivedSizesFollowFromTheParameters() {
    assertEquals(32, CircuitParams.FULL.cellsPerBlock());
    assertEquals(256, CircuitParams.FULL.maxSlots());
    assertEquals(27, CircuitParams.FULL.maxSlotDepth());
    assertEquals(1L << 32, CircuitParams.FULL.maxCellsPerSlot());
    assertEquals(8, CircuitParams.SMALL.maxSlots());
    assertEquals(3, CircuitParams.SMALL.maxSlotDepth());
  }

  @Test
  void slotTreeDepthIsOneForASingleBlockSlot() {
    assertEquals(1, CircuitParams.FULL.slotTreeDepth(32));
    assertEquals(1, CircuitParams.FULL.slotTreeDepth(64));
    assertEquals(4, CircuitParams.FULL.slotTreeDepth(512));
    assertEquals(1, CircuitParams.FULL.datasetTreeDepth(1));
    assertEquals(4, CircuitParams.FULL.datasetTreeDepth(11));
    assertEquals(8, CircuitParams.FULL.datasetTreeDepth(256));
  }

  @Test
  void checkAcceptsDatasetsWithinTheLimits() {
    assertDoesNotThrow(() -> CircuitParams.FULL.check(512, 11));
    assertDoesNotThrow(() -> CircuitParams.FULL.check(32, 1));
    assertDoesNotThrow(() -> CircuitParams.FULL.check(1L << 32, 256));
    assertDoesNotThrow(() -> CircuitParams.SMALL.check(256, 8));
    assertDoesNotThrow(() -> CircuitParams.SMALL.check(32, 3));
  }

  @ParameterizedTest
  @CsvSource({
    "512, 257, nSlotsPerDataSet 257 exceeds the 256 slots of maxLog2NSlots 8",
    "512, 0, nSlotsPerDataSet 0 must be at least 1",
    "500, 11, nCellsPerSlot 500 is not a power of two",
    "0, 11, nCellsPerSlot 0 is not a power of two",
    "16, 11, nCellsPerSlot 16 is smaller than the 32 cells of one block",
    "8589934592, 11, nCellsPerSlot 8589934592 needs 33 path levels (5 block + 28 slot) but maxDepth"
        + " is 32"
  })
  void checkRejectsADatasetThatDoesNotFitTheFullCircuitNamingTheLimit(
      long nCells, long nSlots, String message) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> CircuitParams.FULL.check(nCells, nSlots));
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
  }

  @Test
  void smallCircuitTakesAtMostEightSlotsOfEightBlocks() {
    IllegalArgumentException slots =
        assertThrows(IllegalArgumentException.class, () -> CircuitParams.SMALL.check(512, 11));
    assertTrue(slots.getMessage().contains("exceeds the 8 slots"), slots.getMessage());
    IllegalArgumentException cells =
        assertThrows(IllegalArgumentException.class, () -> CircuitParams.SMALL.check(512, 3));
    assertTrue(
        cells.getMessage().contains("needs 9 path levels (5 block + 4 slot) but maxDepth is 8"),
        cells.getMessage());
  }
}
