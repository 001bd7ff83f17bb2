package io.slotbeam.core.erasure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Each rule of spec datapath §6.1 and §6.8 rejects its own case, naming the numbers. */
class ErasureParamsTest {

  private static String rejection(int k, int m, int blockSize) {
    return assertThrows(
            InvalidErasureParamsException.class, () -> new ErasureParams(k, m, blockSize))
        .getMessage();
  }

  @Test
  void acceptsCodexDefaultOfTwoDataOneParity() {
    ErasureParams params = new ErasureParams(2, 1, 65536);
    assertEquals(3, params.totalShards());
  }

  @Test
  void acceptsNoParityAndTheLargestLeopardCodes() {
    new ErasureParams(1, 0, 64);
    new ErasureParams(65536, 0, 64);
    new ErasureParams(32768, 32768, 64); // nextPow2(32768 + 32768) = 65536
    new ErasureParams(65535, 1, 64);
  }

  @Test
  void rejectsZeroDataBlocks() {
    assertEquals("k = 0 data blocks; need at least 1", rejection(0, 0, 64));
  }

  @Test
  void rejectsNegativeParity() {
    assertEquals("m = -1 parity blocks must not be negative", rejection(4, -1, 64));
  }

  @Test
  void rejectsMoreParityThanData() {
    assertEquals("m = 5 parity blocks exceeds k = 4 data blocks", rejection(4, 5, 64));
  }

  @Test
  void rejectsMoreThan65536Blocks() {
    assertEquals("k + m = 65000 + 600 = 65600 blocks exceeds 65536", rejection(65000, 600, 64));
  }

  @Test
  void rejectsCodesWhoseLeopardFftExceeds65536() {
    assertEquals(
        "nextPow2(nextPow2(m) + k) = nextPow2(32768 + 40000) = 131072 exceeds 65536"
            + " (Leopard TooMuchData)",
        rejection(40000, 20000, 64));
  }

  @Test
  void rejectsEmptyBlocks() {
    assertEquals("blockSize = 0 bytes must be positive", rejection(2, 1, 0));
  }

  @Test
  void rejectsBlocksThatAreNotAMultipleOf64Bytes() {
    assertEquals("blockSize = 100 bytes is not a multiple of 64", rejection(2, 1, 100));
  }

  @Test
  void rejectionsAreIllegalArguments() {
    assertThrows(IllegalArgumentException.class, () -> new ErasureParams(2, 3, 64));
  }
}
