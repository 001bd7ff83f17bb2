package io.slotbeam.core.erasure;

import static jdk.incubator.vector.VectorOperators.LSHR;
import static jdk.incubator.vector.VectorOperators.XOR;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The fast kernel: multiplies 32 symbol bytes at once by looking up their 4-bit parts in 16-entry
 * tables ({@link SymbolMultiplier#nibbles}) with {@link ByteVector#selectFrom}, which C2 compiles
 * to one byte shuffle ({@code vpshufb}/{@code vpermb}) per lookup. Everything runs on 256-bit
 * vectors: for FF16 one vector is exactly the low (or high) bytes of the 32 symbols of a 64-byte
 * chunk, and for FF8 it is 32 symbols.
 *
 * <p>What was measured on the AMD EPYC (AVX-512) build machine, JDK 17, 4 KiB runs, and why the
 * code looks like this:
 *
 * <ul>
 *   <li>An FF8 multiply-add ran at about 16 GB/s at 256 bits and 20 GB/s at 512 bits, FF16 at 13
 *       GB/s. Whole 64 KiB encodes (K=10/M=4, K=32/M=16) differed by 4% and 13% between the widths.
 *   <li>But using both widths of byte shuffle in one JVM (512 for FF8, 256 for FF16) made whichever
 *       width C2 compiled second about 10x slower. Our reading of the inlining log: the index check
 *       inside {@code rearrange} is code shared by every shuffle class, and once its profile has
 *       seen two shapes the species is no longer a constant, so the vectors are boxed. One width
 *       for both fields avoids it, hence 256 bits only.
 *   <li>The product is written out in every loop: with a helper method taking and returning
 *       vectors, C2 sometimes declined to inline it ("already compiled into a big method") and the
 *       boxed vectors ran at 1 GB/s.
 *   <li>Taking the high nibble by shifting the bytes reinterpreted as ints ran at 6 GB/s; the
 *       byte-lane {@code LSHR} used here compiles well. {@code lo.rearrange(v.toShuffle())} instead
 *       of {@code v.selectFrom(lo)} ran at 1.3 GB/s.
 * </ul>
 */
final class VectorBufferKernel extends BufferKernel {
  private static final VectorSpecies<Byte> B256 = ByteVector.SPECIES_256;
  private static final int T = SymbolMultiplier.NIBBLE_STRIDE;

  static final VectorBufferKernel INSTANCE = new VectorBufferKernel();

  private VectorBufferKernel() {}

  @Override
  String name() {
    return "vector256";
  }

  @Override
  void xor(byte[] x, int xo, byte[] y, int yo, int len) {
    for (int i = 0; i < len; i += 32) {
      ByteVector.fromArray(B256, x, xo + i)
          .lanewise(XOR, ByteVector.fromArray(B256, y, yo + i))
          .intoArray(x, xo + i);
    }
  }

  @Override
  void mulAdd(byte[] x, int xo, byte[] y, int yo, int len, SymbolMultiplier c) {
    if (c.bits == 16) {
      mulAdd16(x, xo, y, yo, len, c.nibbles);
    } else {
      mulAdd8(x, xo, y, yo, len, c.nibbles);
    }
  }

  @Override
  void ifftButterfly(byte[] x, int xo, byte[] y, int yo, int len, SymbolMultiplier c) {
    if (c.bits == 16) {
      ifft16(x, xo, y, yo, len, c.nibbles);
    } else {
      ifft8(x, xo, y, yo, len, c.nibbles);
    }
  }

  @Override
  void fftButterfly(byte[] x, int xo, byte[] y, int yo, int len, SymbolMultiplier c) {
    if (c.bits == 16) {
      fft16(x, xo, y, yo, len, c.nibbles);
    } else {
      fft8(x, xo, y, yo, len, c.nibbles);
    }
  }

  // FF8: product = low-nibble lookup XOR high-nibble lookup. The three loops differ only in where
  // the product goes.

  private static void mulAdd8(byte[] x, int xo, byte[] y, int yo, int len, byte[] t) {
    ByteVector low = ByteVector.fromArray(B256, t, 0);
    ByteVector high = ByteVector.fromArray(B256, t, T);
    for (int i = 0; i < len; i += 32) {
      ByteVector b = ByteVector.fromArray(B256, y, yo + i);
      ByteVector product =
          b.and((byte) 0x0F).selectFrom(low).lanewise(XOR, b.lanewise(LSHR, 4).selectFrom(high));
      ByteVector.fromArray(B256, x, xo + i).lanewise(XOR, product).intoArray(x, xo + i);
    }
  }

  private static void ifft8(byte[] x, int xo, byte[] y, int yo, int len, byte[] t) {
    ByteVector low = ByteVector.fromArray(B256, t, 0);
    ByteVector high = ByteVector.fromArray(B256, t, T);
    for (int i = 0; i < len; i += 32) {
      ByteVector a = ByteVector.fromArray(B256, x, xo + i);
      ByteVector b = ByteVector.fromArray(B256, y, yo + i).lanewise(XOR, a);
      b.intoArray(y, yo + i);
      ByteVector product =
          b.and((byte) 0x0F).selectFrom(low).lanewise(XOR, b.lanewise(LSHR, 4).selectFrom(high));
      a.lanewise(XOR, product).intoArray(x, xo + i);
    }
  }

  private static void fft8(byte[] x, int xo, byte[] y, int yo, int len, byte[] t) {
    ByteVector low = ByteVector.fromArray(B256, t, 0);
    ByteVector high = ByteVector.fromArray(B256, t, T);
    for (int i = 0; i < len; i += 32) {
      ByteVector b = ByteVector.fromArray(B256, y, yo + i);
      ByteVector product =
          b.and((byte) 0x0F).selectFrom(low).lanewise(XOR, b.lanewise(LSHR, 4).selectFrom(high));
      ByteVector a = ByteVector.fromArray(B256, x, xo + i).lanewise(XOR, product);
      a.intoArray(x, xo + i);
      b.lanewise(XOR, a).intoArray(y, yo + i);
    }
  }

  // FF16, 256-bit: per 64-byte chunk, vector "lo" holds the low bytes and "hi" the high bytes of
  // 32 symbols; each output plane is the XOR of four nibble lookups (tables 0..3 give the low
  // output bytes, 4..7 the high ones). The product is written out in every loop: vectors passed to
  // or returned from a helper method were boxed whenever C2 did not inline it, and ran 10x slower.

  private static void mulAdd16(byte[] x, int xo, byte[] y, int yo, int len, byte[] t) {
    ByteVector l0 = ByteVector.fromArray(B256, t, 0);
    ByteVector l1 = ByteVector.fromArray(B256, t, T);
    ByteVector l2 = ByteVector.fromArray(B256, t, 2 * T);
    ByteVector l3 = ByteVector.fromArray(B256, t, 3 * T);
    ByteVector h0 = ByteVector.fromArray(B256, t, 4 * T);
    ByteVector h1 = ByteVector.fromArray(B256, t, 5 * T);
    ByteVector h2 = ByteVector.fromArray(B256, t, 6 * T);
    ByteVector h3 = ByteVector.fromArray(B256, t, 7 * T);
    for (int i = 0; i < len; i += 64) {
      ByteVector lo = ByteVector.fromArray(B256, y, yo + i);
      ByteVector hi = ByteVector.fromArray(B256, y, yo + i + 32);
      ByteVector n0 = lo.and((byte) 0x0F);
      ByteVector n1 = lo.lanewise(LSHR, 4);
      ByteVector n2 = hi.and((byte) 0x0F);
      ByteVector n3 = hi.lanewise(LSHR, 4);
      ByteVector productLo =
          n0.selectFrom(l0)
              .lanewise(XOR, n1.selectFrom(l1))
              .lanewise(XOR, n2.selectFrom(l2).lanewise(XOR, n3.selectFrom(l3)));
      ByteVector productHi =
          n0.selectFrom(h0)
              .lanewise(XOR, n1.selectFrom(h1))
              .lanewise(XOR, n2.selectFrom(h2).lanewise(XOR, n3.selectFrom(h3)));
      ByteVector.fromArray(B256, x, xo + i).lanewise(XOR, productLo).intoArray(x, xo + i);
      ByteVector.fromArray(B256, x, xo + i + 32).lanewise(XOR, productHi).intoArray(x, xo + i + 32);
    }
  }

  private static void ifft16(byte[] x, int xo, byte[] y, int yo, int len, byte[] t) {
    ByteVector l0 = ByteVector.fromArray(B256, t, 0);
    ByteVector l1 = ByteVector.fromArray(B256, t, T);
    ByteVector l2 = ByteVector.fromArray(B256, t, 2 * T);
    ByteVector l3 = ByteVector.fromArray(B256, t, 3 * T);
    ByteVector h0 = ByteVector.fromArray(B256, t, 4 * T);
    ByteVector h1 = ByteVector.fromArray(B256, t, 5 * T);
    ByteVector h2 = ByteVector.fromArray(B256, t, 6 * T);
    ByteVector h3 = ByteVector.fromArray(B256, t, 7 * T);
    for (int i = 0; i < len; i += 64) {
      ByteVector xlo = ByteVector.fromArray(B256, x, xo + i);
      ByteVector xhi = ByteVector.fromArray(B256, x, xo + i + 32);
      ByteVector lo = ByteVector.fromArray(B256, y, yo + i).lanewise(XOR, xlo);
      ByteVector hi = ByteVector.fromArray(B256, y, yo + i + 32).lanewise(XOR, xhi);
      lo.intoArray(y, yo + i);
      hi.intoArray(y, yo + i + 32);
      ByteVector n0 = lo.and((byte) 0x0F);
      ByteVector n1 = lo.lanewise(LSHR, 4);
      ByteVector n2 = hi.and((byte) 0x0F);
      ByteVector n3 = hi.lanewise(LSHR, 4);
      ByteVector productLo =
          n0.selectFrom(l0)
              .lanewise(XOR, n1.selectFrom(l1))
              .lanewise(XOR, n2.selectFrom(l2).lanewise(XOR, n3.selectFrom(l3)));
      ByteVector productHi =
          n0.selectFrom(h0)
              .lanewise(XOR, n1.selectFrom(h1))
              .lanewise(XOR, n2.selectFrom(h2).lanewise(XOR, n3.selectFrom(h3)));
      xlo.lanewise(XOR, productLo).intoArray(x, xo + i);
      xhi.lanewise(XOR, productHi).intoArray(x, xo + i + 32);
    }
  }

  private static void fft16(byte[] x, int xo, byte[] y, int yo, int len, byte[] t) {
    ByteVector l0 = ByteVector.fromArray(B256, t, 0);
    ByteVector l1 = ByteVector.fromArray(B256, t, T);
    ByteVector l2 = ByteVector.fromArray(B256, t, 2 * T);
    ByteVector l3 = ByteVector.fromArray(B256, t, 3 * T);
    ByteVector h0 = ByteVector.fromArray(B256, t, 4 * T);
    ByteVector h1 = ByteVector.fromArray(B256, t, 5 * T);
    ByteVector h2 = ByteVector.fromArray(B256, t, 6 * T);
    ByteVector h3 = ByteVector.fromArray(B256, t, 7 * T);
    for (int i = 0; i < len; i += 64) {
      ByteVector lo = ByteVector.fromArray(B256, y, yo + i);
      ByteVector hi = ByteVector.fromArray(B256, y, yo + i + 32);
      ByteVector n0 = lo.and((byte) 0x0F);
      ByteVector n1 = lo.lanewise(LSHR, 4);
      ByteVector n2 = hi.and((byte) 0x0F);
      ByteVector n3 = hi.lanewise(LSHR, 4);
      ByteVector productLo =
          n0.selectFrom(l0)
              .lanewise(XOR, n1.selectFrom(l1))
              .lanewise(XOR, n2.selectFrom(l2).lanewise(XOR, n3.selectFrom(l3)));
      ByteVector productHi =
          n0.selectFrom(h0)
              .lanewise(XOR, n1.selectFrom(h1))
              .lanewise(XOR, n2.selectFrom(h2).lanewise(XOR, n3.selectFrom(h3)));
      ByteVector xlo = ByteVector.fromArray(B256, x, xo + i).lanewise(XOR, productLo);
      ByteVector xhi = ByteVector.fromArray(B256, x, xo + i + 32).lanewise(XOR, productHi);
      xlo.intoArray(x, xo + i);
      xhi.intoArray(x, xo + i + 32);
      lo.lanewise(XOR, xlo).intoArray(y, yo + i);
      hi.lanewise(XOR, xhi).intoArray(y, yo + i + 32);
    }
  }
}
