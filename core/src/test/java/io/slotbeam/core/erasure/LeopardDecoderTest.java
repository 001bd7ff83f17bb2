package io.slotbeam.core.erasure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Rebuilding lost shards: exhaustively for small codes, by random losses for large ones. */
class LeopardDecoderTest {
  private final LeopardDecoder decoder = LeopardDecoder.fastest();

  private static byte[][] group(byte[][] data, byte[][] parity) {
    byte[][] shards = new byte[data.length + parity.length][];
    System.arraycopy(data, 0, shards, 0, data.length);
    System.arraycopy(parity, 0, shards, data.length, parity.length);
    return shards;
  }

  private static void assertRebuilds(
      LeopardDecoder decoder, byte[][] full, int k, int m, int lostMask) {
    byte[][] shards = new byte[full.length][];
    for (int i = 0; i < shards.length; i++) {
      shards[i] = (lostMask >>> i & 1) != 0 ? null : full[i].clone();
    }
    decoder.reconstruct(shards, k, m);
    for (int i = 0; i < shards.length; i++) {
      assertArrayEquals(
          full[i],
          shards[i],
          "K=" + k + " M=" + m + " lost " + Integer.toBinaryString(lostMask) + " shard " + i);
    }
  }

  @Test
  void rebuildsEveryAllowedLossForEverySmallCode() {
    int cases = 0;
    for (int k = 1; k <= 5; k++) {
      for (int m = 0; m <= k; m++) {
        byte[][] data = Shards.random(k, 128, 100 * k + m);
        byte[][] full = group(data, LeopardEncoder.scalar().encode(data, m));
        for (int mask = 0; mask < 1 << (k + m); mask++) {
          if (Integer.bitCount(mask) <= m) {
            assertRebuilds(decoder, full, k, m, mask);
            cases++;
          }
        }
      }
    }
    assertEquals(1364, cases); // Σ over K ≤ 5, M ≤ K, s ≤ M of C(K + M, s)
  }

  @Test
  void scalarDecoderRebuildsTheSameAsTheFastOne() {
    LeopardDecoder scalar = new LeopardDecoder(LeopardEncoder.scalar());
    byte[][] data = Shards.random(5, 192, 5);
    byte[][] full = group(data, LeopardEncoder.scalar().encode(data, 4));
    for (int mask = 0; mask < 1 << 9; mask++) {
      if (Integer.bitCount(mask) <= 4) {
        assertRebuilds(scalar, full, 5, 4, mask);
      }
    }
  }

  private static void assertRebuildsRandomLosses(
      LeopardDecoder decoder, int k, int m, int bytes, int trials, long seed) {
    Random random = new Random(seed);
    byte[][] data = Shards.random(k, bytes, seed);
    byte[][] full = group(data, LeopardEncoder.fastest().encode(data, m));
    List<Integer> indices = new ArrayList<>();
    for (int i = 0; i < k + m; i++) {
      indices.add(i);
    }
    for (int trial = 0; trial < trials; trial++) {
      Collections.shuffle(indices, random);
      int lost = trial == 0 ? m : 1 + random.nextInt(m);
      byte[][] shards = new byte[k + m][];
      for (int i = 0; i < k + m; i++) {
        shards[i] = full[i].clone();
      }
      for (int i = 0; i < lost; i++) {
        shards[indices.get(i)] = null;
      }
      decoder.reconstruct(shards, k, m);
      for (int i = 0; i < k + m; i++) {
        assertArrayEquals(
            full[i], shards[i], "K=" + k + " M=" + m + " trial " + trial + " shard " + i);
      }
    }
  }

  @Test
  void rebuildsRandomLossesOfUpTo16Of48Shards() {
    assertRebuildsRandomLosses(decoder, 32, 16, 64 * 8, 30, 48);
  }

  @Test
  void rebuildsRandomLossesOfUpTo100Of300ShardsInGf65536() {
    assertRebuildsRandomLosses(decoder, 200, 100, 128, 4, 300);
  }

  @Test
  void rebuildsAllParityWhenOnlyDataRemains() {
    byte[][] data = Shards.random(6, 64, 6);
    byte[][] full = group(data, LeopardEncoder.fastest().encode(data, 3));
    assertRebuilds(decoder, full, 6, 3, 0b111_000000);
  }

  @Test
  void leavesPresentShardsUntouched() {
    byte[][] data = Shards.random(4, 64, 7);
    byte[][] shards = group(data, LeopardEncoder.fastest().encode(data, 2));
    byte[] kept = shards[3];
    shards[0] = null;
    decoder.reconstruct(shards, 4, 2);
    assertSame(kept, shards[3]);
  }

  @Test
  void rejectsMoreLossesThanParityNamingHowManyArePresent() {
    byte[][] data = Shards.random(4, 64, 8);
    byte[][] shards = group(data, LeopardEncoder.fastest().encode(data, 3));
    shards[0] = null;
    shards[2] = null;
    shards[4] = null;
    shards[6] = null;
    TooFewShardsException e =
        assertThrows(TooFewShardsException.class, () -> decoder.reconstruct(shards, 4, 3));
    assertEquals("only 3 of 7 shards present (k = 4, m = 3); need at least 4", e.getMessage());
  }

  @Test
  void rejectsAShardArrayOfTheWrongSize() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> decoder.reconstruct(new byte[][] {new byte[64], new byte[64]}, 2, 1));
    assertEquals("shards has 2 entries, expected k + m = 2 + 1", e.getMessage());
  }

  @Test
  void rejectsShardsOfDifferentLengths() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> decoder.reconstruct(new byte[][] {new byte[64], null, new byte[128]}, 2, 1));
    assertEquals("shard 2 has 128 bytes, the first present one has 64", e.getMessage());
  }
}
