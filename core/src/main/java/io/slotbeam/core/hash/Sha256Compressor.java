package io.slotbeam.core.hash;

import io.slotbeam.core.merkle.KeyedCompressor;
import java.security.MessageDigest;

/**
 * The keyed compression of the SHA-256 "Codex tree" (spec datapath §3.1): {@code H(x, y, key) =
 * SHA-256(x ‖ y ‖ [key])}, 65 bytes in; zero is 32 zero bytes. Thread-safe.
 */
public final class Sha256Compressor implements KeyedCompressor<Sha256Digest> {
  public static final Sha256Compressor INSTANCE = new Sha256Compressor();

  private static final ThreadLocal<MessageDigest> SHA =
      ThreadLocal.withInitial(Sha256Digest::newMessageDigest);

  private Sha256Compressor() {}

  @Override
  public Sha256Digest compress(Sha256Digest left, Sha256Digest right, int key) {
    MessageDigest sha = SHA.get();
    left.writeTo(sha);
    right.writeTo(sha);
    sha.update((byte) key);
    return Sha256Digest.of(sha.digest());
  }

  @Override
  public Sha256Digest zero() {
    return Sha256Digest.ZERO;
  }
}
