package io.slotbeam.circuits;

import io.slotbeam.circuits.BinFileSections.Section;
import io.slotbeam.core.field.Fr;
import io.slotbeam.core.field.FrMontgomery;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A circom {@code .r1cs} file over BN254, read into flat arrays (format of {@code r1csfile:
 * src/r1csfile.js}, version 1, integers little-endian):
 *
 * <pre>
 *   section 1 header:      u32 n8 = 32, prime (n8 bytes) = r, u32 nWires, u32 nPubOut,
 *                          u32 nPubIn, u32 nPrvIn, u64 nLabels, u32 nConstraints
 *   section 2 constraints: per constraint, A then B then C, each a linear combination
 *                          u32 nTerms, then nTerms times (u32 wire, n8-byte coefficient)
 *   section 3 wire map:    u64 label of each wire (nWires entries)
 * </pre>
 *
 * <p>Coefficients are stored in standard form, not Montgomery ({@code r1csfile} reads them with
 * {@code F.fromRprLE}); they are kept here as canonical little-endian limbs, 4 per term. The
 * custom-gate sections (4, 5; PLONK only) are not read. Every count is checked against the
 * section sizes before the constraints are read; wires must be below {@code nWires} and
 * coefficients below r. Errors are {@link BinFileException}s naming the section and offset.
 */
public final class R1csFile {
  /** The matrices of {@code A·w ∘ B·w = C·w}. */
  public enum Matrix {
    A,
    B,
    C
  }

  /** The counts of section 1 (names as in {@code snarkjs r1cs info}). */
  public record Header(
      long wires,
      long publicOutputs,
      long publicInputs,
      long privateInputs,
      long labels,
      long constraints) {
    /** Public signals of a proof: outputs then public inputs (snarkjs's {@code nPublic}). */
    public long publicSignals() {
      return publicOutputs + publicInputs;
    }
  }

  /**
   * The linear combinations of one matrix: the terms of constraint {@code i} are {@code
   * start(i) .. start(i + 1) - 1}; term {@code t} has {@link #wire(int)} and {@link
   * #coefficient(int)}.
   */
  public static final class Terms {
    private final int[] start;
    private final int[] wires;
    private final long[] coefficients;

    private Terms(int[] start, int[] wires, long[] coefficients) {
      this.start = start;
      this.wires = wires;
      this.coefficients = coefficients;
    }

    public int start(int constraint) {
      return start[constraint];
    }

    public int end(int constraint) {
      return start[constraint + 1];
    }

    /** Terms in this matrix over all constraints. */
    public int size() {
      return wires.length;
    }

    public int wire(int term) {
      return wires[term];
    }

    public Fr coefficient(int term) {
      return Fr.fromCanonicalLimbs(coefficients, 4 * term);
    }
  }

  private static final int N8 = Fr.BYTES;
  private static final int VERSION = 1;
  private static final int HEADER_SIZE = 4 + N8 + 4 * 4 + 8 + 4;
  private static final byte[] PRIME_LE = FieldBytes.le32(FrMontgomery.MODULUS);

  private final Header header;
  private final Terms[] matrices;
  private final long[] wireLabels;

  private R1csFile(Header header, Terms[] matrices, long[] wireLabels) {
    this.header = header;
    this.matrices = matrices;
    this.wireLabels = wireLabels;
  }

  /** Reads and checks the {@code .r1cs} file at {@code path}. */
  public static R1csFile read(Path path) throws IOException {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      BinFileSections sections = BinFileSections.read(channel, "r1cs", VERSION);
      Section hs = sections.unique(1, "header");
      Header header = header(BinFileSections.map(channel, hs, "r1cs"), hs);
      Section cs = sections.unique(2, "constraints");
      Terms[] matrices = constraints(BinFileSections.map(channel, cs, "r1cs"), cs, header);
      long[] labels = null;
      if (sections.has(3)) {
        Section ms = sections.unique(3, "wire map");
        labels = wireMap(BinFileSections.map(channel, ms, "r1cs"), ms, header);
      }
      return new R1csFile(header, matrices, labels);
    }
  }

  public Header header() {
    return header;
  }

  public int constraintCount() {
    return (int) header.constraints();
  }

  public Terms terms(Matrix matrix) {
    return matrices[matrix.ordinal()];
  }

  /** Whether the file has the wire-to-label map (section 3). */
  public boolean hasWireMap() {
    return wireLabels != null;
  }

  /** The label of {@code wire} (section 3). */
  public long label(int wire) {
    if (wireLabels == null) {
      throw new IllegalStateException("this r1cs file has no wire map (section 3)");
    }
    return wireLabels[wire];
  }

  private static Header header(ByteBuffer b, Section s) {
    if (s.size() != HEADER_SIZE) {
      throw bad(s, "header", 0, "has " + s.size() + " bytes, not " + HEADER_SIZE + " (n8 = 32)");
    }
    int n8 = b.getInt();
    if (n8 != N8) {
      throw bad(s, "header", 0, "n8 is " + Integer.toUnsignedString(n8) + ", not " + N8);
    }
    byte[] prime = new byte[N8];
    b.get(prime);
    if (!java.util.Arrays.equals(prime, PRIME_LE)) {
      throw bad(s, "header", 4, "prime " + FieldBytes.fromLe(prime) + " is not BN254 r");
    }
    long wires = Integer.toUnsignedLong(b.getInt());
    long outputs = Integer.toUnsignedLong(b.getInt());
    long inputs = Integer.toUnsignedLong(b.getInt());
    long privates = Integer.toUnsignedLong(b.getInt());
    long labels = b.getLong();
    long constraints = Integer.toUnsignedLong(b.getInt());
    if (wires > Integer.MAX_VALUE || constraints > Integer.MAX_VALUE - 1) {
      throw bad(s, "header", 4 + N8, wires + " wires or " + constraints + " constraints exceed 2^31");
    }
    if (1 + outputs + inputs + privates > wires) {
      throw bad(
          s, "header", 4 + N8,
          "1 + " + outputs + " outputs + " + inputs + " public inputs + " + privates
              + " private inputs exceed the " + wires + " wires");
    }
    if (labels < wires) {
      throw bad(s, "header", 4 + N8 + 16, "nLabels " + Long.toUnsignedString(labels)
          + " is below nWires " + wires);
    }
    return new Header(wires, outputs, inputs, privates, labels, constraints);
  }

  private static Terms[] constraints(ByteBuffer b, Section s, Header header) {
    int n = (int) header.constraints();
    // Each constraint holds at least its three term counts: check before sizing arrays by n.
    if (3L * 4 * n > s.size()) {
      throw bad(s, "constraints", 0, "has " + s.size() + " bytes, too few for the header's " + n
          + " constraints (12 bytes each at least)");
    }
    int[][] starts = {new int[n + 1], new int[n + 1], new int[n + 1]};
    // Pass 1: term counts and bounds, so that the arrays are allocated once.
    long[] totals = new long[3];
    int termBytes = 4 + N8;
    for (int c = 0; c < n; c++) {
      for (int m = 0; m < 3; m++) {
        int at = b.position();
        if (b.remaining() < 4) {
          throw bad(s, "constraints", at, "constraint " + c + " (" + Matrix.values()[m]
              + ") overruns the section (truncated?)");
        }
        long terms = Integer.toUnsignedLong(b.getInt());
        if (terms * termBytes > b.remaining()) {
          throw bad(s, "constraints", at, "constraint " + c + " " + Matrix.values()[m] + " has "
              + terms + " terms, more than the section holds");
        }
        starts[m][c] = (int) totals[m];
        totals[m] += terms;
        if (totals[m] > Integer.MAX_VALUE / 4) {
          throw bad(s, "constraints", at, "more than 2^29 terms in matrix " + Matrix.values()[m]);
        }
        b.position(b.position() + (int) terms * termBytes);
      }
    }
    if (b.hasRemaining()) {
      throw bad(s, "constraints", b.position(), b.remaining() + " bytes left after "
          + n + " constraints");
    }
    Terms[] out = new Terms[3];
    int[][] wires = new int[3][];
    long[][] coefficients = new long[3][];
    for (int m = 0; m < 3; m++) {
      starts[m][n] = (int) totals[m];
      wires[m] = new int[(int) totals[m]];
      coefficients[m] = new long[4 * (int) totals[m]];
    }
    // Pass 2: the terms.
    b.position(0);
    for (int c = 0; c < n; c++) {
      for (int m = 0; m < 3; m++) {
        int terms = b.getInt();
        for (int t = starts[m][c]; t < starts[m][c] + terms; t++) {
          int at = b.position();
          long wire = Integer.toUnsignedLong(b.getInt());
          if (wire >= header.wires()) {
            throw bad(s, "constraints", at, "constraint " + c + " " + Matrix.values()[m]
                + " names wire " + wire + " of " + header.wires());
          }
          wires[m][t] = (int) wire;
          long[] limbs = coefficients[m];
          for (int l = 0; l < 4; l++) {
            limbs[4 * t + l] = b.getLong();
          }
          if (!FrMontgomery.isCanonical(
              limbs[4 * t], limbs[4 * t + 1], limbs[4 * t + 2], limbs[4 * t + 3])) {
            throw bad(s, "constraints", at + 4, "constraint " + c + " " + Matrix.values()[m]
                + " has a coefficient not below r");
          }
        }
      }
    }
    for (int m = 0; m < 3; m++) {
      out[m] = new Terms(starts[m], wires[m], coefficients[m]);
    }
    return out;
  }

  private static long[] wireMap(ByteBuffer b, Section s, Header header) {
    if (s.size() != 8 * header.wires()) {
      throw bad(s, "wire map", 0, "has " + s.size() + " bytes, not 8 × " + header.wires()
          + " wires");
    }
    long[] labels = new long[(int) header.wires()];
    b.asLongBuffer().get(labels);
    return labels;
  }

  private static BinFileException bad(Section s, String name, long offsetInSection, String why) {
    return new BinFileException(
        "r1cs section " + s.id() + " (" + name + ") at offset " + (s.offset() + offsetInSection)
            + ": " + why);
  }
}
