package io.slotbeam.core.manifest;

import io.slotbeam.core.block.PlainDataset;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.cid.Multicodec;
import java.util.Objects;
import java.util.Optional;

/**
 * A Codex manifest (spec datapath §7.1): plain, protected (with {@link ErasureInfo}) or verifiable
 * (whose erasure info also carries {@link VerificationInfo}). Immutable and always valid; the
 * bytes and the manifest CID come from {@link ManifestCodec}, the JSON views from {@link
 * ManifestJson}.
 *
 * <p>The CID version is not a component: Codex manifests are always CIDv1 (written on the wire as
 * the enum ordinal 2, §7.2). An empty filename or mimetype is treated as absent, as the decoder of
 * §7.3 does.
 *
 * <p>Derived sizes (§7.1, §6.2), all in blocks: {@code blocksCount = divUp(datasetSize,
 * blockSize)}; for a protected manifest {@code originalBlocksCount = divUp(originalDatasetSize,
 * blockSize)}, {@code rounded = roundUp(originalBlocksCount, ecK)}, {@code steps = rounded / ecK},
 * {@code numSlots = ecK + ecM}, {@code numSlotBlocks = divUp(blocksCount, numSlots)}. Validity
 * rule: a protected manifest has {@code blocksCount == steps · numSlots}. Example (§8): a plain
 * upload of 132072 bytes is 3 blocks of 65536; with K = 2, M = 1 it has rounded 4, steps 2, and
 * the protected dataset is 6 blocks (393216 bytes), 2 per slot.
 *
 * <p>Checked here: {@code treeCid} is a {@code codex-root} CID, {@code datasetSize ≥ 0}, {@code
 * blockSize ≥ 1}, {@code codec} is a content codec, {@code hcodec} a hash codec, and the validity
 * rule. Violations throw {@link InvalidManifestException}.
 *
 * @param treeCid root of the SHA-256 tree over the dataset's block CIDs (codex-root)
 * @param datasetSize bytes: the unpadded upload size (plain) or {@code blockSize · blocksCount}
 * @param blockSize bytes per block, 65536 in Codex
 * @param codec content codec of the blocks, codex-block in Codex
 * @param hcodec hash codec of the blocks, sha2-256 in Codex
 * @param filename the upload's file name, if any
 * @param mimetype the upload's MIME type, if any
 * @param erasure present iff the manifest is protected
 */
public record Manifest(
    Cid treeCid,
    long datasetSize,
    int blockSize,
    Multicodec codec,
    Multicodec hcodec,
    Optional<String> filename,
    Optional<String> mimetype,
    Optional<ErasureInfo> erasure) {

  public Manifest {
    Objects.requireNonNull(treeCid, "treeCid");
    Objects.requireNonNull(codec, "codec");
    Objects.requireNonNull(hcodec, "hcodec");
    Objects.requireNonNull(filename, "filename");
    Objects.requireNonNull(mimetype, "mimetype");
    Objects.requireNonNull(erasure, "erasure");
    filename = filename.filter(s -> !s.isEmpty());
    mimetype = mimetype.filter(s -> !s.isEmpty());
    requireCodec("treeCid", treeCid, Multicodec.CODEX_ROOT);
    if (datasetSize < 0) {
      throw new InvalidManifestException("datasetSize " + datasetSize + " must not be negative");
    }
    if (blockSize < 1) {
      throw new InvalidManifestException("blockSize " + blockSize + " must be at least 1");
    }
    if (!codec.isContentCodec()) {
      throw new InvalidManifestException(
          "codec " + codec + " (0x" + Long.toHexString(codec.code())
              + ") is not a content codec such as codex-block");
    }
    if (!hcodec.isHashCodec()) {
      throw new InvalidManifestException(
          "hcodec " + hcodec + " (0x" + Long.toHexString(hcodec.code())
              + ") is not a hash codec such as sha2-256");
    }
    if (erasure.isPresent()) {
      requireProtectedSizes(datasetSize, blockSize, erasure.get());
    }
  }

  /**
   * The plain manifest Codex writes after an upload (spec datapath §2.3): codex-block blocks,
   * sha2-256, no file name or MIME type.
   */
  public static Manifest plain(Cid treeCid, long datasetSize, int blockSize) {
    return new Manifest(
        treeCid,
        datasetSize,
        blockSize,
        Multicodec.CODEX_BLOCK,
        Multicodec.SHA2_256,
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /** The plain manifest of a chunked dataset (spec datapath §2.3). */
  public static Manifest plain(PlainDataset dataset) {
    return plain(dataset.treeCid(), dataset.datasetSize(), dataset.blockSize());
  }

  /** This manifest with {@code filename} set; an empty string removes it. */
  public Manifest withFilename(String filename) {
    Objects.requireNonNull(filename, "filename");
    return new Manifest(
        treeCid, datasetSize, blockSize, codec, hcodec, Optional.of(filename), mimetype, erasure);
  }

  /** This manifest with {@code mimetype} set; an empty string removes it. */
  public Manifest withMimetype(String mimetype) {
    Objects.requireNonNull(mimetype, "mimetype");
    return new Manifest(
        treeCid, datasetSize, blockSize, codec, hcodec, filename, Optional.of(mimetype), erasure);
  }

  /**
   * The protected manifest of this plain one after stepped erasure coding with K = {@code ecK},
   * M = {@code ecM} (spec datapath §6.3): {@code treeCid} becomes {@code protectedTreeCid}, {@code
   * datasetSize} becomes {@code blockSize · steps · (K + M)}, the plain tree and size become the
   * original ones; codecs, filename and mimetype are copied.
   *
   * @throws IllegalStateException if this manifest is already protected
   * @throws InvalidManifestException if K or M is out of range or the protected size overflows
   */
  public Manifest protect(int ecK, int ecM, Cid protectedTreeCid) {
    if (isProtected()) {
      throw new IllegalStateException(
          "manifest " + treeCid + " is already protected (ecK " + erasure.get().ecK() + ", ecM "
              + erasure.get().ecM() + "): only a plain manifest can be protected");
    }
    ErasureInfo info = ErasureInfo.stepped(ecK, ecM, treeCid, datasetSize);
    long steps = divUp(blocksCount(), ecK);
    long protectedSize;
    try {
      protectedSize = Math.multiplyExact(Math.multiplyExact(steps, info.numSlots()), blockSize);
    } catch (ArithmeticException e) {
      throw new InvalidManifestException(
          "protected dataset of " + steps + " steps × " + info.numSlots() + " slots × "
              + blockSize + " bytes does not fit in 63 bits",
          e);
    }
    return new Manifest(
        protectedTreeCid, protectedSize, blockSize, codec, hcodec, filename, mimetype,
        Optional.of(info));
  }

  /**
   * This protected manifest made verifiable (spec datapath §5.8), replacing any earlier
   * verification info.
   *
   * @throws IllegalStateException if this manifest is plain
   * @throws InvalidManifestException if the number of slot roots is not {@link #numSlots()}
   */
  public Manifest withVerification(VerificationInfo verification) {
    ErasureInfo info = requireErasure("withVerification");
    return new Manifest(
        treeCid, datasetSize, blockSize, codec, hcodec, filename, mimetype,
        Optional.of(info.withVerification(verification)));
  }

  /** Always {@link Cid#VERSION} (1): the CID version of the dataset's blocks. */
  public int cidVersion() {
    return Cid.VERSION;
  }

  /**
   * Whether a block of this dataset's tree may have {@code size} bytes: Codex pads every block,
   * the last too, to {@link #blockSize}, and erasure padding is the empty block (0 bytes). A
   * download relies on it, so stores check it on what they accept.
   */
  public boolean fitsBlockSize(Cid block, int size) {
    return size == blockSize || block.equals(Cid.emptyBlock());
  }

  /** True iff erasure info is present. */
  public boolean isProtected() {
    return erasure.isPresent();
  }

  /** True iff protected and verification info is present. */
  public boolean isVerifiable() {
    return erasure.isPresent() && erasure.get().isVerifiable();
  }

  /** The verification info, present iff {@link #isVerifiable()}. */
  public Optional<VerificationInfo> verification() {
    return erasure.flatMap(ErasureInfo::verification);
  }

  /** {@code divUp(datasetSize, blockSize)}. */
  public long blocksCount() {
    return divUp(datasetSize, blockSize);
  }

  /**
   * {@code divUp(originalDatasetSize, blockSize)}.
   *
   * @throws IllegalStateException if this manifest is plain
   */
  public long originalBlocksCount() {
    return divUp(requireErasure("originalBlocksCount").originalDatasetSize(), blockSize);
  }

  /**
   * {@code ecK + ecM}.
   *
   * @throws IllegalStateException if this manifest is plain
   */
  public int numSlots() {
    return requireErasure("numSlots").numSlots();
  }

  /**
   * {@code divUp(blocksCount, numSlots)}; equals {@link #steps()} for a valid manifest.
   *
   * @throws IllegalStateException if this manifest is plain
   */
  public long numSlotBlocks() {
    return divUp(blocksCount(), numSlots());
  }

  /**
   * {@code roundUp(originalBlocksCount, ecK)}: data blocks including padding.
   *
   * @throws IllegalStateException if this manifest is plain
   */
  public long rounded() {
    // Cannot overflow: the validity rule bounds steps · (ecK + ecM) by blocksCount.
    return steps() * requireErasure("rounded").ecK();
  }

  /**
   * {@code divUp(rounded, ecK)}: the number of erasure groups.
   *
   * @throws IllegalStateException if this manifest is plain
   */
  public long steps() {
    return divUp(originalBlocksCount(), requireErasure("steps").ecK());
  }

  private ErasureInfo requireErasure(String what) {
    return erasure.orElseThrow(
        () ->
            new IllegalStateException(
                what + " needs a protected manifest, but manifest " + treeCid + " is plain"));
  }

  private static void requireProtectedSizes(long datasetSize, int blockSize, ErasureInfo info) {
    long blocksCount = divUp(datasetSize, blockSize);
    long originalBlocksCount = divUp(info.originalDatasetSize(), blockSize);
    long steps = divUp(originalBlocksCount, info.ecK());
    long expected;
    try {
      expected = Math.multiplyExact(steps, info.numSlots());
    } catch (ArithmeticException e) {
      expected = -1; // larger than any blocksCount
    }
    if (blocksCount != expected) {
      throw new InvalidManifestException(
          "Broken manifest: wrong originalBlocksCount: blocksCount is " + blocksCount
              + " (datasetSize " + datasetSize + ", blockSize " + blockSize + ") but steps · (ecK"
              + " + ecM) is " + steps + " · " + info.numSlots()
              + (expected < 0 ? " (overflows)" : " = " + expected)
              + " (originalDatasetSize " + info.originalDatasetSize() + " is "
              + originalBlocksCount + " blocks, ecK " + info.ecK() + ", ecM " + info.ecM() + ")");
    }
  }

  static void requireCodec(String what, Cid cid, Multicodec expected) {
    if (cid.contentCodec() != expected) {
      throw new InvalidManifestException(
          what + " " + cid + " has codec " + cid.contentCodec() + " but must be " + expected);
    }
  }

  private static long divUp(long a, long b) {
    return a / b + (a % b == 0 ? 0 : 1);
  }
}
