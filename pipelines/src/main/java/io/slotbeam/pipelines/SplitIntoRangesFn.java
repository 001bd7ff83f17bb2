package io.slotbeam.pipelines;

import io.slotbeam.core.block.EmptyDatasetException;
import io.slotbeam.pipelines.Records.Range;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;

/**
 * One file to its work items: ranges of {@code unitsPerRange} units, a unit being {@code
 * blocksPerUnit} blocks (one block for chunking, the K blocks of an erasure group for encoding).
 * An empty file is refused, as Codex refuses it.
 */
final class SplitIntoRangesFn extends DoFn<SourceFile, KV<SourceFile, Range>> {
  private final int blockSize;
  private final int blocksPerUnit;
  private final int unitsPerRange;

  SplitIntoRangesFn(int blockSize, int blocksPerUnit, int unitsPerRange) {
    this.blockSize = blockSize;
    this.blocksPerUnit = blocksPerUnit;
    this.unitsPerRange = unitsPerRange;
  }

  @ProcessElement
  public void split(@Element SourceFile file, OutputReceiver<KV<SourceFile, Range>> out) {
    if (file.size() == 0) {
      throw new EncodeFailedException(
          "file " + file, new EmptyDatasetException("the file is empty: Codex refuses a dataset of 0 bytes"));
    }
    long units = Math.floorDiv(file.blockCount(blockSize) + blocksPerUnit - 1, blocksPerUnit);
    for (long first = 0; first < units; first += unitsPerRange) {
      out.output(KV.of(file, new Range(first, (int) Math.min(unitsPerRange, units - first))));
    }
  }
}
