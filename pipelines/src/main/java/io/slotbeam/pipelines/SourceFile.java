package io.slotbeam.pipelines;

import org.apache.beam.sdk.coders.Coder;

/**
 * One input file as matched when the pipeline started: the key of all its work.
 *
 * @param path the file's path or URI, as Beam's {@code FileSystems} names it
 * @param size its size in bytes when matched; a file that is shorter when read fails the pipeline
 */
record SourceFile(String path, long size) {
  static final Coder<SourceFile> CODER =
      RecordCoder.of(
          (file, out) -> {
            out.writeUTF(file.path());
            out.writeLong(file.size());
          },
          in -> new SourceFile(in.readUTF(), in.readLong()));

  /** Blocks of {@code blockSize} bytes the file is cut into, the last one padded. */
  long blockCount(int blockSize) {
    return Math.floorDiv(size + blockSize - 1, blockSize);
  }

  @Override
  public String toString() {
    return path;
  }
}
