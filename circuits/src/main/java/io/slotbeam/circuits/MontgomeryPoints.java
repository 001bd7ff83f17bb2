package io.slotbeam.circuits;

import io.slotbeam.core.groth16.Fp;
import io.slotbeam.core.groth16.Fp2;
import io.slotbeam.core.groth16.G1Point;
import io.slotbeam.core.groth16.G2Point;
import java.math.BigInteger;
import java.nio.ByteBuffer;

/**
 * BN254 points as zkey files store them: affine, each base-field coordinate in Montgomery form
 * ({@code x·R mod q}, {@code R = 2^256}) as 32 little-endian bytes; G1 is {@code x, y} (64
 * bytes), G2 is {@code x.c0, x.c1, y.c0, y.c1} (128 bytes); all zeros is infinity ({@code
 * ffjavascript: src/wasm_curve.js toRprLEM}, {@code src/f2field.js toRprLEM}). Plain BigInteger
 * conversion: these accessors serve keys and tests, the prover reads the bytes as they are.
 */
public final class MontgomeryPoints {
  public static final int G1_BYTES = 2 * FieldBytes.N8;
  public static final int G2_BYTES = 4 * FieldBytes.N8;

  private static final BigInteger R = BigInteger.ONE.shiftLeft(256);
  private static final BigInteger R_INVERSE = R.mod(Fp.MODULUS).modInverse(Fp.MODULUS);

  private MontgomeryPoints() {}

  /** The G1 point of the 64 bytes at {@code offset} of {@code bytes} (absolute, not moved). */
  public static G1Point g1(ByteBuffer bytes, int offset) {
    BigInteger x = montgomeryLe(bytes, offset, "G1 x");
    BigInteger y = montgomeryLe(bytes, offset + FieldBytes.N8, "G1 y");
    return new G1Point(canonical(x), canonical(y));
  }

  /** The G2 point of the 128 bytes at {@code offset} of {@code bytes}. */
  public static G2Point g2(ByteBuffer bytes, int offset) {
    Fp[] c = new Fp[4];
    for (int i = 0; i < 4; i++) {
      c[i] = canonical(montgomeryLe(bytes, offset + i * FieldBytes.N8, "G2 coordinate " + i));
    }
    return new G2Point(new Fp2(c[0], c[1]), new Fp2(c[2], c[3]));
  }

  /** The 64 bytes of {@code point}, the inverse of {@link #g1}. */
  public static byte[] g1Bytes(G1Point point) {
    byte[] out = new byte[G1_BYTES];
    put(out, 0, point.x());
    put(out, 1, point.y());
    return out;
  }

  /** The 128 bytes of {@code point}, the inverse of {@link #g2}. */
  public static byte[] g2Bytes(G2Point point) {
    byte[] out = new byte[G2_BYTES];
    put(out, 0, point.x().c0());
    put(out, 1, point.x().c1());
    put(out, 2, point.y().c0());
    put(out, 3, point.y().c1());
    return out;
  }

  /** Whether the coordinate at {@code offset} is below q (Montgomery values are reduced). */
  static boolean isReduced(ByteBuffer bytes, int offset) {
    return le(bytes, offset).compareTo(Fp.MODULUS) < 0;
  }

  private static void put(byte[] out, int index, Fp coordinate) {
    BigInteger mont = coordinate.value().multiply(R).mod(Fp.MODULUS);
    System.arraycopy(FieldBytes.le32(mont), 0, out, index * FieldBytes.N8, FieldBytes.N8);
  }

  private static BigInteger montgomeryLe(ByteBuffer bytes, int offset, String what) {
    BigInteger value = le(bytes, offset);
    if (value.compareTo(Fp.MODULUS) >= 0) {
      throw new BinFileException(
          what + " at byte " + offset + " is " + value + ", not a Montgomery value below q");
    }
    return value;
  }

  private static BigInteger le(ByteBuffer bytes, int offset) {
    byte[] raw = new byte[FieldBytes.N8];
    bytes.get(offset, raw);
    return FieldBytes.fromLe(raw);
  }

  private static Fp canonical(BigInteger montgomery) {
    return new Fp(montgomery.multiply(R_INVERSE).mod(Fp.MODULUS));
  }
}
