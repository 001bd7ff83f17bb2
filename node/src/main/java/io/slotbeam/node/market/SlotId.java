package io.slotbeam.node.market;

/** A slot's id, {@link RequestId#slotId(long)} (spec node §5.2). */
public final class SlotId extends Bytes32 {
  public SlotId(byte[] bytes) {
    super(bytes, "slot id");
  }

  public static SlotId fromHex(String hex) {
    return new SlotId(parseHex(hex, "slot id"));
  }
}
