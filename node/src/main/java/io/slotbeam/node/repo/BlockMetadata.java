package io.slotbeam.node.repo;

import java.nio.ByteBuffer;

/**
 * What the repository keeps about each stored block (spec node §3.2): when it expires, its size,
 * and how many dataset leaves reference it. Stored as 16 big-endian bytes {@code expiry(8) size(4)
 * refCount(4)}; nim-codex keeps the same three fields as JSON under {@code /meta/ttl/<cid>}.
 *
 * @param expiry Unix seconds after which maintenance may delete the block
 * @param size the block's length in bytes
 * @param refCount the number of {@code (treeCid, index)} leaf records naming the block
 */
record BlockMetadata(long expiry, int size, int refCount) {
  static final int BYTES = 16;

  BlockMetadata {
    if (size < 0 || refCount < 0) {
      throw new IllegalArgumentException("block size " + size + " and refCount " + refCount + " must be >= 0");
    }
  }

  byte[] encode() {
    return ByteBuffer.allocate(BYTES).putLong(expiry).putInt(size).putInt(refCount).array();
  }

  static BlockMetadata decode(byte[] bytes) {
    if (bytes.length != BYTES) {
      throw new IllegalStateException("block metadata has " + bytes.length + " bytes, not " + BYTES);
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    return new BlockMetadata(buffer.getLong(), buffer.getInt(), buffer.getInt());
  }

  BlockMetadata withExpiry(long newExpiry) {
    return new BlockMetadata(newExpiry, size, refCount);
  }

  BlockMetadata withRefCount(int newRefCount) {
    return new BlockMetadata(expiry, size, newRefCount);
  }

  /** Deletable outside of its datasets: nothing references it, or it has expired (§3.4). */
  boolean deletable(long now) {
    return refCount == 0 || expiry < now;
  }
}
