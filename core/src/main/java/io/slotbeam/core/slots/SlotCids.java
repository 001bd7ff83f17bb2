package io.slotbeam.core.slots;

import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.cid.Multicodec;
import io.slotbeam.core.cid.Multihash;
import io.slotbeam.core.field.Fr;

/**
 * The CIDs of slot roots and of the dataset (verify) root (spec datapath §5.6): CIDv1 with the
 * {@code codex-slot-root} or {@code codex-proving-root} codec and an identity multihash whose
 * digest is the root's LE32 bytes.
 */
public final class SlotCids {
  private SlotCids() {}

  public static Cid slotRoot(Fr root) {
    return Cid.of(Multicodec.CODEX_SLOT_ROOT, Multihash.of(Multicodec.IDENTITY, root.toBytes()));
  }

  public static Cid verifyRoot(Fr root) {
    return Cid.of(Multicodec.CODEX_PROVING_ROOT, Multihash.of(Multicodec.IDENTITY, root.toBytes()));
  }

  /** The root a slot-root or verify-root CID names; rejects other codecs and non-canonical bytes. */
  public static Fr root(Cid cid) {
    if (cid.contentCodec() != Multicodec.CODEX_SLOT_ROOT
        && cid.contentCodec() != Multicodec.CODEX_PROVING_ROOT) {
      throw new IllegalArgumentException(
          cid + " is a " + cid.contentCodec() + " CID, not a slot or verify root");
    }
    if (cid.multihash().codec() != Multicodec.IDENTITY) {
      throw new IllegalArgumentException(cid + " does not carry its root in an identity multihash");
    }
    return Fr.fromBytes(cid.multihash().digest());
  }
}
