package io.slotbeam.core.erasure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SteppedLayoutTest {
  @Test
  void tenBlocksWithFourPlusTwoFollowTheSpecExample() {
    SteppedLayout layout = new SteppedLayout(10, 4, 2);
    assertEquals(12, layout.rounded());
    assertEquals(3, layout.steps());
    assertEquals(18, layout.total());
    assertArrayEquals(new long[] {0, 3, 6, 9}, layout.dataIndices(0));
    assertArrayEquals(new long[] {1, 4, 7, 10}, layout.dataIndices(1));
    assertEquals(12, layout.parityIndex(0, 0));
    assertEquals(15, layout.parityIndex(0, 1));
    assertEquals(17, layout.parityIndex(2, 1));
    assertArrayEquals(new long[] {2, 5, 8, 11, 14, 17}, layout.groupIndices(2));
    assertTrue(layout.isPadding(10));
    assertTrue(layout.isPadding(11));
    assertFalse(layout.isPadding(9));
    assertFalse(layout.isPadding(12));
  }

  @Test
  void workedExampleOfSpecSectionEightHasSixBlocks() {
    SteppedLayout layout = new SteppedLayout(3, 2, 1);
    assertEquals(4, layout.rounded());
    assertEquals(2, layout.steps());
    assertEquals(6, layout.total());
    assertArrayEquals(new long[] {0, 2}, layout.dataIndices(0));
    assertArrayEquals(new long[] {1, 3}, layout.dataIndices(1));
    assertEquals(4, layout.parityIndex(0, 0));
    assertEquals(5, layout.parityIndex(1, 0));
  }

  @Test
  void refusesDatasetsSmallerThanK() {
    var error = assertThrows(IllegalArgumentException.class, () -> new SteppedLayout(2, 3, 1));
    assertEquals(
        "dataset of 2 blocks is too small for K = 3: erasure coding needs at least K blocks",
        error.getMessage());
  }
}
