package io.slotbeam.core.erasure;

/**
 * The parity half of Leopard's systematic generator matrix for K data and M parity blocks: {@code
 * parity_j = Σ_i C[j][i] · data_i}, symbol-wise in {@link LeopardField#forCode(int, int)}.
 *
 * <p>Found by the encoder's linearity (spec datapath §6.9, "Linearity shortcut"): {@code C[j][i]}
 * is parity symbol j when data symbol i is 1 and every other input is 0. All K unit inputs are
 * encoded at once, side by side: data buffer i has a 1 at symbol i only, so parity buffer j holds
 * row j of C. For FF8 K=5/M=3 this gives {@code [[13,14,11,9,14],[14,13,9,11,11],[11,9,13,14,13]]}.
 */
public final class GeneratorMatrix {
  private final int k;
  private final int m;
  private final LeopardField field;
  private final int[][] parity;

  private GeneratorMatrix(int k, int m, LeopardField field, int[][] parity) {
    this.k = k;
    this.m = m;
    this.field = field;
    this.parity = parity;
  }

  /** The coefficients of the code with {@code k} data and {@code m} parity blocks. */
  public static GeneratorMatrix of(int k, int m) {
    return of(k, m, LeopardEncoder.scalar());
  }

  static GeneratorMatrix of(int k, int m, LeopardEncoder encoder) {
    LeopardField field = LeopardField.forCode(k, m);
    int symbolsPerChunk = field.bits() == 8 ? 64 : 32;
    int bytes = Math.max(1, (k + symbolsPerChunk - 1) / symbolsPerChunk) * 64;
    new ErasureParams(k, m, bytes); // the same rules as the encoder, before any work
    byte[][] units = new byte[k][bytes];
    for (int i = 0; i < k; i++) {
      field.setSymbol(units[i], i, 1);
    }
    byte[][] parityBuffers = encoder.encode(units, m);
    int[][] coefficients = new int[m][k];
    for (int j = 0; j < m; j++) {
      for (int i = 0; i < k; i++) {
        coefficients[j][i] = field.symbol(parityBuffers[j], i);
      }
    }
    return new GeneratorMatrix(k, m, field, coefficients);
  }

  public int k() {
    return k;
  }

  public int m() {
    return m;
  }

  /** The field the coefficients (and the buffers' symbols) live in. */
  public LeopardField field() {
    return field;
  }

  /** {@code C[j][i]}: the weight of data block {@code i} in parity block {@code j}. */
  public int coefficient(int j, int i) {
    return parity[j][i];
  }

  /** Row {@code j} of C, a copy. */
  public int[] parityRow(int j) {
    return parity[j].clone();
  }
}
