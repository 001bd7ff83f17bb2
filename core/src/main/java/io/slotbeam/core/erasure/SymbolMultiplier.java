package io.slotbeam.core.erasure;

/**
 * Lookup tables that multiply every symbol of a buffer by one field constant, given by its
 * logarithm (Leopard's {@code mulLog(symbol, lm)}, spec §6.9), in the forms the two kernels read.
 *
 * <p>Multiplication by a constant is linear over GF(2), so a symbol's product is the XOR of the
 * products of its parts:
 *
 * <ul>
 *   <li>{@link #products} (scalar kernel): whole bytes. FF8: 256 entries, {@code c·b}. FF16: four
 *       tables of 256, {@code [low byte of c·b, low byte of c·(b<<8), high byte of c·b, high byte
 *       of c·(b<<8)]}, so an output low byte is {@code P0[lo] ^ P1[hi]} and a high byte {@code
 *       P2[lo] ^ P3[hi]}.
 *   <li>{@link #nibbles} (vector kernel): 16-entry tables for each 4-bit part, each padded to
 *       {@link #NIBBLE_STRIDE} bytes so that one 512-bit load takes a table. FF8: {@code [c·n,
 *       c·(n<<4)]}. FF16: the low output bytes for nibble positions 0..3 ({@code c·(n<<4q)}), then
 *       the high output bytes for positions 0..3.
 * </ul>
 */
final class SymbolMultiplier {
  /** Bytes between two nibble tables: one 512-bit vector. */
  static final int NIBBLE_STRIDE = 64;

  final int bits;
  final int logValue;
  final byte[] products;
  final byte[] nibbles;

  private SymbolMultiplier(int bits, int logValue, byte[] products, byte[] nibbles) {
    this.bits = bits;
    this.logValue = logValue;
    this.products = products;
    this.nibbles = nibbles;
  }

  /**
   * The tables for multiplying by the element with logarithm {@code logValue}, or {@code null} when
   * that is {@code modulus}, which Leopard's butterflies treat as "skip the multiply". FF8's 255
   * multipliers are built once (96 KiB); an FF16 one is built on each call (about 600 table
   * products, a few microseconds), since all 65535 would take 96 MiB.
   */
  static SymbolMultiplier forLog(LeopardField field, int logValue) {
    if (logValue == field.modulus()) {
      return null;
    }
    return field.bits() == 8 ? Ff8Cache.ALL[logValue] : forLog16(field, logValue);
  }

  /** The tables for multiplying by {@code element}, or {@code null} when it is 0. */
  static SymbolMultiplier forElement(LeopardField field, int element) {
    return element == 0 ? null : forLog(field, field.log(element));
  }

  private static final class Ff8Cache {
    static final SymbolMultiplier[] ALL = new SymbolMultiplier[255];

    static {
      for (int lm = 0; lm < ALL.length; lm++) {
        ALL[lm] = forLog8(LeopardField.ff8(), lm);
      }
    }
  }

  private static SymbolMultiplier forLog8(LeopardField field, int lm) {
    byte[] products = new byte[256];
    for (int b = 0; b < 256; b++) {
      products[b] = (byte) field.mulLog(b, lm);
    }
    byte[] nibbles = new byte[2 * NIBBLE_STRIDE];
    for (int n = 0; n < 16; n++) {
      nibbles[n] = products[n];
      nibbles[NIBBLE_STRIDE + n] = products[n << 4];
    }
    return new SymbolMultiplier(8, lm, products, nibbles);
  }

  private static SymbolMultiplier forLog16(LeopardField field, int lm) {
    byte[] products = new byte[4 * 256];
    for (int b = 0; b < 256; b++) {
      int fromLow = field.mulLog(b, lm);
      int fromHigh = field.mulLog(b << 8, lm);
      products[b] = (byte) fromLow;
      products[256 + b] = (byte) fromHigh;
      products[512 + b] = (byte) (fromLow >>> 8);
      products[768 + b] = (byte) (fromHigh >>> 8);
    }
    byte[] nibbles = new byte[8 * NIBBLE_STRIDE];
    for (int q = 0; q < 4; q++) {
      for (int n = 0; n < 16; n++) {
        int product = field.mulLog(n << (4 * q), lm);
        nibbles[q * NIBBLE_STRIDE + n] = (byte) product;
        nibbles[(4 + q) * NIBBLE_STRIDE + n] = (byte) (product >>> 8);
      }
    }
    return new SymbolMultiplier(16, lm, products, nibbles);
  }
}
