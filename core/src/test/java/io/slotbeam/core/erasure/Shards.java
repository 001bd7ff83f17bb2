package io.slotbeam.core.erasure;

import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;

/** Inputs and encoders shared by the erasure tests. */
final class Shards {
  private Shards() {}

  /** Spec Appendix C inputs: buffer i, byte j = (31·i + 7·j + 1) mod 256. */
  static byte[][] appendixC(int k, int bytes) {
    byte[][] data = new byte[k][bytes];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < bytes; j++) {
        data[i][j] = (byte) (31 * i + 7 * j + 1);
      }
    }
    return data;
  }

  static byte[][] random(int k, int bytes, long seed) {
    Random random = new Random(seed);
    byte[][] data = new byte[k][bytes];
    for (byte[] buffer : data) {
      random.nextBytes(buffer);
    }
    return data;
  }

  /** The encoder on both kernels, scalar and vector (called directly, whatever the CPU). */
  static Stream<LeopardEncoder> everyEncoder() {
    return Stream.of(
        new LeopardEncoder(ScalarBufferKernel.INSTANCE),
        new LeopardEncoder(VectorBufferKernel.INSTANCE));
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
