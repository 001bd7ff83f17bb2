package io.slotbeam.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.Stream;

/** Large random input files in a scratch folder for the end-to-end benchmarks, and their cleanup. */
final class ScratchFiles {
  static final long GIB = 1L << 30;

  private ScratchFiles() {}

  /**
   * Writes {@code bytes} random bytes (seeded) to {@code input.bin} in a new temporary folder named
   * from {@code prefix}, after checking that the disk has {@code needed} bytes free for the file and
   * what the benchmark writes beside it; removes the folder again if that fails.
   */
  static Path randomFile(String prefix, long bytes, long needed, long seed) throws IOException {
    Path folder = Files.createTempDirectory(prefix);
    try {
      FileStore disk = Files.getFileStore(folder);
      if (disk.getUsableSpace() < needed) {
        throw new IllegalStateException(
            "needs " + needed / GIB + " GiB free in " + folder.getParent() + ", has " + disk.getUsableSpace() / GIB);
      }
      Path file = folder.resolve("input.bin");
      byte[] chunk = new byte[1 << 20];
      Random random = new Random(seed);
      try (OutputStream out = Files.newOutputStream(file)) {
        for (long written = 0; written < bytes; written += chunk.length) {
          random.nextBytes(chunk);
          out.write(chunk);
        }
      }
      return file;
    } catch (IOException | RuntimeException e) {
      delete(folder);
      throw e;
    }
  }

  /** Deletes {@code folder} and everything in it, if it exists. */
  static void delete(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(path);
      }
    }
  }
}
