package io.slotbeam.core.erasure;

/**
 * The parameters of one Leopard code (spec datapath §6.1, §6.8): {@code k} data blocks and {@code
 * m} parity blocks per group, each {@code blockSize} bytes.
 *
 * <p>The compact constructor enforces what nim-leopard and Leopard enforce: {@code k ≥ 1}; {@code 0
 * ≤ m ≤ k} ({@code m = 0} means no parity); {@code k + m ≤ 65536}; Leopard's "TooMuchData" rule
 * {@code nextPow2(nextPow2(m) + k) ≤ 65536} (checked when there is parity to compute); and {@code
 * blockSize} a positive multiple of 64. Codex's REST layer is stricter still ({@code k > 1}, {@code
 * m > 0}); that belongs to the request, not to the code.
 */
public record ErasureParams(int k, int m, int blockSize) {
  /** Largest field order Leopard supports: GF(2^16) (spec §6.9). */
  public static final int MAX_SHARDS = 65536;

  /** Leopard buffers are processed in 64-byte chunks (spec §6.8, §6.9). */
  public static final int BLOCK_ALIGNMENT = 64;

  public ErasureParams {
    if (k < 1) {
      throw new InvalidErasureParamsException("k = " + k + " data blocks; need at least 1");
    }
    if (m < 0) {
      throw new InvalidErasureParamsException("m = " + m + " parity blocks must not be negative");
    }
    if (m > k) {
      throw new InvalidErasureParamsException(
          "m = " + m + " parity blocks exceeds k = " + k + " data blocks");
    }
    if ((long) k + m > MAX_SHARDS) {
      throw new InvalidErasureParamsException(
          "k + m = " + k + " + " + m + " = " + (k + m) + " blocks exceeds " + MAX_SHARDS);
    }
    if (m > 0 && leopardWorkSize(k, m) > MAX_SHARDS) {
      throw new InvalidErasureParamsException(
          "nextPow2(nextPow2(m) + k) = nextPow2("
              + nextPow2(m)
              + " + "
              + k
              + ") = "
              + leopardWorkSize(k, m)
              + " exceeds "
              + MAX_SHARDS
              + " (Leopard TooMuchData)");
    }
    if (blockSize <= 0) {
      throw new InvalidErasureParamsException(
          "blockSize = " + blockSize + " bytes must be positive");
    }
    if (blockSize % BLOCK_ALIGNMENT != 0) {
      throw new InvalidErasureParamsException(
          "blockSize = " + blockSize + " bytes is not a multiple of " + BLOCK_ALIGNMENT);
    }
  }

  /** Shards per group: {@code k + m}. */
  public int totalShards() {
    return k + m;
  }

  /** Leopard's FFT size {@code n = nextPow2(nextPow2(m) + k)} (spec §6.9, "Dispatch"). */
  static long leopardWorkSize(int k, int m) {
    return nextPow2((long) nextPow2(m) + k);
  }

  /** The smallest power of two that is at least {@code x} (1 for {@code x ≤ 1}). */
  static int nextPow2(int x) {
    return (int) nextPow2((long) x);
  }

  private static long nextPow2(long x) {
    long n = 1;
    while (n < x) {
      n <<= 1;
    }
    return n;
  }
}
