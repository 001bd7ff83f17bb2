package io.slotbeam.pipelines;

import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.cid.InvalidCidException;
import org.apache.beam.sdk.coders.Coder;

/**
 * One slot to prove: slot {@code slot} of the verifiable dataset whose manifest is {@code dataset}
 * (a CID in its text form, so that the record compares and encodes simply).
 */
record SlotTarget(String dataset, int slot) {
  static final Coder<SlotTarget> CODER =
      RecordCoder.of(
          (t, out) -> {
            out.writeUTF(t.dataset());
            out.writeInt(t.slot());
          },
          in -> new SlotTarget(in.readUTF(), in.readInt()));

  /**
   * {@code CID:SLOT} or {@code CID SLOT} (a line of a slot list), checked: a CID that parses and a
   * slot index from 0; the message names {@code where} (e.g. "line 3 of slots.txt").
   */
  static SlotTarget parse(String text, String where) {
    String[] parts = text.trim().split("[:\\s]+");
    if (parts.length != 2) {
      throw new IllegalArgumentException(
          where + ": '" + text + "' is not a manifest CID and a slot index (CID:SLOT or CID SLOT)");
    }
    Cid cid;
    try {
      cid = Cid.parse(parts[0]);
    } catch (InvalidCidException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
    int slot;
    try {
      slot = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      slot = -1;
    }
    if (slot < 0) {
      throw new IllegalArgumentException(where + ": slot '" + parts[1] + "' is not an index from 0");
    }
    return new SlotTarget(cid.toString(), slot);
  }

  @Override
  public String toString() {
    return dataset + ":" + slot;
  }
}
