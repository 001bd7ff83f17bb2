package io.slotbeam.core.indexing;

import java.util.Arrays;
import java.util.stream.LongStream;

/**
 * Which indices of {@code [first, last]} iteration {@code i} visits (spec datapath §6.6, {@code
 * nim-codex: codex/indexingstrategy.nim}), with {@code step = divUp(last - first + 1, iterations)}:
 *
 * <ul>
 *   <li>{@link StrategyType#LINEAR Linear}: a run of {@code step} consecutive indices. Over 0..12
 *       in 3 iterations: {@code [0..4]}, {@code [5..9]}, {@code [10..12]}.
 *   <li>{@link StrategyType#STEPPED Stepped}: every {@code iterations}-th index from {@code first
 *       + i}. Over 0..12 in 3 iterations: {@code [0,3,6,9,12]}, {@code [1,4,7,10]}, {@code
 *       [2,5,8,11]}.
 * </ul>
 *
 * Then, for both, {@code padBlockCount} pad indices {@code last + (i + 1) + j·groupCount}.
 */
public record IndexingStrategy(
    StrategyType type, long first, long last, int iterations, long groupCount, int padBlockCount) {

  public IndexingStrategy {
    if (first > last) {
      throw new IllegalArgumentException(
          "indexing range first " + first + " is after last " + last);
    }
    if (iterations <= 0) {
      throw new IllegalArgumentException("indexing iterations " + iterations + " must be positive");
    }
    if (padBlockCount < 0) {
      throw new IllegalArgumentException(
          "pad block count " + padBlockCount + " must not be negative");
    }
    if (padBlockCount > 0 && groupCount <= 0) {
      throw new IllegalArgumentException(
          "pad block count " + padBlockCount + " needs a positive group count, got " + groupCount);
    }
  }

  public static IndexingStrategy linear(long first, long last, int iterations) {
    return new IndexingStrategy(StrategyType.LINEAR, first, last, iterations, 0, 0);
  }

  public static IndexingStrategy stepped(long first, long last, int iterations) {
    return new IndexingStrategy(StrategyType.STEPPED, first, last, iterations, 0, 0);
  }

  /** This strategy with {@code padBlockCount} pad indices per iteration, spaced by groupCount. */
  public IndexingStrategy withPadding(long groupCount, int padBlockCount) {
    return new IndexingStrategy(type, first, last, iterations, groupCount, padBlockCount);
  }

  /** Indices visited per iteration before padding (the last linear run may be shorter). */
  public long step() {
    return Math.floorDiv(last - first + 1 + iterations - 1, iterations);
  }

  /** The indices of iteration {@code i}, in order. */
  public long[] indices(int i) {
    if (i < 0 || i >= iterations) {
      throw new IndexOutOfBoundsException(
          "iteration " + i + " not in [0, " + iterations + ")");
    }
    LongStream visited =
        switch (type) {
          case LINEAR -> {
            long start = first + i * step();
            yield LongStream.rangeClosed(start, Math.min(start + step() - 1, last));
          }
          case STEPPED -> LongStream.iterate(first + i, k -> k <= last, k -> k + iterations);
        };
    LongStream pads = LongStream.range(0, padBlockCount).map(j -> last + (i + 1) + j * groupCount);
    return LongStream.concat(visited, pads).toArray();
  }

  @Override
  public String toString() {
    return type + "[" + first + ".." + last + ", " + iterations + " iterations"
        + (padBlockCount > 0 ? ", " + padBlockCount + " pads every " + groupCount : "") + "]";
  }

  /** The indices of every iteration, for tests and small layouts. */
  long[][] allIndices() {
    long[][] all = new long[iterations][];
    Arrays.setAll(all, this::indices);
    return all;
  }
}
