package io.slotbeam.core.erasure;

import java.util.Arrays;

/**
 * Leopard-RS encoding, byte for byte as the C++ library's {@code leo_encode} (spec datapath §6.9):
 * K data buffers in, M parity buffers out.
 *
 * <p>Dispatch: {@code K = 1} copies the data buffer into every parity buffer; {@code M = 1} XORs
 * the data buffers; otherwise, with {@code m = nextPow2(M)}, the data is taken in chunks of {@code
 * m} buffers, each chunk goes through an inverse FFT (skews {@code SKEW[m - 1 + c + …]}) and is
 * XORed into {@code m} accumulators, which one forward FFT turns into the parity; the field is
 * GF(2^8) when {@code nextPow2(m + K) ≤ 256}, else GF(2^16) ({@link LeopardField#forCode}).
 *
 * <p>Buffers are processed in stripes of a few KiB so that a chunk's {@code m} work stripes stay in
 * the core's caches through all the FFT layers; every step is symbol-wise, so striping does not
 * change the result. Hot loops are in a {@link BufferKernel}: {@link #fastest()} uses the Vector
 * API where present, {@link #scalar()} never does. Instances are immutable and thread-safe.
 */
public final class LeopardEncoder {
  /** Most bytes one stripe of one buffer takes. */
  private static final int MAX_STRIPE = 8192;

  /**
   * Bytes of the {@code m} work stripes of one chunk together, to stay in the L2 cache. Stripe
   * limits of 4–16 KiB and budgets of 32–128 KiB measured within noise of each other for 64 KiB
   * blocks; this pair was marginally ahead for K=32/M=16.
   */
  private static final int STRIPE_BUDGET = 128 * 1024;

  /** Largest per-thread work area kept between calls. */
  private static final int MAX_KEPT_SCRATCH = 16 << 20;

  private static final ThreadLocal<byte[]> SCRATCH = new ThreadLocal<>();

  private static final LeopardEncoder SCALAR = new LeopardEncoder(BufferKernel.scalar());

  private final BufferKernel kernel;

  LeopardEncoder(BufferKernel kernel) {
    this.kernel = kernel;
  }

  /** The fastest encoder this JVM can run (vector kernel when available). */
  public static LeopardEncoder fastest() {
    return Fastest.ENCODER;
  }

  /** The table-driven scalar encoder; the reference for the fast one. */
  public static LeopardEncoder scalar() {
    return SCALAR;
  }

  /** Which kernel this encoder runs: {@code scalar} or {@code vector256}. */
  public String kernelName() {
    return kernel.name();
  }

  BufferKernel kernel() {
    return kernel;
  }

  /**
   * The {@code parityCount} parity buffers of {@code data} (K buffers of one length, a positive
   * multiple of 64); an empty array when {@code parityCount} is 0.
   *
   * @throws InvalidErasureParamsException if K, parityCount and the length break a rule of {@link
   *     ErasureParams}
   * @throws IllegalArgumentException if the data buffers differ in length or one is null
   */
  public byte[][] encode(byte[][] data, int parityCount) {
    ErasureParams params = check(data, parityCount);
    byte[][] parity = new byte[parityCount][params.blockSize()];
    encodeChecked(params, data, parity);
    return parity;
  }

  /**
   * Writes the parity of {@code data} into {@code parity} (M buffers of the data's length),
   * overwriting their contents; the same result as {@link #encode(byte[][], int)} without
   * allocating the outputs.
   */
  public void encode(byte[][] data, byte[][] parity) {
    if (parity == null) {
      throw new IllegalArgumentException("parity buffers are null");
    }
    ErasureParams params = check(data, parity.length);
    for (int j = 0; j < parity.length; j++) {
      if (parity[j] == null || parity[j].length != params.blockSize()) {
        throw new IllegalArgumentException(
            "parity buffer "
                + j
                + " has "
                + (parity[j] == null ? "no array" : parity[j].length + " bytes")
                + ", expected "
                + params.blockSize());
      }
    }
    encodeChecked(params, data, parity);
  }

  private static ErasureParams check(byte[][] data, int parityCount) {
    if (data == null || data.length == 0) {
      throw new InvalidErasureParamsException("k = 0 data blocks; need at least 1");
    }
    for (int i = 0; i < data.length; i++) {
      if (data[i] == null) {
        throw new IllegalArgumentException("data buffer " + i + " is null");
      }
      if (data[i].length != data[0].length) {
        throw new IllegalArgumentException(
            "data buffer "
                + i
                + " has "
                + data[i].length
                + " bytes, buffer 0 has "
                + data[0].length);
      }
    }
    return new ErasureParams(data.length, parityCount, data[0].length);
  }

  private void encodeChecked(ErasureParams params, byte[][] data, byte[][] parity) {
    int k = params.k();
    int len = params.blockSize();
    if (params.m() == 0) {
      return;
    }
    if (k == 1) {
      for (byte[] p : parity) {
        System.arraycopy(data[0], 0, p, 0, len);
      }
      return;
    }
    if (params.m() == 1) {
      System.arraycopy(data[0], 0, parity[0], 0, len);
      for (int i = 1; i < k; i++) {
        kernel.xor(parity[0], 0, data[i], 0, len);
      }
      return;
    }
    new Run(LeopardField.forCode(k, params.m()), data, parity, len).encode();
  }

  /**
   * A per-thread work area of at least {@code size} bytes, kept between calls when it is at most
   * {@link #MAX_KEPT_SCRATCH}. Allocating it on every encode made 64 KiB encodes swing between 7.5
   * and 3.3 GB/s from one JVM run to the next, with perf showing page faults on fresh heap memory.
   */
  private static byte[] scratch(int size) {
    if (size > MAX_KEPT_SCRATCH) {
      return new byte[size];
    }
    byte[] scratch = SCRATCH.get();
    if (scratch == null || scratch.length < size) {
      scratch = new byte[size];
      SCRATCH.set(scratch);
    }
    return scratch;
  }

  /** The state of one general-case encode: accumulators, a work area, and their stripes. */
  private final class Run {
    private final LeopardField field;
    private final byte[][] data;
    private final int k;
    private final int parityCount;
    private final int m;
    private final int len;
    private final int stripe;
    // Accumulator i: parity[i] for i < M, else a full-length region of the scratch array.
    private final byte[][] acc;
    private final int[] accBase;
    // Work buffer i of a later chunk: a stripe-sized region of the scratch array.
    private final byte[] work;
    private final int workBase;
    private final boolean[] live;
    // Per buffer, the array and offset of the current stripe (in acc or in work).
    private final byte[][] arrays;
    private final int[] offsets;

    Run(LeopardField field, byte[][] data, byte[][] parity, int len) {
      this.field = field;
      this.data = data;
      this.k = data.length;
      this.parityCount = parity.length;
      this.m = ErasureParams.nextPow2(parityCount);
      this.len = len;
      this.stripe = Math.min(len, Math.max(64, Math.min(MAX_STRIPE, (STRIPE_BUDGET / m) & ~63)));
      long extraAcc = (long) (m - parityCount) * len;
      long workBytes = k > m ? (long) m * stripe : 0;
      if (extraAcc + workBytes > Integer.MAX_VALUE - 64) {
        throw new IllegalArgumentException(
            "K = "
                + k
                + ", M = "
                + parityCount
                + " with "
                + len
                + "-byte blocks needs "
                + (extraAcc + workBytes)
                + " bytes of work space, more than one array holds");
      }
      byte[] scratch = scratch((int) (extraAcc + workBytes));
      this.acc = new byte[m][];
      this.accBase = new int[m];
      for (int i = 0; i < m; i++) {
        acc[i] = i < parityCount ? parity[i] : scratch;
        accBase[i] = i < parityCount ? 0 : (i - parityCount) * len;
      }
      this.work = scratch;
      this.workBase = (int) extraAcc;
      this.live = new boolean[m];
      this.arrays = new byte[m][];
      this.offsets = new int[m];
    }

    /**
     * Chunk by chunk, stripe by stripe: IFFT each chunk's stripes and XOR them into the
     * accumulators; then FFT the accumulators stripe by stripe.
     */
    void encode() {
      for (int c = 0; c < k; c += m) {
        SymbolMultiplier[] skews = ifftSkews(c);
        int count = Math.min(m, k - c);
        for (int off = 0; off < len; off += stripe) {
          int n = Math.min(stripe, len - off);
          for (int i = 0; i < m; i++) {
            // The first chunk is transformed in place in the accumulators.
            arrays[i] = c == 0 ? acc[i] : work;
            offsets[i] = c == 0 ? accBase[i] + off : workBase + i * stripe;
            if (i < count) {
              System.arraycopy(data[c + i], off, arrays[i], offsets[i], n);
            } else {
              Arrays.fill(arrays[i], offsets[i], offsets[i] + n, (byte) 0);
            }
            live[i] = i < count;
          }
          inverseFft(skews, n);
          if (c > 0) {
            for (int i = 0; i < m; i++) {
              if (live[i]) {
                kernel.xor(acc[i], accBase[i] + off, arrays[i], offsets[i], n);
              }
            }
          }
        }
      }
      SymbolMultiplier[] skews = fftSkews();
      for (int off = 0; off < len; off += stripe) {
        forwardFft(skews, off, Math.min(stripe, len - off));
      }
    }

    /**
     * The IFFT multipliers of the chunk starting at data buffer {@code c}: entry {@code r + width}
     * is {@code SKEW[m - 1 + c + r + width]} (spec §6.9; each (r, width) pair gives a distinct
     * {@code r + width}, since r is a multiple of 2·width).
     */
    private SymbolMultiplier[] ifftSkews(int c) {
      SymbolMultiplier[] skews = new SymbolMultiplier[m];
      for (int j = 1; j < m; j++) {
        skews[j] = SymbolMultiplier.forLog(field, field.skew(m - 1 + c + j));
      }
      return skews;
    }

    /** The FFT multipliers: entry {@code r + width} is {@code SKEW[r + width - 1]} (spec §6.9). */
    private SymbolMultiplier[] fftSkews() {
      SymbolMultiplier[] skews = new SymbolMultiplier[m];
      for (int j = 1; j < m; j++) {
        skews[j] = SymbolMultiplier.forLog(field, field.skew(j - 1));
      }
      return skews;
    }

    /**
     * Leopard's decimation-in-time IFFT over the current stripes, skipping butterflies whose two
     * inputs are both still zero (missing inputs of a partial last chunk).
     */
    private void inverseFft(SymbolMultiplier[] skews, int n) {
      for (int width = 1; width < m; width <<= 1) {
        for (int r = 0; r < m; r += 2 * width) {
          SymbolMultiplier skew = skews[r + width];
          for (int i = r; i < r + width; i++) {
            int j = i + width;
            if (!live[i] && !live[j]) {
              continue;
            }
            if (skew == null) {
              kernel.xor(arrays[j], offsets[j], arrays[i], offsets[i], n);
            } else {
              kernel.ifftButterfly(arrays[i], offsets[i], arrays[j], offsets[j], n, skew);
            }
            live[i] = true;
            live[j] = true;
          }
        }
      }
    }

    /**
     * Leopard's FFT over the accumulator stripes at {@code off}. After the layer of a given width,
     * buffer i only reaches outputs in its block {@code [i - i mod width, … + width)}, so a group
     * whose first block starts at or beyond M (an output nobody reads) is skipped.
     */
    private void forwardFft(SymbolMultiplier[] skews, int off, int n) {
      for (int width = m >>> 1; width >= 1; width >>>= 1) {
        for (int r = 0; r < m && r < parityCount; r += 2 * width) {
          SymbolMultiplier skew = skews[r + width];
          for (int i = r; i < r + width; i++) {
            int j = i + width;
            int xo = accBase[i] + off;
            int yo = accBase[j] + off;
            if (skew == null) {
              kernel.xor(acc[j], yo, acc[i], xo, n);
            } else {
              kernel.fftButterfly(acc[i], xo, acc[j], yo, n, skew);
            }
          }
        }
      }
    }
  }

  private static final class Fastest {
    static final LeopardEncoder ENCODER = new LeopardEncoder(BufferKernel.fastest());
  }
}
