package io.slotbeam.core.block;

import io.slotbeam.core.cid.Cid;

/**
 * What chunking a stream tells about it: the facts of a plain manifest (spec datapath §2.3).
 *
 * @param datasetSize unpadded byte count
 * @param blockSize bytes per block
 * @param blockCount {@code divUp(datasetSize, blockSize)}
 * @param treeCid the {@code codex-root} CID of the SHA-256 tree over the block CIDs
 */
public record PlainDataset(long datasetSize, int blockSize, long blockCount, Cid treeCid) {}
