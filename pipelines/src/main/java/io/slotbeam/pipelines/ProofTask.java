package io.slotbeam.pipelines;

import io.slotbeam.core.field.Fr;
import io.slotbeam.core.slots.CellSelector;
import org.apache.beam.sdk.coders.Coder;

/**
 * One proof to make: a slot and the challenge of a period (period 0 in batch mode), the challenge
 * as 64 hex digits.
 */
record ProofTask(SlotTarget target, long period, String challenge) {
  static final Coder<ProofTask> CODER =
      RecordCoder.of(
          (t, out) -> {
            SlotTarget.CODER.encode(t.target(), out);
            out.writeLong(t.period());
            out.writeUTF(t.challenge());
          },
          in -> new ProofTask(SlotTarget.CODER.decode(in), in.readLong(), in.readUTF()));

  /** The entropy the slot is sampled with: the challenge's first 31 bytes. */
  Fr entropy() {
    return CellSelector.entropy(Challenges.parse(challenge));
  }
}
