package io.slotbeam.node.validator;

import java.nio.ByteBuffer;
import java.util.OptionalInt;

/**
 * Which filled slots a validator watches (nim-codex {@code ValidationConfig}, spec node §8.5): at
 * most {@code maxSlots} of them (0: no limit), and with {@code groups} G set only those whose group
 * {@code uint64_be(slotId[0..7]) mod G} is {@code groupIndex}, so that G validators with indices 0
 * … G − 1 share the slot-id space. The checks and messages are nim-codex's ({@code
 * validationconfig.nim}); the range of G is its option type's.
 *
 * @param maxSlots slots watched at most ({@code --validator-max-slots}, default 1000)
 * @param groups how many groups the slot ids are split into ({@code --validator-groups}), in [2, 65535]
 * @param groupIndex this validator's group ({@code --validator-group-index}), in [0, groups); ignored
 *     without groups
 */
public record ValidationConfig(int maxSlots, OptionalInt groups, int groupIndex) {
  public static final int DEFAULT_MAX_SLOTS = 1000;
  public static final int MIN_GROUPS = 2;
  public static final int MAX_GROUPS = 65535;

  public ValidationConfig {
    if (maxSlots < 0) {
      throw new IllegalArgumentException(
          "The value of maxSlots must be greater than or equal to 0! (got: " + maxSlots + ")");
    }
    if (groups.isPresent() && (groups.getAsInt() < MIN_GROUPS || groups.getAsInt() > MAX_GROUPS)) {
      throw new IllegalArgumentException(
          "The value of validation groups must be in [" + MIN_GROUPS + ", " + MAX_GROUPS + "]! (got: groups = "
              + groups.getAsInt() + ")");
    }
    if (groupIndex < 0 || groupIndex > MAX_GROUPS) {
      throw new IllegalArgumentException(
          "The value of the group index must be in [0, " + MAX_GROUPS + "]! (got: groupIndex = " + groupIndex + ")");
    }
    if (groups.isPresent() && groupIndex >= groups.getAsInt()) {
      throw new IllegalArgumentException(
          "The value of the group index must be less than validation groups! (got: groupIndex = "
              + groupIndex + ", groups = " + groups.getAsInt() + ")");
    }
  }

  /** The group of {@code slotId}: its first 8 bytes as a big-endian unsigned integer, mod {@code groups}. */
  public static int groupOf(byte[] slotId, int groups) {
    return (int) Long.remainderUnsigned(ByteBuffer.wrap(slotId).getLong(0), groups);
  }

  /** Whether this validator watches the slot {@code slotId}. */
  public boolean watches(byte[] slotId) {
    return groups.isEmpty() || groupOf(slotId, groups.getAsInt()) == groupIndex;
  }

  /** Whether a validator already watching {@code watched} slots may take another. */
  public boolean hasRoomAfter(int watched) {
    return maxSlots == 0 || watched < maxSlots;
  }
}
