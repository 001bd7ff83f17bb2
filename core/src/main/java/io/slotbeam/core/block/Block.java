package io.slotbeam.core.block;

import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.cid.Multicodec;
import io.slotbeam.core.cid.Multihash;
import java.nio.ByteBuffer;

/**
 * A data or parity block and its CID: CIDv1, {@code codex-block}, sha2-256 of the full (padded)
 * bytes (spec datapath §1.3, {@code nim-codex: codex/blocktype.nim}). Immutable: the bytes are
 * copied in and only handed out read-only or as copies.
 */
public final class Block {
  private final Cid cid;
  private final byte[] data;

  private Block(Cid cid, byte[] data) {
    this.cid = cid;
    this.data = data;
  }

  /** The block of {@code data} (copied), with its CID computed. */
  public static Block of(byte[] data) {
    return wrap(data.clone());
  }

  /** Takes ownership of {@code data}: the caller must not change it afterwards. */
  static Block wrap(byte[] data) {
    return new Block(Cid.of(Multicodec.CODEX_BLOCK, Multihash.sha256(data)), data);
  }

  public Cid cid() {
    return cid;
  }

  public int size() {
    return data.length;
  }

  /** A copy of the bytes. */
  public byte[] data() {
    return data.clone();
  }

  /** The bytes, read-only and without a copy. */
  public ByteBuffer buffer() {
    return ByteBuffer.wrap(data).asReadOnlyBuffer();
  }

  @Override
  public String toString() {
    return "Block[" + cid + ", " + data.length + " bytes]";
  }
}
