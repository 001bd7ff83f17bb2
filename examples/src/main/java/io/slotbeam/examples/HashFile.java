package io.slotbeam.examples;

import io.slotbeam.core.block.Chunker;
import io.slotbeam.core.block.DatasetHasher;
import io.slotbeam.core.block.PlainDataset;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Example 1: hash a file into Codex block CIDs and its treeCid, as nim-codex does on upload,
 * without storing anything. Memory stays at one block whatever the file's size.
 *
 * <p>Run (after {@code mvn -B -q -pl examples -am package -DskipTests}, from the
 * repository root): {@code java --add-modules=jdk.incubator.vector -cp
 * examples/target/classes:$(cat examples/target/examples.classpath) io.slotbeam.examples.HashFile FILE}
 */
public final class HashFile {
  private HashFile() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: HashFile FILE");
      System.exit(2);
    }
    hash(Path.of(args[0]), System.out);
  }

  /** Prints one line per block CID, then the treeCid; returns the dataset's summary. */
  public static PlainDataset hash(Path file, PrintStream out) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      PlainDataset dataset =
          DatasetHasher.hash(in, Chunker.DEFAULT_BLOCK_SIZE, block -> out.println("block   " + block.cid()));
      out.println("treeCid " + dataset.treeCid());
      return dataset;
    }
  }
}
