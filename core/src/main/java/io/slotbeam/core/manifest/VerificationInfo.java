package io.slotbeam.core.manifest;

import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.cid.Multicodec;
import io.slotbeam.core.indexing.StrategyType;
import java.util.List;
import java.util.Objects;

/**
 * What makes a protected manifest verifiable (spec datapath §5.8, §7.1): the dataset ("verify")
 * root, one slot root per slot, the cell size and the strategy that maps slots to blocks.
 *
 * <p>Wire form (§7.2, ErasureInfo field 6): {@code 1: bytes verifyRoot}, {@code 2: bytes slotRoot}
 * once per slot in slot order, {@code 3: varint cellSize}, {@code 4: varint
 * verifiableStrategy}; the CIDs are binary, e.g. a slot root is {@code 01 849a03 00 20 <LE32
 * root>} (§5.6).
 *
 * <p>Checked here: {@code verifyRoot} is a {@code codex-proving-root} CID, every slot root a {@code
 * codex-slot-root} CID, at least one slot root, and a positive cell size. That the number of slot
 * roots equals {@code numSlots} is checked by {@link ErasureInfo}, which knows K and M.
 *
 * @param verifyRoot CIDv1(codex-proving-root, identity multihash of LE32(verify root))
 * @param slotRoots CIDv1(codex-slot-root, identity multihash of LE32(slot root)), slot order
 * @param cellSize bytes per cell, {@value #DEFAULT_CELL_SIZE} in Codex
 * @param verifiableStrategy slot-to-block strategy, {@link StrategyType#LINEAR} in Codex
 */
public record VerificationInfo(
    Cid verifyRoot, List<Cid> slotRoots, int cellSize, StrategyType verifiableStrategy) {
  /** The cell size Codex uses (spec datapath §5.1). */
  public static final int DEFAULT_CELL_SIZE = 2048;

  public VerificationInfo {
    Objects.requireNonNull(verifyRoot, "verifyRoot");
    Objects.requireNonNull(slotRoots, "slotRoots");
    Objects.requireNonNull(verifiableStrategy, "verifiableStrategy");
    slotRoots = List.copyOf(slotRoots);
    Manifest.requireCodec("verifyRoot", verifyRoot, Multicodec.CODEX_PROVING_ROOT);
    if (slotRoots.isEmpty()) {
      throw new InvalidManifestException(
          "slotRoots is empty: a verifiable manifest needs one slot root per slot"
              + " (spec datapath §7.3)");
    }
    for (int i = 0; i < slotRoots.size(); i++) {
      Manifest.requireCodec("slotRoots[" + i + "]", slotRoots.get(i), Multicodec.CODEX_SLOT_ROOT);
    }
    if (cellSize < 1) {
      throw new InvalidManifestException("cellSize " + cellSize + " must be at least 1");
    }
  }

  /**
   * Verification info as the Codex slot builder writes it: cells of {@value #DEFAULT_CELL_SIZE}
   * bytes, slots laid out by {@link StrategyType#LINEAR} (spec datapath §5.8).
   */
  public static VerificationInfo of(Cid verifyRoot, List<Cid> slotRoots) {
    return new VerificationInfo(verifyRoot, slotRoots, DEFAULT_CELL_SIZE, StrategyType.LINEAR);
  }
}
