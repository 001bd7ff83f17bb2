package io.slotbeam.core.erasure;

/**
 * GF(2^8) or GF(2^16) exactly as Leopard represents it (spec datapath §6.9, "Fields"; {@code
 * leopard: LeopardFF8.cpp}, {@code LeopardFF16.cpp}): elements in a Cantor basis, addition is XOR,
 * value 1 is the multiplicative identity, and products go through logarithm tables.
 *
 * <p>Logarithms are in {@code [0, modulus]}; {@link #log(int) log(0)} is {@code modulus}, and an
 * FFT skew equal to {@code modulus} means "multiply by zero" (spec §6.9). The two instances are
 * built on first use from the generator polynomial and basis, and checked by tests against the
 * values the spec lists.
 *
 * <p>Buffer layout of symbols: FF8 has one symbol per byte. FF16 works in 64-byte chunks whose
 * bytes 0..31 are the low bytes and bytes 32..63 the high bytes of 32 symbols ({@link
 * #symbol(byte[], int)}).
 */
public final class LeopardField {
  // Spec §6.9: generator polynomials and Cantor bases.
  private static final int FF8_POLYNOMIAL = 0x11D;
  private static final int[] FF8_BASIS = {1, 214, 152, 146, 86, 200, 88, 230};
  private static final int FF16_POLYNOMIAL = 0x1002D;
  private static final int[] FF16_BASIS = {
    0x0001, 0xACCA, 0x3C0E, 0x163E, 0xC582, 0xED2E, 0x914C, 0x4012,
    0x6C98, 0x10D8, 0x6A72, 0xB900, 0xFDB8, 0xFB34, 0xFF38, 0x991E
  };

  private final int bits;
  private final int order;
  private final int modulus;
  private final int[] log;
  private final int[] exp;
  private final int[] skew;

  private LeopardField(int bits, int polynomial, int[] basis) {
    this.bits = bits;
    this.order = 1 << bits;
    this.modulus = order - 1;
    this.log = new int[order];
    this.exp = new int[order];
    buildLogarithmTables(polynomial, basis);
    this.skew = buildSkew();
  }

  /** GF(2^8), used when Leopard's FFT size is at most 256. */
  public static LeopardField ff8() {
    return Ff8.FIELD;
  }

  /** GF(2^16), used when Leopard's FFT size is above 256 (up to 65536). */
  public static LeopardField ff16() {
    return Ff16.FIELD;
  }

  /**
   * The field Leopard encodes {@code k} data and {@code m} parity blocks in (spec §6.9 "Dispatch"):
   * FF8 when {@code nextPow2(nextPow2(m) + k) ≤ 256}, else FF16. For {@code k = 1} or {@code m ≤ 1}
   * Leopard only copies or XORs, which is the same code over either field; FF8 is returned so that
   * every byte is one symbol.
   */
  public static LeopardField forCode(int k, int m) {
    if (k == 1 || m <= 1) {
      return ff8();
    }
    return ErasureParams.leopardWorkSize(k, m) <= 256 ? ff8() : ff16();
  }

  // Spec §6.9, "Table construction (InitializeLogarithmTables)".
  private void buildLogarithmTables(int polynomial, int[] basis) {
    int state = 1;
    for (int i = 0; i < modulus; i++) {
      exp[state] = i;
      state <<= 1;
      if (state >= order) {
        state ^= polynomial;
      }
    }
    exp[0] = modulus;
    log[0] = 0;
    for (int i = 0; i < bits; i++) {
      int width = 1 << i;
      for (int j = 0; j < width; j++) {
        log[j + width] = log[j] ^ basis[i];
      }
    }
    for (int i = 0; i < order; i++) {
      log[i] = exp[log[i]];
    }
    for (int i = 0; i < order; i++) {
      exp[log[i]] = i;
    }
    exp[modulus] = exp[0];
  }

  // Spec §6.9, "FFT skew table (FFTInitialize)".
  private int[] buildSkew() {
    int[] table = new int[modulus];
    int[] temp = new int[bits - 1];
    for (int i = 1; i < bits; i++) {
      temp[i - 1] = 1 << i;
    }
    for (int mm = 0; mm < bits - 1; mm++) {
      int step = 1 << (mm + 1);
      table[(1 << mm) - 1] = 0;
      for (int i = mm; i < bits - 1; i++) {
        int s = 1 << (i + 1);
        for (int j = (1 << mm) - 1; j < s; j += step) {
          table[j + s] = table[j] ^ temp[i];
        }
      }
      temp[mm] = modulus - log[mulLog(temp[mm], log[temp[mm] ^ 1])];
      for (int i = mm + 1; i < bits - 1; i++) {
        temp[i] = mulLog(temp[i], addMod(log[temp[i] ^ 1], temp[mm]));
      }
    }
    for (int i = 0; i < modulus; i++) {
      table[i] = log[table[i]];
    }
    return table;
  }

  /** 8 or 16. */
  public int bits() {
    return bits;
  }

  /** {@code 2^bits - 1}: the number of nonzero elements, and the "zero" logarithm. */
  public int modulus() {
    return modulus;
  }

  /** The logarithm of {@code element}; {@code modulus} for 0. */
  public int log(int element) {
    return log[element];
  }

  /** The element whose logarithm is {@code logValue} (in {@code [0, modulus]}). */
  public int exp(int logValue) {
    return exp[logValue];
  }

  /** Leopard's FFT skew {@code SKEW[index]} (a logarithm), for index in {@code [0, modulus)}. */
  public int skew(int index) {
    return skew[index];
  }

  /**
   * {@code a + b mod modulus}, where the result may be {@code modulus} itself (Leopard's AddMod).
   */
  public int addMod(int a, int b) {
    int sum = a + b;
    return (sum + (sum >>> bits)) & modulus;
  }

  /** {@code a} times the element whose logarithm is {@code logB} (Leopard's MultiplyLog). */
  public int mulLog(int a, int logB) {
    return a == 0 ? 0 : exp[addMod(log[a], logB)];
  }

  /** The product of two elements. */
  public int multiply(int a, int b) {
    return b == 0 ? 0 : mulLog(a, log[b]);
  }

  /** The multiplicative inverse of a nonzero element. */
  public int inverse(int a) {
    if (a == 0) {
      throw new ArithmeticException("0 has no inverse in GF(2^" + bits + ")");
    }
    return exp[modulus - log[a]];
  }

  /** Symbols in a buffer of {@code bytes} bytes (a multiple of 64): {@code bytes} or half of it. */
  public int symbolCount(int bytes) {
    return bits == 8 ? bytes : bytes / 2;
  }

  /** Symbol {@code index} of {@code buffer} in Leopard's layout for this field. */
  public int symbol(byte[] buffer, int index) {
    if (bits == 8) {
      return buffer[index] & 0xFF;
    }
    int at = (index >>> 5) * 64 + (index & 31);
    return (buffer[at] & 0xFF) | (buffer[at + 32] & 0xFF) << 8;
  }

  /** Writes symbol {@code index} of {@code buffer} in Leopard's layout for this field. */
  public void setSymbol(byte[] buffer, int index, int value) {
    if (bits == 8) {
      buffer[index] = (byte) value;
      return;
    }
    int at = (index >>> 5) * 64 + (index & 31);
    buffer[at] = (byte) value;
    buffer[at + 32] = (byte) (value >>> 8);
  }

  @Override
  public String toString() {
    return "LeopardField(GF(2^" + bits + "))";
  }

  private static final class Ff8 {
    static final LeopardField FIELD = new LeopardField(8, FF8_POLYNOMIAL, FF8_BASIS);
  }

  private static final class Ff16 {
    static final LeopardField FIELD = new LeopardField(16, FF16_POLYNOMIAL, FF16_BASIS);
  }
}
