package io.slotbeam.core.indexing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The upstream examples of {@code nim-codex: tests/codex/testindexingstrategy.nim} (spec §6.6). */
class IndexingStrategyTest {
  @Test
  void linearOverZeroToTwelveInThreeIterations() {
    assertArrayEquals(
        new long[][] {{0, 1, 2, 3, 4}, {5, 6, 7, 8, 9}, {10, 11, 12}},
        IndexingStrategy.linear(0, 12, 3).allIndices());
  }

  @Test
  void linearOverZeroToElevenInThreeIterations() {
    assertArrayEquals(
        new long[][] {{0, 1, 2, 3}, {4, 5, 6, 7}, {8, 9, 10, 11}},
        IndexingStrategy.linear(0, 11, 3).allIndices());
  }

  @Test
  void steppedOverZeroToTwelveInThreeIterations() {
    assertArrayEquals(
        new long[][] {{0, 3, 6, 9, 12}, {1, 4, 7, 10}, {2, 5, 8, 11}},
        IndexingStrategy.stepped(0, 12, 3).allIndices());
  }

  @Test
  void linearRunsMayBeEmptyAtTheEnd() {
    // 5 indices in 4 iterations: step 2, so the last iteration starts past the end.
    assertArrayEquals(
        new long[][] {{0, 1}, {2, 3}, {4}, {}}, IndexingStrategy.linear(0, 4, 4).allIndices());
  }

  @Test
  void padIndicesFollowTheLastIndexSpacedByGroupCount() {
    IndexingStrategy padded = IndexingStrategy.linear(0, 5, 3).withPadding(3, 2);
    assertArrayEquals(new long[] {0, 1, 6, 9}, padded.indices(0));
    assertArrayEquals(new long[] {4, 5, 8, 11}, padded.indices(2));
  }

  @Test
  void manifestCodesAreLinearZeroAndSteppedOne() {
    assertEquals(0, StrategyType.LINEAR.code());
    assertEquals(StrategyType.STEPPED, StrategyType.fromCode(1));
    assertThrows(IllegalArgumentException.class, () -> StrategyType.fromCode(2));
  }

  @Test
  void rejectsEachBadParameterWithItsOwnMessage() {
    assertEquals(
        "indexing range first 5 is after last 4",
        assertThrows(IllegalArgumentException.class, () -> IndexingStrategy.linear(5, 4, 1))
            .getMessage());
    assertEquals(
        "indexing iterations 0 must be positive",
        assertThrows(IllegalArgumentException.class, () -> IndexingStrategy.stepped(0, 4, 0))
            .getMessage());
    assertEquals(
        "pad block count -1 must not be negative",
        assertThrows(
                IllegalArgumentException.class,
                () -> IndexingStrategy.linear(0, 4, 1).withPadding(1, -1))
            .getMessage());
    assertEquals(
        "pad block count 2 needs a positive group count, got 0",
        assertThrows(
                IllegalArgumentException.class,
                () -> IndexingStrategy.linear(0, 4, 1).withPadding(0, 2))
            .getMessage());
    assertThrows(IndexOutOfBoundsException.class, () -> IndexingStrategy.linear(0, 4, 2).indices(2));
  }
}
