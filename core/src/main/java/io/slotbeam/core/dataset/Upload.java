package io.slotbeam.core.dataset;

import io.slotbeam.core.block.Block;
import io.slotbeam.core.block.Chunker;
import io.slotbeam.core.block.EmptyDatasetException;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.hash.Sha256Digest;
import io.slotbeam.core.manifest.Manifest;
import io.slotbeam.core.manifest.StoredManifests;
import io.slotbeam.core.merkle.CodexTree;
import io.slotbeam.core.merkle.KeyedMerkleTree;
import io.slotbeam.core.store.BlockStore;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stores a stream as a Codex upload does (spec datapath §2.3): chunk it, store every block, store
 * the SHA-256 tree over the block CIDs, and store the plain manifest. Holds one block at a time
 * plus the block CIDs (32 bytes per block) for the tree. Re-running on the same input stores
 * nothing new and returns the same manifest CID.
 */
public final class Upload {
  private Upload() {}

  /** A stored manifest and its CID. */
  public record Stored(Cid manifestCid, Manifest manifest) {}

  public static Stored store(
      InputStream in,
      int blockSize,
      Optional<String> filename,
      Optional<String> mimetype,
      BlockStore store)
      throws IOException {
    Chunker chunker = new Chunker(in, blockSize);
    List<Cid> blockCids = new ArrayList<>();
    for (Optional<Block> block = chunker.next(); block.isPresent(); block = chunker.next()) {
      store.put(block.get());
      blockCids.add(block.get().cid());
    }
    if (blockCids.isEmpty()) {
      throw new EmptyDatasetException(
          "the input is empty: Codex refuses a dataset of 0 bytes (nim-codex: 'Empty leaves')");
    }
    return finish(blockCids, chunker.bytesRead(), blockSize, filename, mimetype, store);
  }

  /**
   * The last step of {@link #store}, for callers that chunked and stored the blocks themselves
   * (e.g. in parallel ranges): stores the tree over {@code blockCids}, in order, and the plain
   * manifest of {@code datasetSize} unpadded bytes.
   */
  public static Stored finish(
      List<Cid> blockCids,
      long datasetSize,
      int blockSize,
      Optional<String> filename,
      Optional<String> mimetype,
      BlockStore store)
      throws IOException {
    KeyedMerkleTree<Sha256Digest> tree = CodexTree.build(blockCids);
    Cid treeCid = CodexTree.rootCid(tree.root());
    store.putTree(treeCid, tree);
    Manifest manifest = Manifest.plain(treeCid, datasetSize, blockSize);
    manifest = filename.map(manifest::withFilename).orElse(manifest);
    manifest = mimetype.map(manifest::withMimetype).orElse(manifest);
    return new Stored(StoredManifests.put(store, manifest), manifest);
  }
}
