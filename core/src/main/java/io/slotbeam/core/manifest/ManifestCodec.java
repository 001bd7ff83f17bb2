package io.slotbeam.core.manifest;

import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.cid.InvalidCidException;
import io.slotbeam.core.cid.Multicodec;
import io.slotbeam.core.cid.Multihash;
import io.slotbeam.core.indexing.StrategyType;
import io.slotbeam.core.protobuf.MalformedProtobufException;
import io.slotbeam.core.protobuf.ProtoReader;
import io.slotbeam.core.protobuf.ProtoWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The manifest block of spec datapath §7.2–§7.4: the protobuf bytes Codex stores for a {@link
 * Manifest}, and the manifest CID over them.
 *
 * <p>Layout, in this order, every integer written even when 0 (minprotobuf, §7.2):
 *
 * <pre>
 * Outer            1: bytes Header
 * Header           1: bytes treeCid  2: varint blockSize  3: varint datasetSize  4: varint codec
 *                  5: varint hcodec  6: varint version (CidVersion ordinal: CIDv1 = 2)
 *                  7: bytes ErasureInfo (if protected)  8: string filename (if set)
 *                  9: string mimetype (if set)
 * ErasureInfo      1: ecK  2: ecM  3: bytes originalTreeCid  4: originalDatasetSize
 *                  5: protectedStrategy  6: bytes VerificationInfo (if verifiable)
 * VerificationInfo 1: bytes verifyRoot  2: bytes slotRoot (repeated, slot order)  3: cellSize
 *                  4: verifiableStrategy
 * </pre>
 *
 * CIDs are binary. Example (§7.6): the plain manifest of the 18-byte upload "some file contents"
 * is 56 bytes, {@code 0a 36 0a 26 <treeCid> 10 80 80 04 18 12 20 82 9a 03 28 12 30 02}.
 *
 * <p>Decoding (§7.3) is strict: the header must be present, missing integers read as 0, an empty
 * ErasureInfo or VerificationInfo counts as absent, empty strings as absent; malformed protobuf,
 * malformed CIDs, unknown codecs or strategies, a version other than 2, strings that are not
 * UTF-8, integers out of range and sizes breaking the rules of {@link Manifest} all throw {@link
 * InvalidManifestException} naming the field and the value. Unknown fields are ignored.
 */
public final class ManifestCodec {
  /** nim-libp2p's {@code CidVersion.CIDv1} ordinal, the only version a manifest may carry. */
  static final int CIDV1_ORDINAL = 2;

  private ManifestCodec() {}

  /** The manifest block bytes of {@code manifest}. */
  public static byte[] encode(Manifest manifest) {
    ProtoWriter header =
        new ProtoWriter()
            .bytes(1, manifest.treeCid().toBytes())
            .varint(2, manifest.blockSize())
            .varint(3, manifest.datasetSize())
            .varint(4, manifest.codec().code())
            .varint(5, manifest.hcodec().code())
            .varint(6, CIDV1_ORDINAL);
    manifest.erasure().ifPresent(erasure -> header.message(7, encodeErasure(erasure)));
    manifest.filename().ifPresent(filename -> header.string(8, filename));
    manifest.mimetype().ifPresent(mimetype -> header.string(9, mimetype));
    return new ProtoWriter().message(1, header).toBytes();
  }

  /**
   * The manifest CID of {@code manifest} (spec datapath §7.4): CIDv1(codex-manifest,
   * sha2-256(encode(manifest))).
   */
  public static Cid cid(Manifest manifest) {
    return cidOf(encode(manifest));
  }

  /** CIDv1(codex-manifest, sha2-256({@code manifestBytes})) (spec datapath §7.4). */
  public static Cid cidOf(byte[] manifestBytes) {
    return Cid.of(Multicodec.CODEX_MANIFEST, Multihash.sha256(manifestBytes));
  }

  /**
   * Decodes the block {@code bytes} stored under {@code cid}, which must be a codex-manifest CID
   * whose sha2-256 multihash is the hash of {@code bytes} (spec datapath §7.3, §7.4).
   *
   * @throws InvalidManifestException if the CID is not a manifest CID, does not match the bytes,
   *     or the bytes are not a valid manifest
   */
  public static Manifest decode(Cid cid, byte[] bytes) {
    if (cid.contentCodec() != Multicodec.CODEX_MANIFEST) {
      throw new InvalidManifestException(
          "block " + cid + " has codec " + cid.contentCodec()
              + ": only a codex-manifest block is decoded as a manifest (spec datapath §7.3)");
    }
    if (cid.multihash().codec() != Multicodec.SHA2_256) {
      throw new InvalidManifestException(
          "manifest CID " + cid + " uses hash " + cid.multihash().codec()
              + ": manifest CIDs use sha2-256 (spec datapath §7.4)");
    }
    Cid actual = cidOf(bytes);
    if (!actual.equals(cid)) {
      throw new InvalidManifestException(
          "manifest bytes (" + bytes.length + " bytes) have CID " + actual + ", not " + cid);
    }
    return decode(bytes);
  }

  /**
   * Decodes manifest block bytes (spec datapath §7.3).
   *
   * @throws InvalidManifestException if the bytes are not a valid manifest
   */
  public static Manifest decode(byte[] bytes) {
    Message outer = Message.parse(bytes, "manifest block", "");
    byte[] headerBytes =
        outer
            .bytes(1, "Header")
            .orElseThrow(
                () ->
                    new InvalidManifestException(
                        "manifest block has no Header (field 1); "
                            + (bytes.length == 0
                                ? "it is empty"
                                : "it has " + bytes.length + " bytes")));
    Message header = Message.parse(headerBytes, "Header", "manifest block field 1");
    Cid treeCid = header.requireCid(1, "treeCid");
    int blockSize = header.uint31(2, "blockSize");
    long datasetSize = header.varint(3, "datasetSize");
    Multicodec codec = header.multicodec(4, "codec");
    Multicodec hcodec = header.multicodec(5, "hcodec");
    long version = header.varint(6, "version");
    if (version != CIDV1_ORDINAL) {
      throw new InvalidManifestException(
          "version " + version + " (Header field 6) is not " + CIDV1_ORDINAL
              + ": manifests carry the CidVersion ordinal and only CIDv1 (ordinal 2) is supported"
              + " (spec datapath §7.2)");
    }
    Optional<ErasureInfo> erasure =
        header
            .bytes(7, "ErasureInfo")
            .filter(b -> b.length > 0)
            .map(b -> decodeErasure(Message.parse(b, "ErasureInfo", "Header field 7")));
    Optional<String> filename = header.string(8, "filename");
    Optional<String> mimetype = header.string(9, "mimetype");
    return new Manifest(
        treeCid, datasetSize, blockSize, codec, hcodec, filename, mimetype, erasure);
  }

  private static ProtoWriter encodeErasure(ErasureInfo erasure) {
    ProtoWriter writer =
        new ProtoWriter()
            .varint(1, erasure.ecK())
            .varint(2, erasure.ecM())
            .bytes(3, erasure.originalTreeCid().toBytes())
            .varint(4, erasure.originalDatasetSize())
            .varint(5, erasure.protectedStrategy().code());
    erasure.verification().ifPresent(v -> writer.message(6, encodeVerification(v)));
    return writer;
  }

  private static ProtoWriter encodeVerification(VerificationInfo verification) {
    ProtoWriter writer = new ProtoWriter().bytes(1, verification.verifyRoot().toBytes());
    for (Cid slotRoot : verification.slotRoots()) {
      writer.bytes(2, slotRoot.toBytes());
    }
    return writer
        .varint(3, verification.cellSize())
        .varint(4, verification.verifiableStrategy().code());
  }

  private static ErasureInfo decodeErasure(Message erasure) {
    int ecK = erasure.uint31(1, "ecK");
    int ecM = erasure.uint31(2, "ecM");
    Cid originalTreeCid = erasure.requireCid(3, "originalTreeCid");
    long originalDatasetSize = erasure.varint(4, "originalDatasetSize");
    StrategyType protectedStrategy = erasure.strategy(5, "protectedStrategy");
    Optional<VerificationInfo> verification =
        erasure
            .bytes(6, "VerificationInfo")
            .filter(b -> b.length > 0)
            .map(
                b ->
                    decodeVerification(
                        Message.parse(b, "VerificationInfo", "ErasureInfo field 6")));
    return new ErasureInfo(
        ecK, ecM, originalTreeCid, originalDatasetSize, protectedStrategy, verification);
  }

  private static VerificationInfo decodeVerification(Message verification) {
    Cid verifyRoot = verification.requireCid(1, "verifyRoot");
    List<Cid> slotRoots = verification.repeatedCids(2, "slotRoots");
    int cellSize = verification.uint31(3, "cellSize");
    StrategyType verifiableStrategy = verification.strategy(4, "verifiableStrategy");
    return new VerificationInfo(verifyRoot, slotRoots, cellSize, verifiableStrategy);
  }

  /**
   * One parsed protobuf message and its name, whose getters turn every protobuf, CID or range
   * error into an {@link InvalidManifestException} naming the message, the field and the value.
   */
  private record Message(ProtoReader reader, String name) {
    /** Parses message {@code name}, found at {@code location} ("" for the outermost one). */
    static Message parse(byte[] bytes, String name, String location) {
      try {
        return new Message(ProtoReader.parse(bytes), name);
      } catch (MalformedProtobufException e) {
        String where = location.isEmpty() ? name : name + " (" + location + ")";
        throw new InvalidManifestException(where + " is malformed: " + e.getMessage(), e);
      }
    }

    /** Integer field {@code number}; 0 when missing (spec datapath §7.3). */
    long varint(int number, String what) {
      try {
        return reader.varint(number).orElse(0L);
      } catch (MalformedProtobufException e) {
        throw malformed(number, what, e);
      }
    }

    /** Integer field {@code number} that must fit a non-negative {@code int}; 0 when missing. */
    int uint31(int number, String what) {
      long value = varint(number, what);
      if (value > Integer.MAX_VALUE) {
        throw new InvalidManifestException(
            what + " " + value + " (" + where(number) + ") is larger than " + Integer.MAX_VALUE);
      }
      return (int) value;
    }

    Optional<byte[]> bytes(int number, String what) {
      try {
        return reader.bytes(number);
      } catch (MalformedProtobufException e) {
        throw malformed(number, what, e);
      }
    }

    Cid requireCid(int number, String what) {
      byte[] bytes =
          bytes(number, what)
              .orElseThrow(
                  () -> new InvalidManifestException(what + " (" + where(number) + ") is missing"));
      return cid(bytes, what, number);
    }

    List<Cid> repeatedCids(int number, String what) {
      List<byte[]> values;
      try {
        values = reader.repeatedBytes(number);
      } catch (MalformedProtobufException e) {
        throw malformed(number, what, e);
      }
      List<Cid> cids = new ArrayList<>(values.size());
      for (int i = 0; i < values.size(); i++) {
        cids.add(cid(values.get(i), what + "[" + i + "]", number));
      }
      return cids;
    }

    Multicodec multicodec(int number, String what) {
      long code = varint(number, what);
      try {
        return Multicodec.fromCode(code);
      } catch (InvalidCidException e) {
        throw new InvalidManifestException(
            what + " 0x" + Long.toHexString(code) + " (" + where(number) + ") is not a known"
                + " multicodec: " + e.getMessage(),
            e);
      }
    }

    StrategyType strategy(int number, String what) {
      long code = varint(number, what);
      try {
        return StrategyType.fromCode(code);
      } catch (IllegalArgumentException e) {
        throw new InvalidManifestException(
            what + " " + code + " (" + where(number) + ") is not 0 (Linear) or 1 (Stepped)", e);
      }
    }

    /** String field {@code number}, strict UTF-8; absent when missing or empty (§7.3). */
    Optional<String> string(int number, String what) {
      return bytes(number, what)
          .filter(b -> b.length > 0)
          .map(
              b -> {
                try {
                  return StandardCharsets.UTF_8
                      .newDecoder()
                      .onMalformedInput(CodingErrorAction.REPORT)
                      .onUnmappableCharacter(CodingErrorAction.REPORT)
                      .decode(ByteBuffer.wrap(b))
                      .toString();
                } catch (CharacterCodingException e) {
                  throw new InvalidManifestException(
                      what + " (" + where(number) + ", " + b.length + " bytes) is not valid UTF-8",
                      e);
                }
              });
    }

    private Cid cid(byte[] bytes, String what, int number) {
      try {
        return Cid.fromBytes(bytes);
      } catch (InvalidCidException e) {
        throw new InvalidManifestException(
            what + " (" + where(number) + ", " + bytes.length + " bytes) is not a valid CID: "
                + e.getMessage(),
            e);
      }
    }

    private InvalidManifestException malformed(
        int number, String what, MalformedProtobufException e) {
      return new InvalidManifestException(
          what + " (" + where(number) + ") is malformed: " + e.getMessage(), e);
    }

    private String where(int number) {
      return name + " field " + number;
    }
  }
}
