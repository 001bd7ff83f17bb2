package io.slotbeam.core.manifest;

import io.slotbeam.core.block.Block;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.cid.Multicodec;
import io.slotbeam.core.store.BlockStore;
import java.io.IOException;

/** Manifests kept as {@code codex-manifest} blocks in a {@link BlockStore} (spec datapath §7.4). */
public final class StoredManifests {
  private StoredManifests() {}

  /** Stores {@code manifest} and returns its CID. */
  public static Cid put(BlockStore store, Manifest manifest) throws IOException {
    Block block = Block.of(Multicodec.CODEX_MANIFEST, ManifestCodec.encode(manifest));
    store.put(block);
    return block.cid();
  }

  /**
   * The manifest stored under {@code cid}.
   *
   * @throws InvalidManifestException if {@code cid} is not a manifest CID, is not stored, or names
   *     bytes that do not decode
   */
  public static Manifest get(BlockStore store, Cid cid) throws IOException {
    if (cid.contentCodec() != Multicodec.CODEX_MANIFEST) {
      throw new InvalidManifestException(
          cid + " is a " + cid.contentCodec() + " CID, not a codex-manifest one");
    }
    Block block =
        store
            .get(cid)
            .orElseThrow(() -> new InvalidManifestException("manifest " + cid + " is not in the store"));
    return ManifestCodec.decode(cid, block.data());
  }
}
