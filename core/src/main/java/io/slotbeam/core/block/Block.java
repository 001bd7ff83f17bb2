package io.slotbeam.core.block;

import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.cid.Multicodec;
import io.slotbeam.core.cid.Multihash;
import java.nio.ByteBuffer;

/**
 * A block and its CID: CIDv1, sha2-256 of the full (padded) bytes, content codec {@code
 * codex-block} for data and parity or {@code codex-manifest} for manifests (spec datapath §1.3,
 * {@code nim-codex: codex/blocktype.nim}). Immutable: the bytes are copied in and only handed out
 * read-only or as copies.
 */
public final class Block {
  private static final Block EMPTY = new Block(Cid.emptyBlock(), new byte[0]);

  private final Cid cid;
  private final byte[] data;

  private Block(Cid cid, byte[] data) {
    this.cid = cid;
    this.data = data;
  }

  /** The data block of {@code data} (copied), with its {@code codex-block} CID computed. */
  public static Block of(byte[] data) {
    return of(Multicodec.CODEX_BLOCK, data);
  }

  /** The block of {@code data} (copied) with the given content codec. */
  public static Block of(Multicodec codec, byte[] data) {
    byte[] copy = data.clone();
    return new Block(Cid.of(codec, Multihash.sha256(copy)), copy);
  }

  /**
   * The block of {@code data} named {@code cid}, checking that the bytes hash to it: how every
   * store hands out what it read. Takes ownership of {@code data} (a store passes the array it
   * just read), so the caller must not change it afterwards.
   *
   * @throws CorruptBlockException if they do not
   */
  public static Block verified(Cid cid, byte[] data) {
    Multihash actual = Multihash.sha256(data);
    if (!actual.equals(cid.multihash())) {
      throw new CorruptBlockException(
          "block " + cid + " holds " + data.length + " bytes whose " + actual + " does not match");
    }
    return new Block(cid, data);
  }

  /** The zero-length block of the empty CID (spec §1.4), never stored. */
  public static Block empty() {
    return EMPTY;
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
