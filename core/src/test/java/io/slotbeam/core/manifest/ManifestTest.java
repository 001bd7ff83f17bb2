package io.slotbeam.core.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.cid.Multicodec;
import io.slotbeam.core.indexing.StrategyType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The model of spec datapath §7.1: derived sizes, factories and the checks made on encode. */
class ManifestTest {
  private static final Cid TREE = WorkedExample.PLAIN_TREE;

  // ---- derived sizes ----

  @Test
  void plainManifestOfSpec8HasThreeBlocks() {
    Manifest plain = WorkedExample.plain();

    assertEquals(3, plain.blocksCount());
    assertEquals(1, plain.cidVersion());
    assertFalse(plain.isProtected());
    assertFalse(plain.isVerifiable());
    assertEquals(Optional.empty(), plain.verification());
  }

  @Test
  void aBlockFitsItsDatasetOnlyAtTheBlockSizeOrAsTheEmptyPaddingBlock() {
    Manifest plain = WorkedExample.plain();
    Cid data = io.slotbeam.core.block.Block.of(new byte[] {1, 2, 3}).cid();

    assertTrue(plain.fitsBlockSize(data, plain.blockSize()));
    assertFalse(plain.fitsBlockSize(data, plain.blockSize() - 1), "a short last block: Codex pads it");
    assertFalse(plain.fitsBlockSize(data, 0));
    assertTrue(plain.fitsBlockSize(Cid.emptyBlock(), 0), "erasure padding");
  }

  @Test
  void protectedManifestOfSpec8HasSixBlocksInTwoStepsOfThreeSlots() {
    Manifest manifest = WorkedExample.protectedManifest();

    assertEquals(WorkedExample.PROTECTED_SIZE, manifest.datasetSize());
    assertEquals(6, manifest.blocksCount());
    assertEquals(3, manifest.originalBlocksCount());
    assertEquals(4, manifest.rounded());
    assertEquals(2, manifest.steps());
    assertEquals(3, manifest.numSlots());
    assertEquals(2, manifest.numSlotBlocks());
    assertTrue(manifest.isProtected());
    assertFalse(manifest.isVerifiable());
  }

  @Test
  void protectingTenBlocksWithK4M2GivesEighteenBlocks() {
    // spec datapath §6.3: B = 10, K = 4, M = 2 → rounded 12, steps 3, total 18.
    Manifest manifest = Manifest.plain(TREE, 10 * 65536 - 7, 65536).protect(4, 2, TREE);

    assertEquals(10, manifest.originalBlocksCount());
    assertEquals(12, manifest.rounded());
    assertEquals(3, manifest.steps());
    assertEquals(18, manifest.blocksCount());
    assertEquals(18L * 65536, manifest.datasetSize());
    assertEquals(3, manifest.numSlotBlocks());
  }

  @Test
  void protectKeepsTheOriginalAndCopiesCodecsFilenameAndMimetype() {
    Manifest plain = WorkedExample.plain().withFilename("f.bin").withMimetype("x/y");

    Manifest manifest = plain.protect(2, 1, WorkedExample.PROTECTED_TREE);

    assertEquals(WorkedExample.PROTECTED_TREE, manifest.treeCid());
    ErasureInfo erasure = manifest.erasure().orElseThrow();
    assertEquals(WorkedExample.PLAIN_TREE, erasure.originalTreeCid());
    assertEquals(WorkedExample.FILE_SIZE, erasure.originalDatasetSize());
    assertEquals(StrategyType.STEPPED, erasure.protectedStrategy());
    assertEquals(Optional.of("f.bin"), manifest.filename());
    assertEquals(Optional.of("x/y"), manifest.mimetype());
    assertEquals(Multicodec.CODEX_BLOCK, manifest.codec());
    assertEquals(Multicodec.SHA2_256, manifest.hcodec());
  }

  @Test
  void verifiableManifestCarriesTheSlotRootsInSlotOrder() {
    Manifest manifest = WorkedExample.verifiable();

    assertTrue(manifest.isVerifiable());
    VerificationInfo verification = manifest.verification().orElseThrow();
    assertEquals(WorkedExample.SLOT_ROOTS, verification.slotRoots());
    assertEquals(VerificationInfo.DEFAULT_CELL_SIZE, verification.cellSize());
    assertEquals(StrategyType.LINEAR, verification.verifiableStrategy());
  }

  @Test
  void withVerificationReplacesEarlierVerificationInfo() {
    List<Cid> reordered =
        List.of(
            WorkedExample.SLOT_ROOTS.get(2),
            WorkedExample.SLOT_ROOTS.get(0),
            WorkedExample.SLOT_ROOTS.get(1));

    Manifest manifest =
        WorkedExample.verifiable()
            .withVerification(VerificationInfo.of(WorkedExample.VERIFY_ROOT, reordered));

    assertEquals(reordered, manifest.verification().orElseThrow().slotRoots());
  }

  @Test
  void emptyFilenameAndMimetypeAreAbsent() {
    Manifest manifest = WorkedExample.plain().withFilename("a").withFilename("").withMimetype("");

    assertEquals(Optional.empty(), manifest.filename());
    assertEquals(Optional.empty(), manifest.mimetype());
    assertEquals(WorkedExample.plain(), manifest);
  }

  @Test
  void slotRootListIsCopiedSoLaterChangesDoNotLeakIn() {
    List<Cid> roots = new ArrayList<>(WorkedExample.SLOT_ROOTS);
    VerificationInfo verification = VerificationInfo.of(WorkedExample.VERIFY_ROOT, roots);

    roots.clear();

    assertEquals(3, verification.slotRoots().size());
    assertThrows(UnsupportedOperationException.class, () -> verification.slotRoots().clear());
  }

  // ---- wrong state ----

  @Test
  void plainManifestHasNoSlots() {
    IllegalStateException error =
        assertThrows(IllegalStateException.class, () -> WorkedExample.plain().numSlots());

    assertEquals(
        "numSlots needs a protected manifest, but manifest " + TREE + " is plain",
        error.getMessage());
  }

  @Test
  void plainManifestHasNoSteps() {
    assertThrows(IllegalStateException.class, () -> WorkedExample.plain().steps());
    assertThrows(IllegalStateException.class, () -> WorkedExample.plain().rounded());
    assertThrows(IllegalStateException.class, () -> WorkedExample.plain().originalBlocksCount());
    assertThrows(IllegalStateException.class, () -> WorkedExample.plain().numSlotBlocks());
  }

  @Test
  void protectedManifestCannotBeProtectedAgain() {
    IllegalStateException error =
        assertThrows(
            IllegalStateException.class,
            () -> WorkedExample.protectedManifest().protect(2, 1, TREE));

    assertTrue(
        error.getMessage().contains("is already protected (ecK 2, ecM 1)"), error.getMessage());
  }

  @Test
  void plainManifestCannotBeMadeVerifiable() {
    VerificationInfo verification =
        VerificationInfo.of(WorkedExample.VERIFY_ROOT, WorkedExample.SLOT_ROOTS);

    assertThrows(
        IllegalStateException.class, () -> WorkedExample.plain().withVerification(verification));
  }

  // ---- checks on construction (and so on encode) ----

  @Test
  void rejectsVerificationWithFewerSlotRootsThanSlots() {
    VerificationInfo twoRoots =
        VerificationInfo.of(WorkedExample.VERIFY_ROOT, WorkedExample.SLOT_ROOTS.subList(0, 2));

    assertInvalid(
        () -> WorkedExample.protectedManifest().withVerification(twoRoots),
        "slotRoots has 2 entries but numSlots is 3 (ecK 2 + ecM 1)");
  }

  @Test
  void rejectsThreeSlotRootsForFourSlots() {
    Manifest k2m2 = WorkedExample.plain().protect(2, 2, WorkedExample.PROTECTED_TREE);
    VerificationInfo threeRoots =
        VerificationInfo.of(WorkedExample.VERIFY_ROOT, WorkedExample.SLOT_ROOTS);

    assertInvalid(
        () -> k2m2.withVerification(threeRoots), "slotRoots has 3 entries but numSlots is 4");
  }

  @Test
  void rejectsProtectedManifestWithTheOriginalDatasetSize() {
    ErasureInfo erasure = ErasureInfo.stepped(2, 1, TREE, WorkedExample.FILE_SIZE);

    assertInvalid(
        () -> manifest(WorkedExample.FILE_SIZE, 65536, Optional.of(erasure)),
        "Broken manifest: wrong originalBlocksCount: blocksCount is 3 (datasetSize 132072,"
            + " blockSize 65536) but steps · (ecK + ecM) is 2 · 3 = 6");
  }

  @Test
  void rejectsProtectedManifestWhoseStepsTimesSlotsOverflow() {
    ErasureInfo erasure = ErasureInfo.stepped(1, Integer.MAX_VALUE - 1, TREE, Long.MAX_VALUE);

    assertInvalid(
        () -> manifest(65536, 1, Optional.of(erasure)),
        "steps · (ecK + ecM) is 9223372036854775807 · 2147483647 (overflows)");
  }

  @Test
  void rejectsProtectionWhoseSizeOverflows() {
    Manifest huge = Manifest.plain(TREE, Long.MAX_VALUE, 1);

    assertInvalid(() -> huge.protect(1, 1, TREE), "does not fit in 63 bits");
  }

  @Test
  void rejectsNegativeDatasetSize() {
    assertInvalid(() -> Manifest.plain(TREE, -1, 65536), "datasetSize -1 must not be negative");
  }

  @Test
  void rejectsBlockSizeZero() {
    assertInvalid(() -> Manifest.plain(TREE, 18, 0), "blockSize 0 must be at least 1");
  }

  @Test
  void rejectsTreeCidThatIsNotACodexRoot() {
    Cid manifestCid = WorkedExample.PLAIN_CID;

    assertInvalid(
        () -> Manifest.plain(manifestCid, 18, 65536),
        "treeCid " + manifestCid + " has codec codex-manifest but must be codex-root");
  }

  @Test
  void rejectsHashCodecAsBlockCodec() {
    assertInvalid(
        () ->
            new Manifest(
                TREE, 18, 65536, Multicodec.SHA2_256, Multicodec.SHA2_256, Optional.empty(),
                Optional.empty(), Optional.empty()),
        "codec sha2-256 (0x12) is not a content codec");
  }

  @Test
  void rejectsContentCodecAsHashCodec() {
    assertInvalid(
        () ->
            new Manifest(
                TREE, 18, 65536, Multicodec.CODEX_BLOCK, Multicodec.CODEX_ROOT, Optional.empty(),
                Optional.empty(), Optional.empty()),
        "hcodec codex-root (0xcd03) is not a hash codec");
  }

  @Test
  void rejectsEcKZero() {
    assertInvalid(() -> WorkedExample.plain().protect(0, 1, TREE), "ecK 0 must be at least 1");
  }

  @Test
  void rejectsNegativeEcM() {
    assertInvalid(() -> WorkedExample.plain().protect(2, -1, TREE), "ecM -1 must not be negative");
  }

  @Test
  void rejectsMoreSlotsThanAnIntHolds() {
    assertInvalid(
        () -> ErasureInfo.stepped(Integer.MAX_VALUE, 1, TREE, 0),
        "ecK 2147483647 + ecM 1 = 2147483648 slots exceeds 2147483647");
  }

  @Test
  void rejectsNegativeOriginalDatasetSize() {
    assertInvalid(
        () -> ErasureInfo.stepped(2, 1, TREE, -5), "originalDatasetSize -5 must not be negative");
  }

  @Test
  void rejectsOriginalTreeCidThatIsNotACodexRoot() {
    Cid slotRoot = WorkedExample.SLOT_ROOTS.get(0);

    assertInvalid(
        () -> ErasureInfo.stepped(2, 1, slotRoot, 18),
        "originalTreeCid " + slotRoot + " has codec codex-slot-root but must be codex-root");
  }

  @Test
  void rejectsEmptySlotRoots() {
    assertInvalid(
        () -> VerificationInfo.of(WorkedExample.VERIFY_ROOT, List.of()), "slotRoots is empty");
  }

  @Test
  void rejectsSwappedVerifyRootAndSlotRoot() {
    Cid slotRoot = WorkedExample.SLOT_ROOTS.get(1);

    assertInvalid(
        () -> VerificationInfo.of(slotRoot, WorkedExample.SLOT_ROOTS),
        "verifyRoot " + slotRoot + " has codec codex-slot-root but must be codex-proving-root");
  }

  @Test
  void rejectsNonPositiveCellSize() {
    assertInvalid(
        () ->
            new VerificationInfo(
                WorkedExample.VERIFY_ROOT, WorkedExample.SLOT_ROOTS, -2048, StrategyType.LINEAR),
        "cellSize -2048 must be at least 1");
  }

  private static Manifest manifest(long datasetSize, int blockSize, Optional<ErasureInfo> erasure) {
    return new Manifest(
        WorkedExample.PROTECTED_TREE, datasetSize, blockSize, Multicodec.CODEX_BLOCK,
        Multicodec.SHA2_256, Optional.empty(), Optional.empty(), erasure);
  }

  private static void assertInvalid(Executable construct, String fragment) {
    InvalidManifestException error = assertThrows(InvalidManifestException.class, construct);
    assertTrue(
        error.getMessage().contains(fragment),
        "message \"" + error.getMessage() + "\" lacks \"" + fragment + "\"");
  }
}
