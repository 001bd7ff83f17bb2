package io.slotbeam.core.erasure;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Rebuilds the missing shards of one Leopard group from any K present ones. Only the encoder has to
 * match Leopard byte for byte (spec datapath §6.7); this decoder is a plain linear-algebra one for
 * the same code, built on the {@link GeneratorMatrix}:
 *
 * <ol>
 *   <li>For the e missing data blocks D, take the first e present parity blocks P and their
 *       syndromes {@code s_j = p_j ^ Σ_{i ∉ D} C[j][i]·d_i}, which leave {@code s_j = Σ_{i ∈ D}
 *       C[j][i]·d_i}.
 *   <li>Invert the e×e matrix {@code C[P][D]} by Gauss–Jordan elimination (every square block of C
 *       is invertible because the code is MDS) and apply it to the syndromes.
 *   <li>Re-encode the now complete data for any missing parity.
 * </ol>
 *
 * Buffer work is {@code e·K} multiply-adds on the encoder's kernel, symbol-wise in the code's field
 * and layout. Unlike Leopard's decoder (spec §6.9), this also fills in missing parity.
 */
public final class LeopardDecoder {
  private final LeopardEncoder encoder;
  private volatile GeneratorMatrix lastMatrix;

  /** A decoder whose buffer loops and parity re-encoding run on {@code encoder}'s kernel. */
  public LeopardDecoder(LeopardEncoder encoder) {
    this.encoder = encoder;
  }

  /** A decoder on the fastest kernel. */
  public static LeopardDecoder fastest() {
    return new LeopardDecoder(LeopardEncoder.fastest());
  }

  /**
   * Fills every null entry of {@code shards} (K data then M parity buffers, all of one length) with
   * the shard it stands for; present entries are left untouched.
   *
   * @throws TooFewShardsException if fewer than {@code k} shards are present
   * @throws InvalidErasureParamsException if {@code k}, {@code m} and the shard length break a rule
   *     of {@link ErasureParams}
   * @throws IllegalArgumentException if {@code shards} does not have {@code k + m} entries or the
   *     present shards differ in length
   */
  public void reconstruct(byte[][] shards, int k, int m) {
    int len = check(shards, k, m);
    int[] missingData = missing(shards, 0, k);
    if (missingData.length > 0) {
      recoverData(shards, k, m, len, missingData);
    }
    int[] missingParity = missing(shards, k, k + m);
    if (missingParity.length > 0) {
      byte[][] parity = encoder.encode(Arrays.copyOf(shards, k), m);
      for (int index : missingParity) {
        shards[index] = parity[index - k];
      }
    }
  }

  private static int check(byte[][] shards, int k, int m) {
    if (shards == null) {
      throw new IllegalArgumentException("shards are null");
    }
    if (shards.length != (long) k + m) {
      throw new IllegalArgumentException(
          "shards has " + shards.length + " entries, expected k + m = " + k + " + " + m);
    }
    int present = 0;
    int len = -1;
    for (int i = 0; i < shards.length; i++) {
      if (shards[i] == null) {
        continue;
      }
      present++;
      if (len < 0) {
        len = shards[i].length;
      } else if (shards[i].length != len) {
        throw new IllegalArgumentException(
            "shard " + i + " has " + shards[i].length + " bytes, the first present one has " + len);
      }
    }
    if (present < k) {
      throw new TooFewShardsException(
          "only "
              + present
              + " of "
              + shards.length
              + " shards present (k = "
              + k
              + ", m = "
              + m
              + "); need at least "
              + k);
    }
    new ErasureParams(k, m, len);
    return len;
  }

  private static int[] missing(byte[][] shards, int from, int to) {
    int[] indices = new int[to - from];
    int count = 0;
    for (int i = from; i < to; i++) {
      if (shards[i] == null) {
        indices[count++] = i;
      }
    }
    return Arrays.copyOf(indices, count);
  }

  private void recoverData(byte[][] shards, int k, int m, int len, int[] missingData) {
    GeneratorMatrix matrix = matrix(k, m);
    LeopardField field = matrix.field();
    BufferKernel kernel = encoder.kernel();
    Map<Integer, SymbolMultiplier> multipliers = new HashMap<>();
    int e = missingData.length;
    // Step 1: syndromes of the first e present parity blocks, with the known data taken out.
    int[] rows = new int[e];
    byte[][] syndromes = new byte[e][];
    boolean[] lost = new boolean[k];
    for (int index : missingData) {
      lost[index] = true;
    }
    for (int j = 0, found = 0; found < e; j++) {
      if (shards[k + j] == null) {
        continue;
      }
      rows[found] = j;
      byte[] syndrome = shards[k + j].clone();
      for (int i = 0; i < k; i++) {
        if (!lost[i]) {
          mulAdd(kernel, field, multipliers, syndrome, shards[i], len, matrix.coefficient(j, i));
        }
      }
      syndromes[found++] = syndrome;
    }
    // Step 2: d_D = C[P][D]^-1 · s.
    int[][] square = new int[e][e];
    for (int r = 0; r < e; r++) {
      for (int c = 0; c < e; c++) {
        square[r][c] = matrix.coefficient(rows[r], missingData[c]);
      }
    }
    int[][] inverse = invert(field, square);
    for (int r = 0; r < e; r++) {
      byte[] recovered = new byte[len];
      for (int c = 0; c < e; c++) {
        mulAdd(kernel, field, multipliers, recovered, syndromes[c], len, inverse[r][c]);
      }
      shards[missingData[r]] = recovered;
    }
  }

  private static void mulAdd(
      BufferKernel kernel,
      LeopardField field,
      Map<Integer, SymbolMultiplier> multipliers,
      byte[] x,
      byte[] y,
      int len,
      int coefficient) {
    if (coefficient == 0) {
      return;
    }
    if (coefficient == 1) {
      kernel.xor(x, 0, y, 0, len);
      return;
    }
    SymbolMultiplier c =
        multipliers.computeIfAbsent(coefficient, v -> SymbolMultiplier.forElement(field, v));
    kernel.mulAdd(x, 0, y, 0, len, c);
  }

  /** The inverse of a square matrix over {@code field}, by Gauss–Jordan elimination. */
  static int[][] invert(LeopardField field, int[][] matrix) {
    int n = matrix.length;
    int[][] a = new int[n][];
    int[][] inv = new int[n][n];
    for (int r = 0; r < n; r++) {
      a[r] = matrix[r].clone();
      inv[r][r] = 1;
    }
    for (int col = 0; col < n; col++) {
      int pivot = col;
      while (pivot < n && a[pivot][col] == 0) {
        pivot++;
      }
      if (pivot == n) {
        throw new IllegalStateException(
            "singular " + n + "x" + n + " coefficient matrix at column " + col);
      }
      swap(a, col, pivot);
      swap(inv, col, pivot);
      int scale = field.inverse(a[col][col]);
      for (int c = 0; c < n; c++) {
        a[col][c] = field.multiply(a[col][c], scale);
        inv[col][c] = field.multiply(inv[col][c], scale);
      }
      for (int r = 0; r < n; r++) {
        int factor = a[r][col];
        if (r == col || factor == 0) {
          continue;
        }
        for (int c = 0; c < n; c++) {
          a[r][c] ^= field.multiply(a[col][c], factor);
          inv[r][c] ^= field.multiply(inv[col][c], factor);
        }
      }
    }
    return inv;
  }

  private static void swap(int[][] rows, int i, int j) {
    int[] t = rows[i];
    rows[i] = rows[j];
    rows[j] = t;
  }

  private GeneratorMatrix matrix(int k, int m) {
    GeneratorMatrix matrix = lastMatrix;
    if (matrix == null || matrix.k() != k || matrix.m() != m) {
      matrix = GeneratorMatrix.of(k, m, encoder);
      lastMatrix = matrix;
    }
    return matrix;
  }
}
