package io.slotbeam.core.manifest;

import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.cid.Multicodec;
import io.slotbeam.core.indexing.StrategyType;
import java.util.Objects;
import java.util.Optional;

/**
 * What makes a manifest protected (spec datapath §6.3, §7.1): the erasure parameters, the plain
 * dataset it protects, and, once slots are built, its {@link VerificationInfo}.
 *
 * <p>Wire form (§7.2, header field 7): {@code 1: varint ecK}, {@code 2: varint ecM}, {@code 3:
 * bytes originalTreeCid}, {@code 4: varint originalDatasetSize}, {@code 5: varint
 * protectedStrategy}, {@code 6: bytes VerificationInfo} (only if verifiable). Every field is
 * written, even a zero.
 *
 * <p>Checked here: {@code ecK ≥ 1}, {@code ecM ≥ 0}, {@code ecK + ecM} fits an {@code int},
 * {@code originalTreeCid} is a {@code codex-root} CID, {@code originalDatasetSize ≥ 0}, and a
 * verifiable one has exactly {@code numSlots = ecK + ecM} slot roots. The size rule linking these
 * to the protected dataset is checked by {@link Manifest}.
 *
 * @param ecK data blocks per erasure group (K)
 * @param ecM parity blocks per erasure group (M)
 * @param originalTreeCid treeCid of the plain dataset
 * @param originalDatasetSize unpadded byte size of the plain dataset
 * @param protectedStrategy block-to-group strategy, {@link StrategyType#STEPPED} in Codex
 * @param verification present iff the manifest is verifiable
 */
public record ErasureInfo(
    int ecK,
    int ecM,
    Cid originalTreeCid,
    long originalDatasetSize,
    StrategyType protectedStrategy,
    Optional<VerificationInfo> verification) {

  public ErasureInfo {
    Objects.requireNonNull(originalTreeCid, "originalTreeCid");
    Objects.requireNonNull(protectedStrategy, "protectedStrategy");
    Objects.requireNonNull(verification, "verification");
    if (ecK < 1) {
      throw new InvalidManifestException("ecK " + ecK + " must be at least 1");
    }
    if (ecM < 0) {
      throw new InvalidManifestException("ecM " + ecM + " must not be negative");
    }
    if ((long) ecK + ecM > Integer.MAX_VALUE) {
      throw new InvalidManifestException(
          "ecK " + ecK + " + ecM " + ecM + " = " + ((long) ecK + ecM) + " slots exceeds "
              + Integer.MAX_VALUE);
    }
    Manifest.requireCodec("originalTreeCid", originalTreeCid, Multicodec.CODEX_ROOT);
    if (originalDatasetSize < 0) {
      throw new InvalidManifestException(
          "originalDatasetSize " + originalDatasetSize + " must not be negative");
    }
    if (verification.isPresent()) {
      int slotRoots = verification.get().slotRoots().size();
      if (slotRoots != ecK + ecM) {
        throw new InvalidManifestException(
            "slotRoots has " + slotRoots + " entries but numSlots is " + (ecK + ecM) + " (ecK "
                + ecK + " + ecM " + ecM + ")");
      }
    }
  }

  /**
   * Erasure info as Codex's erasure coder writes it: {@link StrategyType#STEPPED}, not yet
   * verifiable (spec datapath §6.3).
   */
  public static ErasureInfo stepped(
      int ecK, int ecM, Cid originalTreeCid, long originalDatasetSize) {
    return new ErasureInfo(
        ecK, ecM, originalTreeCid, originalDatasetSize, StrategyType.STEPPED, Optional.empty());
  }

  /** The same erasure info with {@code verification} set (replacing any earlier one). */
  public ErasureInfo withVerification(VerificationInfo verification) {
    Objects.requireNonNull(verification, "verification");
    return new ErasureInfo(
        ecK, ecM, originalTreeCid, originalDatasetSize, protectedStrategy,
        Optional.of(verification));
  }

  /** {@code ecK + ecM}: the number of slots, and the blocks per erasure group. */
  public int numSlots() {
    return ecK + ecM;
  }

  /** True iff {@link #verification()} is present. */
  public boolean isVerifiable() {
    return verification.isPresent();
  }
}
