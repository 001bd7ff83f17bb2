package io.slotbeam.core.hash;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/** A SHA-256 digest: 32 bytes, immutable, compared by value. */
public final class Sha256Digest {
  public static final int BYTES = 32;
  public static final Sha256Digest ZERO = new Sha256Digest(new byte[BYTES]);

  private final byte[] bytes;

  private Sha256Digest(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Wraps 32 digest bytes (copied). */
  public static Sha256Digest of(byte[] bytes) {
    if (bytes.length != BYTES) {
      throw new IllegalArgumentException(
          "SHA-256 digest has " + bytes.length + " bytes but needs " + BYTES);
    }
    return new Sha256Digest(bytes.clone());
  }

  /** The SHA-256 of {@code data[offset, offset + length)}. */
  public static Sha256Digest hash(byte[] data, int offset, int length) {
    MessageDigest sha = newMessageDigest();
    sha.update(data, offset, length);
    return new Sha256Digest(sha.digest());
  }

  public static Sha256Digest hash(byte[] data) {
    return hash(data, 0, data.length);
  }

  /** A fresh JDK SHA-256 instance (which uses SHA-NI where the CPU has it). */
  static MessageDigest newMessageDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK provides SHA-256", e);
    }
  }

  /** A copy of the 32 bytes. */
  public byte[] toBytes() {
    return bytes.clone();
  }

  void writeTo(MessageDigest sha) {
    sha.update(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Sha256Digest && Arrays.equals(bytes, ((Sha256Digest) o).bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** Lowercase hex. */
  @Override
  public String toString() {
    return HexFormat.of().formatHex(bytes);
  }
}
