package io.slotbeam.core.erasure;

/**
 * The plain kernel: one byte at a time through 256-entry product tables ({@link
 * SymbolMultiplier#products}). The reference the vector kernel is tested against, and the path used
 * when the Vector API is absent.
 */
final class ScalarBufferKernel extends BufferKernel {
  static final ScalarBufferKernel INSTANCE = new ScalarBufferKernel();

  private ScalarBufferKernel() {}

  @Override
  String name() {
    return "scalar";
  }

  @Override
  void xor(byte[] x, int xo, byte[] y, int yo, int len) {
    for (int i = 0; i < len; i++) {
      x[xo + i] ^= y[yo + i];
    }
  }

  @Override
  void mulAdd(byte[] x, int xo, byte[] y, int yo, int len, SymbolMultiplier c) {
    byte[] p = c.products;
    if (c.bits == 8) {
      for (int i = 0; i < len; i++) {
        x[xo + i] ^= p[y[yo + i] & 0xFF];
      }
      return;
    }
    for (int chunk = 0; chunk < len; chunk += 64) {
      for (int i = 0; i < 32; i++) {
        int lo = y[yo + chunk + i] & 0xFF;
        int hi = y[yo + chunk + 32 + i] & 0xFF;
        x[xo + chunk + i] ^= (byte) (p[lo] ^ p[256 + hi]);
        x[xo + chunk + 32 + i] ^= (byte) (p[512 + lo] ^ p[768 + hi]);
      }
    }
  }

  @Override
  void ifftButterfly(byte[] x, int xo, byte[] y, int yo, int len, SymbolMultiplier c) {
    xor(y, yo, x, xo, len);
    mulAdd(x, xo, y, yo, len, c);
  }

  @Override
  void fftButterfly(byte[] x, int xo, byte[] y, int yo, int len, SymbolMultiplier c) {
    mulAdd(x, xo, y, yo, len, c);
    xor(y, yo, x, xo, len);
  }
}
