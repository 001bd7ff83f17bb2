package io.slotbeam.core.indexing;

/**
 * The two indexing strategies and their codes in manifests ({@code nim-codex:
 * codex/indexingstrategy.nim}, spec datapath §6.6, §7.2): erasure groups are {@link #STEPPED},
 * slots are {@link #LINEAR}.
 */
public enum StrategyType {
  LINEAR(0),
  STEPPED(1);

  private final int code;

  StrategyType(int code) {
    this.code = code;
  }

  /** The value written in a manifest. */
  public int code() {
    return code;
  }

  /** The strategy with manifest code {@code code}; rejects any other value. */
  public static StrategyType fromCode(long code) {
    for (StrategyType type : values()) {
      if (type.code == code) {
        return type;
      }
    }
    throw new IllegalArgumentException(
        "indexing strategy " + code + " is not 0 (Linear) or 1 (Stepped)");
  }
}
