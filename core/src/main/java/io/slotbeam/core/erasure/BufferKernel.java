package io.slotbeam.core.erasure;

import io.slotbeam.core.field.VectorSupport;

/**
 * The inner loops of Leopard coding, each over a whole run of bytes: XOR, multiply-add by a
 * constant, and the two FFT butterflies (spec datapath §6.9, "Butterflies"). Runs are {@code
 * (array, offset, length)} with the length a multiple of 64, in the symbol layout of the
 * multiplier's field (FF16: 64-byte chunks, low bytes then high bytes).
 *
 * <p>Two implementations give identical bytes: {@link ScalarBufferKernel} (256-entry product
 * tables, one byte at a time) and {@link VectorBufferKernel} (16-entry nibble tables looked up with
 * the incubating Vector API's byte shuffles). {@link #fastest()} picks the vector one when the JVM
 * has {@code jdk.incubator.vector} and at least 256-bit byte vectors; {@code
 * -Dslotbeam.erasure.vector=false} forces the scalar one.
 */
abstract class BufferKernel {

  /** {@code x ^= y}. */
  abstract void xor(byte[] x, int xo, byte[] y, int yo, int len);

  /** {@code x ^= c·y}, symbol-wise. */
  abstract void mulAdd(byte[] x, int xo, byte[] y, int yo, int len, SymbolMultiplier c);

  /** Leopard's IFFT butterfly with a multiply: {@code y ^= x; x ^= c·y}. */
  abstract void ifftButterfly(byte[] x, int xo, byte[] y, int yo, int len, SymbolMultiplier c);

  /** Leopard's FFT butterfly with a multiply: {@code x ^= c·y; y ^= x}. */
  abstract void fftButterfly(byte[] x, int xo, byte[] y, int yo, int len, SymbolMultiplier c);

  /** A short name for benchmarks and messages. */
  abstract String name();

  @Override
  public String toString() {
    return name();
  }

  /** The table-driven scalar kernel: runs anywhere. */
  static BufferKernel scalar() {
    return ScalarBufferKernel.INSTANCE;
  }

  /**
   * The Vector API kernel; fails when the JVM was started without {@code
   * --add-modules=jdk.incubator.vector}. Correct on any CPU, fast where byte shuffles are native.
   */
  static BufferKernel vector() {
    if (!VectorSupport.modulePresent()) {
      throw new IllegalStateException(
          "the vector erasure kernel needs the JVM flag --add-modules=jdk.incubator.vector");
    }
    return VectorBufferKernel.INSTANCE;
  }

  /** The vector kernel where it pays (module present, at least 256-bit vectors), else scalar. */
  static BufferKernel fastest() {
    return Fastest.KERNEL;
  }

  private static final class Fastest {
    static final BufferKernel KERNEL =
        Boolean.parseBoolean(System.getProperty("slotbeam.erasure.vector", "true"))
                && VectorSupport.preferredBits() >= 256
            ? VectorBufferKernel.INSTANCE
            : ScalarBufferKernel.INSTANCE;
  }
}
