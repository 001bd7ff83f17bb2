package io.slotbeam.circuits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.slotbeam.core.groth16.InvalidGroth16Exception;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The readers of snarkjs's binary files (the Java side that checks headers, counts and sizes
 * before anything trusts them, and before the native prover sees a key) either read their input
 * or refuse it with their own exception: never an index, arithmetic or null error, nor an
 * allocation sized by an unchecked length. Normal test runs replay the committed seeds (under
 * src/test/resources: a tiny circuit's r1cs and zkey made by the test fixture); {@code
 * JAZZER_FUZZ=1} fuzzes.
 */
class SnarkjsFilesFuzzTest {
  /** The readers take paths (they map big sections), so each input goes through one scratch file. */
  private static Path scratch(byte[] bytes) {
    try {
      Path file = Files.createTempFile("slotbeam-fuzz", ".bin");
      file.toFile().deleteOnExit();
      return Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest(maxDuration = "30s")
  void r1csFilesAreReadOrRefused(byte[] bytes) throws IOException {
    if (bytes == null) {
      return; // null is a caller's bug, not outside input
    }
    Path file = scratch(bytes);
    try {
      R1csFile.read(file);
    } catch (BinFileException expected) {
      // refused with a reason
    } finally {
      Files.delete(file);
    }
  }

  @FuzzTest(maxDuration = "30s")
  void zkeyFilesAreReadOrRefused(byte[] bytes) throws IOException {
    if (bytes == null) {
      return; // null is a caller's bug, not outside input
    }
    Path file = scratch(bytes);
    try {
      ZkeyFile.read(file).verificationKey();
    } catch (BinFileException | InvalidGroth16Exception expected) {
      // refused with a reason: a malformed file, or a key point off its curve
    } finally {
      Files.delete(file);
    }
  }

  @FuzzTest(maxDuration = "30s")
  void witnessFilesAreReadOrRefused(byte[] bytes) {
    if (bytes == null) {
      return; // null is a caller's bug, not outside input
    }
    try {
      // Unknown sections and trailing bytes are tolerated (as binfileutils does), so the property is
      // that what was read writes and reads back to the same witness.
      byte[] written = WitnessFile.toBytes(WitnessFile.fromBytes(bytes));
      assertArrayEquals(written, WitnessFile.toBytes(WitnessFile.fromBytes(written)));
    } catch (WitnessException expected) {
      // refused with a reason
    }
  }
}
