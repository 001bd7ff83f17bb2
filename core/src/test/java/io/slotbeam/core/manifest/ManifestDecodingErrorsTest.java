package io.slotbeam.core.manifest;

import static io.slotbeam.core.manifest.WorkedExample.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.cid.InvalidCidException;
import io.slotbeam.core.cid.Multicodec;
import io.slotbeam.core.cid.Multihash;
import io.slotbeam.core.protobuf.MalformedProtobufException;
import io.slotbeam.core.protobuf.ProtoWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Strict decoding (spec datapath §7.3): every malformed or inconsistent manifest is rejected with
 * an {@link InvalidManifestException} naming the field and the bad value. The inputs are the §8
 * manifests with one thing changed.
 */
class ManifestDecodingErrorsTest {
  private static final byte[] PLAIN_TREE = WorkedExample.PLAIN_TREE.toBytes();
  private static final byte[] PROTECTED_TREE = WorkedExample.PROTECTED_TREE.toBytes();
  private static final byte[] VERIFY_ROOT = WorkedExample.VERIFY_ROOT.toBytes();
  private static final long CODEX_BLOCK = 0xCD02;
  private static final long SHA2_256 = 0x12;

  // ---- protobuf structure ----

  @Test
  void rejectsEmptyBytesAsHavingNoHeader() {
    assertRejected(new byte[0], "manifest block has no Header (field 1); it is empty");
  }

  @Test
  void rejectsBlockWithoutHeaderField() {
    assertRejected(hex("1001"), "manifest block has no Header (field 1); it has 2 bytes");
  }

  @Test
  void rejectsHeaderWrittenAsVarint() {
    InvalidManifestException error =
        assertRejected(
            hex("0805"),
            "Header (manifest block field 1) is malformed: field 1 has wire type 0 but 2 was"
                + " expected");
    assertInstanceOf(MalformedProtobufException.class, error.getCause());
  }

  @Test
  void rejectsTruncatedManifest() {
    byte[] truncated = Arrays.copyOf(hex(WorkedExample.PLAIN_HEX), 30);

    assertRejected(
        truncated, "manifest block is malformed: field 1 announces 56 bytes but only 28 remain");
  }

  @Test
  void rejectsVarintTruncatedInsideTheHeader() {
    // treeCid (40 bytes), then blockSize's varint cut after two continuation bytes.
    byte[] header = concat(new ProtoWriter().bytes(1, PLAIN_TREE).toBytes(), hex("108080"));

    assertRejected(
        block(header),
        "Header (manifest block field 1) is malformed: bad varint",
        "varint at offset 41 is truncated");
  }

  @Test
  void rejectsUnknownWireType() {
    byte[] header = concat(new ProtoWriter().bytes(1, PLAIN_TREE).toBytes(), hex("1b"));

    assertRejected(
        block(header),
        "Header (manifest block field 1) is malformed: field 3 at offset 40 has unsupported wire"
            + " type 3");
  }

  @Test
  void rejectsLengthPastTheEndOfTheHeader() {
    byte[] header = concat(hex("0a30"), PLAIN_TREE);

    assertRejected(
        block(header),
        "Header (manifest block field 1) is malformed: field 1 announces 48 bytes but only 38"
            + " remain");
  }

  @Test
  void rejectsLengthPastTheEndOfTheErasureInfo() {
    byte[] erasure = concat(hex("08021001" + "1a30"), PLAIN_TREE);
    ProtoWriter header = protectedHeader().bytes(7, erasure);

    assertRejected(
        block(header),
        "ErasureInfo (Header field 7) is malformed: field 3 announces 48 bytes but only 38"
            + " remain");
  }

  @Test
  void rejectsErasureInfoWrittenAsVarint() {
    ProtoWriter header = protectedHeader().varint(7, 2);

    assertRejected(
        block(header),
        "ErasureInfo (Header field 7) is malformed: field 7 has wire type 0 but 2 was expected");
  }

  @Test
  void rejectsSlotRootWrittenAsVarint() {
    ProtoWriter verification =
        new ProtoWriter().bytes(1, VERIFY_ROOT).varint(2, 5).varint(3, 2048).varint(4, 0);

    assertRejected(
        verifiableBlock(verification),
        "slotRoots (VerificationInfo field 2) is malformed: field 2 has wire type 0 but 2 was"
            + " expected");
  }

  @Test
  void rejectsDatasetSizeAbove63Bits() {
    byte[] header =
        concat(
            new ProtoWriter().bytes(1, PLAIN_TREE).varint(2, 65536).toBytes(),
            hex("18ffffffffffffffffff01"));

    assertRejected(
        block(header), "Header (manifest block field 1) is malformed", "longer than 9 bytes");
  }

  // ---- header fields ----

  @Test
  void rejectsHeaderWithoutTreeCid() {
    ProtoWriter header =
        new ProtoWriter()
            .varint(2, 65536)
            .varint(3, 18)
            .varint(4, CODEX_BLOCK)
            .varint(5, SHA2_256)
            .varint(6, 2);

    assertRejected(block(header), "treeCid (Header field 1) is missing");
  }

  @Test
  void rejectsMalformedTreeCid() {
    // A sha2-256 multihash announcing 32 digest bytes but carrying one.
    byte[] badCid = hex("01839a03122000");
    InvalidManifestException error =
        assertRejected(
            block(header(badCid, 65536, 18, CODEX_BLOCK, SHA2_256, 2)),
            "treeCid (Header field 1, 7 bytes) is not a valid CID: multihash at offset 4 is"
                + " truncated");
    assertInstanceOf(InvalidCidException.class, error.getCause());
  }

  @Test
  void rejectsTreeCidWithBlockCodec() {
    Cid blockCid = Cid.of(Multicodec.CODEX_BLOCK, WorkedExample.PLAIN_TREE.multihash());

    assertRejected(
        block(header(blockCid.toBytes(), 65536, 18, CODEX_BLOCK, SHA2_256, 2)),
        "treeCid " + blockCid + " has codec codex-block but must be codex-root");
  }

  @Test
  void rejectsCidVersion1WrittenAsItsNumber() {
    assertRejected(
        block(header(PLAIN_TREE, 65536, 18, CODEX_BLOCK, SHA2_256, 1)),
        "version 1 (Header field 6) is not 2");
  }

  @Test
  void rejectsMissingVersion() {
    ProtoWriter header =
        new ProtoWriter()
            .bytes(1, PLAIN_TREE)
            .varint(2, 65536)
            .varint(3, 18)
            .varint(4, CODEX_BLOCK)
            .varint(5, SHA2_256);

    assertRejected(block(header), "version 0 (Header field 6) is not 2");
  }

  @Test
  void rejectsBlockSizeZero() {
    assertRejected(
        block(header(PLAIN_TREE, 0, 18, CODEX_BLOCK, SHA2_256, 2)),
        "blockSize 0 must be at least 1");
  }

  @Test
  void rejectsBlockSizeBeyondAnInt() {
    assertRejected(
        block(header(PLAIN_TREE, 1L << 32, 18, CODEX_BLOCK, SHA2_256, 2)),
        "blockSize 4294967296 (Header field 2) is larger than 2147483647");
  }

  @Test
  void rejectsUnknownCodec() {
    assertRejected(
        block(header(PLAIN_TREE, 65536, 18, 0x70, SHA2_256, 2)),
        "codec 0x70 (Header field 4) is not a known multicodec");
  }

  @Test
  void rejectsHashCodecAsContentCodec() {
    assertRejected(
        block(header(PLAIN_TREE, 65536, 18, SHA2_256, SHA2_256, 2)),
        "codec sha2-256 (0x12) is not a content codec");
  }

  @Test
  void rejectsContentCodecAsHashCodec() {
    assertRejected(
        block(header(PLAIN_TREE, 65536, 18, CODEX_BLOCK, CODEX_BLOCK, 2)),
        "hcodec codex-block (0xcd02) is not a hash codec");
  }

  @Test
  void rejectsFilenameThatIsNotUtf8() {
    ProtoWriter header =
        header(PLAIN_TREE, 65536, 18, CODEX_BLOCK, SHA2_256, 2).bytes(8, hex("c328"));

    assertRejected(block(header), "filename (Header field 8, 2 bytes) is not valid UTF-8");
  }

  // ---- erasure info ----

  @Test
  void rejectsProtectedManifestWhoseSizeDisagreesWithKAndM() {
    // 5 blocks, but 3 original blocks with K = 2, M = 1 give 2 steps · 3 = 6.
    ProtoWriter header =
        header(PROTECTED_TREE, 65536, 5 * 65536, CODEX_BLOCK, SHA2_256, 2)
            .message(7, erasure(2, 1, PLAIN_TREE, WorkedExample.FILE_SIZE, 1));

    assertRejected(
        block(header),
        "Broken manifest: wrong originalBlocksCount: blocksCount is 5",
        "steps · (ecK + ecM) is 2 · 3 = 6");
  }

  @Test
  void rejectsEcKZero() {
    ProtoWriter header =
        protectedHeader().message(7, erasure(0, 1, PLAIN_TREE, WorkedExample.FILE_SIZE, 1));

    assertRejected(block(header), "ecK 0 must be at least 1");
  }

  @Test
  void rejectsEcMBeyondAnInt() {
    ProtoWriter header =
        protectedHeader().message(7, erasure(2, 1L << 31, PLAIN_TREE, WorkedExample.FILE_SIZE, 1));

    assertRejected(block(header), "ecM 2147483648 (ErasureInfo field 2) is larger than 2147483647");
  }

  @Test
  void rejectsErasureInfoWithoutOriginalTreeCid() {
    ProtoWriter erasure =
        new ProtoWriter().varint(1, 2).varint(2, 1).varint(4, WorkedExample.FILE_SIZE).varint(5, 1);

    assertRejected(
        block(protectedHeader().message(7, erasure)),
        "originalTreeCid (ErasureInfo field 3) is missing");
  }

  @Test
  void rejectsMalformedOriginalTreeCid() {
    byte[] cidV0 = concat(hex("1220"), new byte[32]);
    ProtoWriter header =
        protectedHeader().message(7, erasure(2, 1, cidV0, WorkedExample.FILE_SIZE, 1));

    assertRejected(
        block(header),
        "originalTreeCid (ErasureInfo field 3, 34 bytes) is not a valid CID: CIDv0 is not"
            + " supported");
  }

  @Test
  void rejectsUnknownProtectedStrategy() {
    ProtoWriter header =
        protectedHeader().message(7, erasure(2, 1, PLAIN_TREE, WorkedExample.FILE_SIZE, 7));

    assertRejected(
        block(header),
        "protectedStrategy 7 (ErasureInfo field 5) is not 0 (Linear) or 1 (Stepped)");
  }

  // ---- verification info ----

  @Test
  void rejectsVerifiableManifestWithTooFewSlotRoots() {
    assertRejected(
        verifiableBlock(verification(VERIFY_ROOT, slotRoots(2), 2048, 0)),
        "slotRoots has 2 entries but numSlots is 3");
  }

  @Test
  void rejectsVerifiableManifestWithTooManySlotRoots() {
    List<byte[]> four = new ArrayList<>(slotRoots(3));
    four.add(four.get(0));

    assertRejected(
        verifiableBlock(verification(VERIFY_ROOT, four, 2048, 0)),
        "slotRoots has 4 entries but numSlots is 3");
  }

  @Test
  void rejectsVerifiableManifestWithoutSlotRoots() {
    assertRejected(
        verifiableBlock(verification(VERIFY_ROOT, List.of(), 2048, 0)), "slotRoots is empty");
  }

  @Test
  void rejectsManifestWithTruncatedSlotRoots() {
    List<byte[]> roots = new ArrayList<>(slotRoots(3));
    roots.set(1, Arrays.copyOf(roots.get(1), 37));

    assertRejected(
        verifiableBlock(verification(VERIFY_ROOT, roots, 2048, 0)),
        "slotRoots[1] (VerificationInfo field 2, 37 bytes) is not a valid CID: multihash at offset"
            + " 4 is truncated: it announces 32 digest bytes but only 31 remain");
  }

  @Test
  void rejectsVerificationInfoWithoutVerifyRoot() {
    ProtoWriter verification = new ProtoWriter();
    slotRoots(3).forEach(root -> verification.bytes(2, root));
    verification.varint(3, 2048).varint(4, 0);

    assertRejected(
        verifiableBlock(verification), "verifyRoot (VerificationInfo field 1) is missing");
  }

  @Test
  void rejectsSlotRootGivenAsVerifyRoot() {
    Cid slotRoot = WorkedExample.SLOT_ROOTS.get(0);

    assertRejected(
        verifiableBlock(verification(slotRoot.toBytes(), slotRoots(3), 2048, 0)),
        "verifyRoot " + slotRoot + " has codec codex-slot-root but must be codex-proving-root");
  }

  @Test
  void rejectsVerifyRootGivenAsSlotRoot() {
    List<byte[]> roots = new ArrayList<>(slotRoots(3));
    roots.set(2, VERIFY_ROOT);

    assertRejected(
        verifiableBlock(verification(VERIFY_ROOT, roots, 2048, 0)),
        "slotRoots[2] " + WorkedExample.VERIFY_ROOT
            + " has codec codex-proving-root but must be codex-slot-root");
  }

  @Test
  void rejectsCellSizeZero() {
    assertRejected(
        verifiableBlock(verification(VERIFY_ROOT, slotRoots(3), 0, 0)),
        "cellSize 0 must be at least 1");
  }

  @Test
  void rejectsUnknownVerifiableStrategy() {
    assertRejected(
        verifiableBlock(verification(VERIFY_ROOT, slotRoots(3), 2048, 2)),
        "verifiableStrategy 2 (VerificationInfo field 4) is not 0 (Linear) or 1 (Stepped)");
  }

  // ---- the block's CID ----

  @Test
  void decodesOnlyBlocksWithTheCodexManifestCodec() {
    byte[] bytes = hex(WorkedExample.PLAIN_HEX);
    Cid blockCid = Cid.of(Multicodec.CODEX_BLOCK, Multihash.sha256(bytes));

    InvalidManifestException error =
        assertThrows(InvalidManifestException.class, () -> ManifestCodec.decode(blockCid, bytes));
    assertEquals(
        "block " + blockCid + " has codec codex-block: only a codex-manifest block is decoded as a"
            + " manifest (spec datapath §7.3)",
        error.getMessage());
  }

  @Test
  void rejectsBytesThatDoNotHashToTheirCid() {
    byte[] bytes = hex(WorkedExample.PLAIN_HEX);

    InvalidManifestException error =
        assertThrows(
            InvalidManifestException.class,
            () -> ManifestCodec.decode(WorkedExample.PROTECTED_CID, bytes));
    assertEquals(
        "manifest bytes (58 bytes) have CID " + WorkedExample.PLAIN_CID + ", not "
            + WorkedExample.PROTECTED_CID,
        error.getMessage());
  }

  @Test
  void rejectsManifestCidWithAnotherHash() {
    Cid sha512 = Cid.of(Multicodec.CODEX_MANIFEST, Multihash.of(Multicodec.SHA2_512, new byte[64]));

    InvalidManifestException error =
        assertThrows(
            InvalidManifestException.class,
            () -> ManifestCodec.decode(sha512, hex(WorkedExample.PLAIN_HEX)));
    assertTrue(error.getMessage().contains("uses hash sha2-512"), error.getMessage());
  }

  // ---- helpers ----

  private static InvalidManifestException assertRejected(byte[] bytes, String... fragments) {
    return assertRejected(() -> ManifestCodec.decode(bytes), fragments);
  }

  private static InvalidManifestException assertRejected(ProtoWriter block, String... fragments) {
    return assertRejected(block.toBytes(), fragments);
  }

  private static InvalidManifestException assertRejected(Executable decode, String... fragments) {
    InvalidManifestException error = assertThrows(InvalidManifestException.class, decode);
    for (String fragment : fragments) {
      assertTrue(
          error.getMessage().contains(fragment),
          "message \"" + error.getMessage() + "\" lacks \"" + fragment + "\"");
    }
    return error;
  }

  private static ProtoWriter block(ProtoWriter header) {
    return new ProtoWriter().message(1, header);
  }

  private static ProtoWriter block(byte[] header) {
    return new ProtoWriter().bytes(1, header);
  }

  private static ProtoWriter header(
      byte[] treeCid, long blockSize, long datasetSize, long codec, long hcodec, long version) {
    return new ProtoWriter()
        .bytes(1, treeCid)
        .varint(2, blockSize)
        .varint(3, datasetSize)
        .varint(4, codec)
        .varint(5, hcodec)
        .varint(6, version);
  }

  /** The §8 protected header up to field 6; the caller adds field 7. */
  private static ProtoWriter protectedHeader() {
    return header(
        PROTECTED_TREE, 65536, WorkedExample.PROTECTED_SIZE, CODEX_BLOCK, SHA2_256, 2);
  }

  private static ProtoWriter erasure(
      long ecK, long ecM, byte[] originalTreeCid, long originalDatasetSize, long strategy) {
    return new ProtoWriter()
        .varint(1, ecK)
        .varint(2, ecM)
        .bytes(3, originalTreeCid)
        .varint(4, originalDatasetSize)
        .varint(5, strategy);
  }

  private static ProtoWriter verification(
      byte[] verifyRoot, List<byte[]> slotRoots, long cellSize, long strategy) {
    ProtoWriter writer = new ProtoWriter().bytes(1, verifyRoot);
    slotRoots.forEach(root -> writer.bytes(2, root));
    return writer.varint(3, cellSize).varint(4, strategy);
  }

  /** The §8 verifiable manifest with {@code verification} as its VerificationInfo. */
  private static ProtoWriter verifiableBlock(ProtoWriter verification) {
    return block(
        protectedHeader()
            .message(
                7,
                erasure(2, 1, PLAIN_TREE, WorkedExample.FILE_SIZE, 1).message(6, verification)));
  }

  private static List<byte[]> slotRoots(int count) {
    return WorkedExample.SLOT_ROOTS.subList(0, count).stream().map(Cid::toBytes).toList();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
