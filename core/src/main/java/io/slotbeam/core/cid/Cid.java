package io.slotbeam.core.cid;

import com.google.common.io.BaseEncoding;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A Codex content identifier: CIDv1 only, content codec from the six codex-* codecs (spec datapath
 * §1.3). Immutable.
 *
 * <p>Binary: {@code 0x01 ‖ varint(contentCodec) ‖ multihash}. Text: {@code 'z'} + base58btc of
 * the binary form. {@link #parse} also accepts the multibase prefixes {@code f}/{@code F} (base16)
 * and {@code b}/{@code B} (base32, RFC 4648, no padding). CIDv0 ({@code Qm…} text, {@code 12 20…}
 * binary) is rejected. Two CIDs are equal iff content codec and multihash are equal.
 */
public final class Cid {
  /** The only CID version Codex produces or accepts (spec datapath §1.3). */
  public static final int VERSION = 1;

  // CIDv0: a bare sha2-256 multihash, 34 bytes, "Qm..." in base58 (46 chars), spec datapath §1.3.
  private static final int CIDV0_BYTES = 34;
  private static final int CIDV0_CHARS = 46;

  // spec datapath §1.4: codex-block / sha2-256 of the zero-length byte string.
  private static final Cid EMPTY_BLOCK =
      new Cid(Multicodec.CODEX_BLOCK, Multihash.sha256(new byte[0]));

  private final Multicodec contentCodec;
  private final Multihash multihash;

  private Cid(Multicodec contentCodec, Multihash multihash) {
    this.contentCodec = contentCodec;
    this.multihash = multihash;
  }

  /**
   * A CIDv1 of {@code multihash} with the given content codec.
   *
   * @throws InvalidCidException if {@code contentCodec} is not one of the codex-* content codecs
   */
  public static Cid of(Multicodec contentCodec, Multihash multihash) {
    Objects.requireNonNull(contentCodec, "contentCodec");
    Objects.requireNonNull(multihash, "multihash");
    requireContentCodec(contentCodec);
    return new Cid(contentCodec, multihash);
  }

  /**
   * The "empty" block CID of spec datapath §1.4 (codex-block, sha2-256 of zero bytes), text {@code
   * zDxWB8EDDsokSpiTXNRpv1jS2LXjEdLgTiDfxFd7Eo8CSPKVj93r}.
   */
  public static Cid emptyBlock() {
    return EMPTY_BLOCK;
  }

  /**
   * Parses a binary CIDv1.
   *
   * @throws InvalidCidException if the input is empty, is a CIDv0, has a version other than 1, an
   *     unknown or non-content codec, an invalid multihash, or trailing bytes
   */
  public static Cid fromBytes(byte[] bytes) {
    if (bytes.length == 0) {
      throw new InvalidCidException("empty input is not a CID: a CIDv1 starts with 0x01");
    }
    if (bytes.length == CIDV0_BYTES && bytes[0] == 0x12 && bytes[1] == 0x20) {
      throw new InvalidCidException(
          "CIDv0 is not supported: 34-byte input starting 12 20 is a bare sha2-256 multihash"
              + " (dag-pb); Codex uses CIDv1 only");
    }
    ByteBuffer in = ByteBuffer.wrap(bytes);
    long version = Varint.decode(in);
    if (version != VERSION) {
      throw new InvalidCidException(
          "CID version " + version + " is not supported: only CIDv1 (first byte 0x01) is");
    }
    Multicodec codec = Multicodec.fromCode(Varint.decode(in));
    requireContentCodec(codec);
    Multihash multihash = Multihash.decode(in);
    if (in.hasRemaining()) {
      throw new InvalidCidException(
          in.remaining() + " trailing byte(s) after the CID at offset " + in.position()
              + ": a CID must end with its multihash digest");
    }
    return new Cid(codec, multihash);
  }

  /**
   * Parses CID text with a multibase prefix: {@code z} (base58btc), {@code f}/{@code F} (base16),
   * {@code b}/{@code B} (base32, no padding).
   *
   * @throws InvalidCidException on a CIDv0 {@code Qm…} string, an unsupported prefix, invalid
   *     characters for the base, or any error of {@link #fromBytes}
   */
  public static Cid parse(String text) {
    Objects.requireNonNull(text, "text");
    if (text.isEmpty()) {
      throw new InvalidCidException("empty string is not a CID: expected a multibase prefix");
    }
    if (text.length() == CIDV0_CHARS && text.startsWith("Qm")) {
      throw new InvalidCidException(
          "CIDv0 is not supported: \"" + text + "\" is a 46-char Qm... CIDv0; Codex uses CIDv1");
    }
    char prefix = text.charAt(0);
    String body = text.substring(1);
    byte[] bytes =
        switch (prefix) {
          case 'z' -> Base58.decode(body);
          case 'f' -> decodeGuava(BaseEncoding.base16().lowerCase(), body, "base16", prefix);
          case 'F' -> decodeGuava(BaseEncoding.base16(), body, "base16upper", prefix);
          case 'b' ->
              decodeGuava(BaseEncoding.base32().lowerCase().omitPadding(), body, "base32", prefix);
          case 'B' -> decodeGuava(BaseEncoding.base32().omitPadding(), body, "base32upper", prefix);
          default ->
              throw new InvalidCidException(
                  "unsupported multibase prefix '" + prefix + "' in \"" + text
                      + "\": expected z (base58btc), f/F (base16) or b/B (base32)");
        };
    return fromBytes(bytes);
  }

  /** The content codec, e.g. {@link Multicodec#CODEX_BLOCK}. */
  public Multicodec contentCodec() {
    return contentCodec;
  }

  /** The multihash. */
  public Multihash multihash() {
    return multihash;
  }

  /** {@code 0x01 ‖ varint(contentCodec) ‖ multihash}. */
  public byte[] toBytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Varint.write(VERSION, out);
    Varint.write(contentCodec.code(), out);
    multihash.writeTo(out);
    return out.toByteArray();
  }

  /** {@code 'z'} + base58btc of {@link #toBytes()}, the form Codex prints. */
  @Override
  public String toString() {
    return "z" + Base58.encode(toBytes());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cid other
        && contentCodec == other.contentCodec
        && multihash.equals(other.multihash);
  }

  @Override
  public int hashCode() {
    return 31 * contentCodec.hashCode() + multihash.hashCode();
  }

  private static void requireContentCodec(Multicodec codec) {
    if (!codec.isContentCodec()) {
      throw new InvalidCidException(
          codec.codecName() + " (0x" + Long.toHexString(codec.code())
              + ") is not a content codec allowed in a Codex CIDv1 (spec datapath §1.1)");
    }
  }

  private static byte[] decodeGuava(BaseEncoding encoding, String body, String name, char prefix) {
    try {
      return encoding.decode(body);
    } catch (IllegalArgumentException e) {
      throw new InvalidCidException(
          "invalid " + name + " text after multibase prefix '" + prefix + "': " + e.getMessage(),
          e);
    }
  }
}
