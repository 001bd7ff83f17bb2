package io.slotbeam.core.block;

import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.hash.Sha256Compressor;
import io.slotbeam.core.hash.Sha256Digest;
import io.slotbeam.core.merkle.CodexTree;
import io.slotbeam.core.merkle.MerkleRootAccumulator;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Chunks a stream and computes its {@code treeCid} as a Codex upload does (spec datapath §2.3),
 * in memory bounded by one block plus a logarithmic tree frontier, whatever the stream's length.
 */
public final class DatasetHasher {
  private DatasetHasher() {}

  /**
   * Hashes {@code in} in blocks of {@code blockSize} bytes, handing each block to {@code eachBlock}
   * in order.
   *
   * @throws EmptyDatasetException if the stream has no bytes
   */
  public static PlainDataset hash(InputStream in, int blockSize, Consumer<Block> eachBlock)
      throws IOException {
    Chunker chunker = new Chunker(in, blockSize);
    MerkleRootAccumulator<Sha256Digest> tree =
        new MerkleRootAccumulator<>(Sha256Compressor.INSTANCE);
    for (Optional<Block> block = chunker.next(); block.isPresent(); block = chunker.next()) {
      eachBlock.accept(block.get());
      tree.add(CodexTree.leaf(block.get().cid()));
    }
    if (tree.leafCount() == 0) {
      throw new EmptyDatasetException(
          "the input is empty: Codex refuses a dataset of 0 bytes (nim-codex: 'Empty leaves')");
    }
    Cid treeCid = CodexTree.rootCid(tree.root());
    return new PlainDataset(chunker.bytesRead(), blockSize, tree.leafCount(), treeCid);
  }
}
