package io.slotbeam.node.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ValidationConfigTest {
  @Test
  void rejectsNegativeMaxSlotsWithNimCodexsMessage() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new ValidationConfig(-1, OptionalInt.empty(), 0));
    assertEquals("The value of maxSlots must be greater than or equal to 0! (got: -1)", e.getMessage());
  }

  @Test
  void rejectsGroupIndexNotBelowGroupsWithNimCodexsMessage() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new ValidationConfig(10, OptionalInt.of(4), 4));
    assertEquals(
        "The value of the group index must be less than validation groups! (got: groupIndex = 4, groups = 4)",
        e.getMessage());
  }

  @Test
  void rejectsGroupsOutsideTwoTo65535() {
    assertEquals(
        "The value of validation groups must be in [2, 65535]! (got: groups = 1)",
        assertThrows(IllegalArgumentException.class, () -> new ValidationConfig(0, OptionalInt.of(1), 0)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> new ValidationConfig(0, OptionalInt.of(65536), 0));
    assertThrows(IllegalArgumentException.class, () -> new ValidationConfig(0, OptionalInt.empty(), 65536));
    new ValidationConfig(0, OptionalInt.of(65535), 65534);
  }

  @Test
  void groupIsTheFirstEightBytesBigEndianModGroupsLikeBigInteger() {
    Random random = new Random(7);
    for (int trial = 0; trial < 1000; trial++) {
      byte[] slotId = new byte[32];
      random.nextBytes(slotId);
      int groups = 2 + random.nextInt(65534);
      BigInteger first8 = new BigInteger(1, Arrays.copyOf(slotId, 8));
      assertEquals(first8.mod(BigInteger.valueOf(groups)).intValue(), ValidationConfig.groupOf(slotId, groups));
    }
  }

  @Test
  void groupOfAnIdWithTheTopBitSetIsUnsigned() {
    byte[] slotId = new byte[32];
    Arrays.fill(slotId, 0, 8, (byte) 0xff); // 2^64 − 1 = 3 · 5 · 17 · 257 · 641 · 65537 · 6700417
    assertEquals(0, ValidationConfig.groupOf(slotId, 3));
    assertEquals(15, ValidationConfig.groupOf(slotId, 16));
  }

  @Test
  void withoutGroupsEverySlotIsWatchedAndMaxSlotsZeroMeansNoLimit() {
    ValidationConfig all = new ValidationConfig(0, OptionalInt.empty(), 5);
    assertTrue(all.watches(new byte[32]));
    assertTrue(all.hasRoomAfter(1_000_000));
    ValidationConfig two = new ValidationConfig(2, OptionalInt.of(2), 1);
    assertTrue(two.hasRoomAfter(1));
    assertFalse(two.hasRoomAfter(2));
    assertFalse(two.watches(new byte[32]));
  }
}
