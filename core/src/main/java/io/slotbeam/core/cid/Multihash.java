package io.slotbeam.core.cid;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A hash codec plus its digest (spec datapath §1.2). Immutable; the digest is copied in and out.
 *
 * <p>Binary form: {@code varint(hashCode) ‖ varint(digestLength) ‖ digest}, e.g. a sha2-256
 * multihash is {@code 12 20} followed by 32 digest bytes. The codec must be a hash codec and the
 * digest length must be the one it requires (see {@link Multicodec#digestLength()}).
 */
public final class Multihash {
  private static final HexFormat HEX = HexFormat.of();

  private final Multicodec codec;
  private final byte[] digest;

  private Multihash(Multicodec codec, byte[] digest) {
    this.codec = codec;
    this.digest = digest;
  }

  /**
   * A multihash of an already computed digest.
   *
   * @throws InvalidCidException if {@code codec} is not a hash codec or the digest length is wrong
   */
  public static Multihash of(Multicodec codec, byte[] digest) {
    Objects.requireNonNull(codec, "codec");
    Objects.requireNonNull(digest, "digest");
    requireHashCodec(codec);
    codec.checkDigestLength(digest.length);
    return new Multihash(codec, digest.clone());
  }

  /** The sha2-256 multihash of {@code data}. */
  public static Multihash sha256(byte[] data) {
    try {
      return new Multihash(Multicodec.SHA2_256, MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK provides SHA-256", e);
    }
  }

  /**
   * Reads one multihash at the buffer's position and advances past it. Bytes after it are left
   * for the caller.
   *
   * @throws InvalidCidException on a bad varint, an unknown or non-hash codec, a wrong digest
   *     length, or fewer digest bytes than announced
   */
  public static Multihash decode(ByteBuffer in) {
    int start = in.position();
    Multicodec codec = Multicodec.fromCode(Varint.decode(in));
    requireHashCodec(codec);
    long announced = Varint.decode(in);
    codec.checkDigestLength(announced); // bounded by the codec, so the int cast below is safe
    int length = (int) announced;
    if (in.remaining() < length) {
      throw new InvalidCidException(
          "multihash at offset " + start + " is truncated: it announces " + length
              + " digest bytes but only " + in.remaining() + " remain");
    }
    byte[] digest = new byte[length];
    in.get(digest);
    return new Multihash(codec, digest);
  }

  /**
   * Parses a complete binary multihash.
   *
   * @throws InvalidCidException as {@link #decode}, or if bytes follow the digest
   */
  public static Multihash fromBytes(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    Multihash multihash = decode(in);
    if (in.hasRemaining()) {
      throw new InvalidCidException(
          in.remaining() + " trailing byte(s) after the multihash at offset " + in.position()
              + ": a multihash must end with its digest");
    }
    return multihash;
  }

  /** The hash codec, e.g. {@link Multicodec#SHA2_256}. */
  public Multicodec codec() {
    return codec;
  }

  /** A copy of the digest. */
  public byte[] digest() {
    return digest.clone();
  }

  /** The digest length in bytes. */
  public int digestLength() {
    return digest.length;
  }

  /** {@code varint(code) ‖ varint(length) ‖ digest}. */
  public byte[] toBytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeTo(out);
    return out.toByteArray();
  }

  /** Appends {@link #toBytes()} to {@code out}. */
  public void writeTo(ByteArrayOutputStream out) {
    Varint.write(codec.code(), out);
    Varint.write(digest.length, out);
    out.writeBytes(digest);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Multihash other
        && codec == other.codec
        && Arrays.equals(digest, other.digest);
  }

  @Override
  public int hashCode() {
    return 31 * codec.hashCode() + Arrays.hashCode(digest);
  }

  /** E.g. {@code sha2-256:e3b0c442...}. */
  @Override
  public String toString() {
    return codec.codecName() + ":" + HEX.formatHex(digest);
  }

  private static void requireHashCodec(Multicodec codec) {
    if (!codec.isHashCodec()) {
      throw new InvalidCidException(
          codec.codecName() + " (0x" + Long.toHexString(codec.code())
              + ") is not a hash codec and cannot start a multihash (spec datapath §1.2)");
    }
  }
}
