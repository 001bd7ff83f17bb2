package io.slotbeam.core.manifest;

import io.slotbeam.core.vectors.WorkedExampleFile;
import static io.slotbeam.core.manifest.WorkedExample.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotbeam.core.block.DatasetHasher;
import io.slotbeam.core.block.PlainDataset;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.cid.Multicodec;
import io.slotbeam.core.indexing.StrategyType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Byte-exact vectors of spec datapath §7.6 and §8, and round trips. */
class ManifestCodecTest {
  private static final Cid SOME_FILE_TREE =
      Cid.parse("zDzSvJTezk7bJNQqFq8k1iHXY84psNuUfZVusA5bBQQUSuyzDSVL");

  @Test
  void plainManifestOfSomeFileContentsIsThe56BytesOfSpec76() {
    byte[] treeCid = SOME_FILE_TREE.toBytes();
    assertEquals(38, treeCid.length);
    assertTrue(hex(treeCid).startsWith("01839a031220050b50fa"), hex(treeCid));
    assertTrue(hex(treeCid).endsWith("d4df"), hex(treeCid));
    String expected =
        "0a36" + "0a26" + hex(treeCid) + "10808004" + "1812" + "20829a03" + "2812" + "3002";

    byte[] encoded = ManifestCodec.encode(Manifest.plain(SOME_FILE_TREE, 18, 65536));

    assertEquals(56, encoded.length);
    assertEquals(expected, hex(encoded));
  }

  @Test
  void chunkingSomeFileContentsGivesTheTreeCidOfSpec76() throws IOException {
    byte[] upload = "some file contents".getBytes(StandardCharsets.US_ASCII);
    PlainDataset dataset = DatasetHasher.hash(new ByteArrayInputStream(upload), 65536, b -> {});

    assertEquals(Manifest.plain(SOME_FILE_TREE, 18, 65536), Manifest.plain(dataset));
  }

  @Test
  void chunkingTheWorkedExampleFileGivesThePlainManifestOfSpec8() throws IOException {
    PlainDataset dataset =
        DatasetHasher.hash(
            new ByteArrayInputStream(WorkedExampleFile.bytes()), WorkedExample.BLOCK_SIZE, b -> {});
    Manifest manifest = Manifest.plain(dataset);

    assertEquals(WorkedExample.PLAIN_HEX, hex(ManifestCodec.encode(manifest)));
    assertEquals(WorkedExample.PLAIN_CID, ManifestCodec.cid(manifest));
  }

  static Stream<Arguments> workedExample() {
    return Stream.of(
        Arguments.of("plain", WorkedExample.plain(), WorkedExample.PLAIN_HEX, 58,
            WorkedExample.PLAIN_CID),
        Arguments.of("protected", WorkedExample.protectedManifest(), WorkedExample.PROTECTED_HEX,
            110, WorkedExample.PROTECTED_CID),
        Arguments.of("verifiable", WorkedExample.verifiable(), WorkedExample.VERIFIABLE_HEX, 280,
            WorkedExample.VERIFIABLE_CID));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("workedExample")
  void encodesTheWorkedExampleManifestsByteForByte(
      String kind, Manifest manifest, String hex, int length, Cid cid) {
    byte[] encoded = ManifestCodec.encode(manifest);

    assertEquals(length, encoded.length);
    assertEquals(hex, hex(encoded));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("workedExample")
  void manifestCidIsCodexManifestSha256OfTheBytes(
      String kind, Manifest manifest, String hex, int length, Cid cid) {
    assertEquals(cid, ManifestCodec.cid(manifest));
    assertEquals(cid, ManifestCodec.cidOf(hex(hex)));
    assertEquals(Multicodec.CODEX_MANIFEST, cid.contentCodec());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("workedExample")
  void decodesTheWorkedExampleBytesToTheModel(
      String kind, Manifest manifest, String hex, int length, Cid cid) {
    assertEquals(manifest, ManifestCodec.decode(hex(hex)));
    assertEquals(manifest, ManifestCodec.decode(cid, hex(hex)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("workedExample")
  void encodingDecodedBytesGivesTheSameBytes(
      String kind, Manifest manifest, String hex, int length, Cid cid) {
    assertArrayEquals(hex(hex), ManifestCodec.encode(ManifestCodec.decode(hex(hex))));
  }

  @Test
  void verifiableManifestOfSpec8HasTheExpectedFields() {
    Manifest manifest = ManifestCodec.decode(hex(WorkedExample.VERIFIABLE_HEX));

    assertEquals(WorkedExample.PROTECTED_TREE, manifest.treeCid());
    assertEquals(WorkedExample.PROTECTED_SIZE, manifest.datasetSize());
    ErasureInfo erasure = manifest.erasure().orElseThrow();
    assertEquals(2, erasure.ecK());
    assertEquals(1, erasure.ecM());
    assertEquals(WorkedExample.PLAIN_TREE, erasure.originalTreeCid());
    assertEquals(WorkedExample.FILE_SIZE, erasure.originalDatasetSize());
    assertEquals(StrategyType.STEPPED, erasure.protectedStrategy());
    VerificationInfo verification = manifest.verification().orElseThrow();
    assertEquals(WorkedExample.VERIFY_ROOT, verification.verifyRoot());
    assertEquals(WorkedExample.SLOT_ROOTS, verification.slotRoots());
    assertEquals(2048, verification.cellSize());
    assertEquals(StrategyType.LINEAR, verification.verifiableStrategy());
  }

  @Test
  void writesFilenameAndMimetypeAsFields8And9AfterTheErasureInfo() {
    Manifest manifest =
        WorkedExample.protectedManifest().withFilename("a.txt").withMimetype("text/plain");
    String encoded = hex(ManifestCodec.encode(manifest));
    String protectedHeader = WorkedExample.PROTECTED_HEX.substring(4); // drop "0a 6c"
    String tail = "4205" + hex("a.txt".getBytes(StandardCharsets.UTF_8))
        + "4a0a" + hex("text/plain".getBytes(StandardCharsets.UTF_8));

    // 0x6c + 7 + 12 = 127 bytes of header: still a one-byte length.
    assertEquals("0a7f" + protectedHeader + tail, encoded);
    assertEquals(manifest, ManifestCodec.decode(hex(encoded)));
  }

  @Test
  void writesZeroValuedFieldsInsteadOfOmittingThem() {
    // ecM = 0 and a Linear protected strategy: both are written as "10 00" and "28 00".
    Manifest plain = Manifest.plain(WorkedExample.PLAIN_TREE, WorkedExample.FILE_SIZE, 65536);
    ErasureInfo erasure =
        new ErasureInfo(
            3, 0, WorkedExample.PLAIN_TREE, WorkedExample.FILE_SIZE, StrategyType.LINEAR,
            Optional.empty());
    Manifest manifest =
        new Manifest(
            WorkedExample.PROTECTED_TREE, WorkedExample.FILE_SIZE, 65536, plain.codec(),
            plain.hcodec(), Optional.empty(), Optional.empty(), Optional.of(erasure));
    String encoded = hex(ManifestCodec.encode(manifest));

    String erasureHex =
        "0803" + "1000" + "1a26" + hex(WorkedExample.PLAIN_TREE.toBytes()) + "20e88708" + "2800";
    assertTrue(encoded.endsWith("3a32" + erasureHex), encoded);
    assertEquals(manifest, ManifestCodec.decode(hex(encoded)));
  }

  @Test
  void writesTheCidVersionAsOrdinal2NotAs1() {
    String encoded = hex(ManifestCodec.encode(WorkedExample.plain()));

    assertTrue(encoded.endsWith("3002"), encoded);
  }

  @Test
  void readsAnEmptyErasureInfoAsPlain() {
    byte[] bytes = hex("0a3a" + WorkedExample.PLAIN_HEX.substring(4) + "3a00");

    Manifest manifest = ManifestCodec.decode(bytes);

    assertFalse(manifest.isProtected());
    assertEquals(WorkedExample.plain(), manifest);
  }

  @Test
  void readsAnEmptyVerificationInfoAsNotVerifiable() {
    // The protected header with "32 00" (an empty field 6) appended to its ErasureInfo:
    // ErasureInfo length 0x32 → 0x34, header length 0x6c → 0x6e.
    String header = WorkedExample.PROTECTED_HEX.substring(4).replace("3a3208", "3a3408");
    byte[] bytes = hex("0a6e" + header + "3200");

    Manifest manifest = ManifestCodec.decode(bytes);

    assertTrue(manifest.isProtected());
    assertFalse(manifest.isVerifiable());
    assertEquals(WorkedExample.protectedManifest(), manifest);
  }

  @Test
  void readsEmptyFilenameAndMimetypeAsAbsent() {
    byte[] bytes = hex("0a3c" + WorkedExample.PLAIN_HEX.substring(4) + "4200" + "4a00");

    Manifest manifest = ManifestCodec.decode(bytes);

    assertEquals(Optional.empty(), manifest.filename());
    assertEquals(Optional.empty(), manifest.mimetype());
  }

  @Test
  void ignoresUnknownFields() {
    byte[] bytes = hex("0a3d" + WorkedExample.PLAIN_HEX.substring(4) + "5007" + "5a0100");

    assertEquals(WorkedExample.plain(), ManifestCodec.decode(bytes));
  }

  @Test
  void slotRootsKeepTheirOrder() {
    List<Cid> reversed = new ArrayList<>(WorkedExample.SLOT_ROOTS);
    Collections.reverse(reversed);
    Manifest manifest =
        WorkedExample.protectedManifest()
            .withVerification(VerificationInfo.of(WorkedExample.VERIFY_ROOT, reversed));

    Manifest decoded = ManifestCodec.decode(ManifestCodec.encode(manifest));

    assertEquals(reversed, decoded.verification().orElseThrow().slotRoots());
  }
}
