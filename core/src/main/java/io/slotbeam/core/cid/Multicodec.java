package io.slotbeam.core.cid;

/**
 * The multicodec codes Codex uses (spec datapath §1.1): standard hash codes from nim-libp2p and the
 * private-use 0xCDxx codes nim-codex registers.
 *
 * <p>A codec is either a <em>hash</em> codec (the first field of a multihash) or a <em>content</em>
 * codec (the second field of a Codex CIDv1). Hash codecs fix the digest length they accept: 32 for
 * sha2-256 and the Poseidon2 codes, 64 for sha2-512; {@code identity} accepts 0 to {@value
 * #MAX_IDENTITY_DIGEST} bytes (Codex only uses 32, spec datapath §1.3).
 */
public enum Multicodec {
  // Standard hash codes (nim-libp2p: libp2p/multicodec.nim), spec datapath §1.1.
  IDENTITY("identity", 0x00, Kind.HASH, -1), // -1 = VARIABLE
  SHA2_256("sha2-256", 0x12, Kind.HASH, 32),
  SHA2_512("sha2-512", 0x13, Kind.HASH, 64),

  // Content codecs allowed in a Codex CIDv1 (nim-codex: codex/contentids_exts.nim), spec §1.1.
  CODEX_MANIFEST("codex-manifest", 0xCD01, Kind.CONTENT, 0),
  CODEX_BLOCK("codex-block", 0xCD02, Kind.CONTENT, 0),
  CODEX_ROOT("codex-root", 0xCD03, Kind.CONTENT, 0),
  CODEX_SLOT_ROOT("codex-slot-root", 0xCD04, Kind.CONTENT, 0),
  CODEX_PROVING_ROOT("codex-proving-root", 0xCD05, Kind.CONTENT, 0),
  CODEX_SLOT_CELL("codex-slot-cell", 0xCD06, Kind.CONTENT, 0),

  // Poseidon2 hash codes (nim-codex: codex/multihash_exts.nim), 32-byte LE output, spec §1.1.
  POSEIDON2_SPONGE_R2("poseidon2-alt_bn_128-sponge-r2", 0xCD10, Kind.HASH, 32),
  POSEIDON2_MERKLE_2KB("poseidon2-alt_bn_128-merkle-2kb", 0xCD11, Kind.HASH, 32),
  POSEIDON2_KEYED_COMPRESS("poseidon2-alt_bn_128-keyed-compress", 0xCD12, Kind.HASH, 32);

  /** Largest digest accepted for the {@code identity} multihash. */
  public static final int MAX_IDENTITY_DIGEST = 128;

  /** Returned by {@link #digestLength()} when any length up to a bound is accepted. */
  public static final int VARIABLE = -1;

  private enum Kind {
    HASH,
    CONTENT
  }

  private final String codecName;
  private final long code;
  private final Kind kind;
  private final int digestLength;

  Multicodec(String codecName, long code, Kind kind, int digestLength) {
    this.codecName = codecName;
    this.code = code;
    this.kind = kind;
    this.digestLength = digestLength;
  }

  /** The numeric code, e.g. {@code 0xCD02} for codex-block. */
  public long code() {
    return code;
  }

  /** The multicodec table name, e.g. {@code "codex-block"}. */
  public String codecName() {
    return codecName;
  }

  /** True for the six codex-* codecs allowed as the content codec of a Codex CIDv1. */
  public boolean isContentCodec() {
    return kind == Kind.CONTENT;
  }

  /** True for codecs that name a hash function of a multihash. */
  public boolean isHashCodec() {
    return kind == Kind.HASH;
  }

  /**
   * The digest length this hash codec requires, or {@link #VARIABLE} ({@code -1}) for {@code
   * identity}, whose digest may be 0 to {@value #MAX_IDENTITY_DIGEST} bytes.
   *
   * @throws IllegalStateException for content codecs, which have no digest
   */
  public int digestLength() {
    if (!isHashCodec()) {
      throw new IllegalStateException(codecName + " is a content codec and has no digest length");
    }
    return digestLength;
  }

  /** Throws unless {@code length} is a valid digest length for this hash codec. */
  void checkDigestLength(long length) {
    if (digestLength == VARIABLE) {
      if (length < 0 || length > MAX_IDENTITY_DIGEST) {
        throw new InvalidCidException(
            "digest has " + length + " bytes but " + codecName + " allows at most "
                + MAX_IDENTITY_DIGEST);
      }
    } else if (length != digestLength) {
      throw new InvalidCidException(
          "digest has " + length + " bytes but " + codecName + " needs " + digestLength);
    }
  }

  /**
   * The codec with this code.
   *
   * @throws InvalidCidException if the code is not in the spec datapath §1.1 table
   */
  public static Multicodec fromCode(long code) {
    for (Multicodec codec : values()) {
      if (codec.code == code) {
        return codec;
      }
    }
    throw new InvalidCidException(
        "unknown multicodec 0x" + Long.toHexString(code)
            + ": not in the Codex code table (spec datapath §1.1)");
  }

  /** The multicodec table name, e.g. {@code "codex-block"}. */
  @Override
  public String toString() {
    return codecName;
  }
}
