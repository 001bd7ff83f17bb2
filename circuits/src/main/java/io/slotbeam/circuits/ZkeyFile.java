package io.slotbeam.circuits;

import io.slotbeam.circuits.BinFileSections.Section;
import io.slotbeam.core.field.Fr;
import io.slotbeam.core.field.FrMontgomery;
import io.slotbeam.core.groth16.Fp;
import io.slotbeam.core.groth16.Fp12;
import io.slotbeam.core.groth16.G1Point;
import io.slotbeam.core.groth16.VerificationKey;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A snarkjs Groth16 proving key ({@code .zkey}, version 1) over BN254, as {@code snarkjs:
 * src/zkey_utils.js} reads and writes it and {@code src/zkey_new.js} lays it out. Integers are
 * little-endian; points are Montgomery affine ({@link MontgomeryPoints}).
 *
 * <pre>
 *   1  protocol        u32 1 (groth16)
 *   2  groth16 header  u32 n8q=32, q, u32 n8r=32, r, u32 nVars, u32 nPublic, u32 domainSize,
 *                      alpha1, beta1 (G1), beta2, gamma2 (G2), delta1 (G1), delta2 (G2)
 *   3  IC              nPublic + 1 G1
 *   4  coefficients    u32 n, then n × (u32 matrix (0 = A, 1 = B), u32 constraint, u32 signal,
 *                      32-byte value stored as v·R² mod r, i.e. readFr2 multiplies by R⁻²)
 *   5  A               nVars G1          6  B1  nVars G1          7  B2  nVars G2
 *   8  C               nVars - nPublic - 1 G1                    9  H   domainSize G1
 *  10  MPC params      64-byte csHash, u32 n, n contributions (G1 deltaAfter, g1_s, g1_sx,
 *                      G2 g2_spx, 64-byte transcript, u32 type, u32 length + parameters)
 * </pre>
 *
 * <p>Reading checks the table, every header field, each section's size against the counts, the
 * header points' coordinates (below q), the coefficients' indices and values and the
 * contribution parameters (as {@code readContribution} does: sorted types 1 name, 2 iterations, 3
 * beacon hash, exact length), and throws {@link BinFileException} naming section and offset. The
 * big sections (coefficients, A, B1, B2, C, H) are memory-mapped read-only, not copied; {@link
 * #write} streams them back, in the file's own section order, byte for byte.
 */
public final class ZkeyFile {
  public static final String MAGIC = "zkey";
  public static final int VERSION = 1;
  public static final int GROTH16 = 1;
  public static final int SECTIONS = 10;

  static final int PROTOCOL = 1;
  static final int HEADER = 2;
  static final int IC = 3;
  static final int COEFFICIENTS = 4;
  static final int A = 5;
  static final int B1 = 6;
  static final int B2 = 7;
  static final int C = 8;
  static final int H = 9;
  static final int CONTRIBUTIONS = 10;

  private static final String[] NAMES = {
    "", "protocol", "groth16 header", "IC", "coefficients", "A", "B1", "B2", "C", "H",
    "contributions"
  };
  private static final int N8 = FieldBytes.N8;
  private static final int G1 = MontgomeryPoints.G1_BYTES;
  private static final int G2 = MontgomeryPoints.G2_BYTES;
  private static final int HEADER_SIZE = 4 + N8 + 4 + N8 + 3 * 4 + 3 * G1 + 3 * G2;
  private static final int COEFFICIENT_SIZE = 3 * 4 + N8;
  /** Coefficients per read when section 4 is checked (176 KiB). */
  private static final int CHECK_CHUNK = 4096;
  private static final byte[] Q_LE = FieldBytes.le32(Fp.MODULUS);
  private static final byte[] R_LE = FieldBytes.le32(FrMontgomery.MODULUS);
  private static final BigInteger R_SQUARED_INVERSE =
      BigInteger.ONE.shiftLeft(512).mod(FrMontgomery.MODULUS).modInverse(FrMontgomery.MODULUS);

  /**
   * Section 2 without the primes (always BN254's): sizes and the six key points as raw
   * Montgomery bytes (64 per G1, 128 per G2). The accessors return copies.
   */
  public record Groth16Header(
      int nVars,
      int nPublic,
      int domainSize,
      byte[] alpha1,
      byte[] beta1,
      byte[] beta2,
      byte[] gamma2,
      byte[] delta1,
      byte[] delta2) {
    public Groth16Header {
      if (nVars < 1 || nPublic < 0 || nPublic >= nVars) {
        throw new IllegalArgumentException(
            "nPublic " + nPublic + " must be below nVars " + nVars + " (wire 0 is the constant)");
      }
      if (domainSize < 1 || Integer.bitCount(domainSize) != 1) {
        throw new IllegalArgumentException("domainSize " + domainSize + " is not a power of two");
      }
      alpha1 = sized(alpha1, G1, "alpha1");
      beta1 = sized(beta1, G1, "beta1");
      beta2 = sized(beta2, G2, "beta2");
      gamma2 = sized(gamma2, G2, "gamma2");
      delta1 = sized(delta1, G1, "delta1");
      delta2 = sized(delta2, G2, "delta2");
    }

    @Override
    public byte[] alpha1() {
      return alpha1.clone();
    }

    @Override
    public byte[] beta1() {
      return beta1.clone();
    }

    @Override
    public byte[] beta2() {
      return beta2.clone();
    }

    @Override
    public byte[] gamma2() {
      return gamma2.clone();
    }

    @Override
    public byte[] delta1() {
      return delta1.clone();
    }

    @Override
    public byte[] delta2() {
      return delta2.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Groth16Header h
          && nVars == h.nVars
          && nPublic == h.nPublic
          && domainSize == h.domainSize
          && Arrays.equals(alpha1, h.alpha1)
          && Arrays.equals(beta1, h.beta1)
          && Arrays.equals(beta2, h.beta2)
          && Arrays.equals(gamma2, h.gamma2)
          && Arrays.equals(delta1, h.delta1)
          && Arrays.equals(delta2, h.delta2);
    }

    @Override
    public int hashCode() {
      return 31 * (31 * nVars + nPublic) + domainSize + Arrays.hashCode(alpha1);
    }

    @Override
    public String toString() {
      return "Groth16Header[nVars=" + nVars + ", nPublic=" + nPublic + ", domainSize="
          + domainSize + "]";
    }

    private static byte[] sized(byte[] point, int size, String name) {
      if (point.length != size) {
        throw new IllegalArgumentException(
            name + " has " + point.length + " bytes, not " + size);
      }
      return point.clone();
    }
  }

  /**
   * One contribution of section 10, raw: the four key points, the 64-byte transcript, the type
   * (0 contribution, 1 beacon) and the encoded parameters (name, iterations, beacon hash).
   */
  public record Contribution(byte[] points, byte[] transcript, int type, byte[] parameters) {
    /** {@code deltaAfter, g1_s, g1_sx} (G1) and {@code g2_spx} (G2). */
    public static final int POINTS_SIZE = 3 * G1 + G2;

    /** The contribution's name (parameter 1), if any. */
    public Optional<String> name() {
      if (parameters.length > 2 && parameters[0] == 1) {
        return Optional.of(
            new String(parameters, 2, parameters[1] & 0xff, StandardCharsets.UTF_8));
      }
      return Optional.empty();
    }
  }

  /**
   * One entry of section 4: in constraint {@code constraint} of matrix {@code matrix} (0 = A, 1 =
   * B), the coefficient {@code value} of wire {@code signal}; canonical here, {@code v·R² mod r}
   * in the file.
   */
  public record Coefficient(int matrix, int constraint, int signal, Fr value) {}

  /** Section 10: the hash of the circuit's initial key and the contributions in order. */
  public record MpcParams(byte[] csHash, List<Contribution> contributions) {
    public MpcParams {
      contributions = List.copyOf(contributions);
    }
  }

  private final List<Integer> order;
  private final Groth16Header header;
  private final Map<Integer, ByteBuffer> bodies;
  private final MpcParams mpc;

  private ZkeyFile(
      List<Integer> order, Groth16Header header, Map<Integer, ByteBuffer> bodies, MpcParams mpc) {
    this.order = List.copyOf(order);
    this.header = header;
    this.bodies = bodies;
    this.mpc = mpc;
  }

  /** Reads and checks the zkey at {@code path}, mapping its big sections. */
  public static ZkeyFile read(Path path) throws IOException {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      BinFileSections table = BinFileSections.read(channel, MAGIC, VERSION);
      for (Section s : table.all()) {
        if (s.id() < PROTOCOL || s.id() > CONTRIBUTIONS) {
          throw new BinFileException(
              "zkey section " + Integer.toUnsignedString(s.id()) + " at offset " + s.offset()
                  + " is not a groth16 zkey section (1..10)");
        }
      }
      Map<Integer, Section> sections = new HashMap<>();
      List<Integer> order = new ArrayList<>();
      for (int id = PROTOCOL; id <= CONTRIBUTIONS; id++) {
        sections.put(id, table.unique(id, NAMES[id]));
      }
      for (Section s : table.all()) {
        order.add(s.id());
      }
      Map<Integer, ByteBuffer> bodies = new HashMap<>();
      for (int id = PROTOCOL; id <= CONTRIBUTIONS; id++) {
        bodies.put(id, BinFileSections.map(channel, sections.get(id), MAGIC).asReadOnlyBuffer()
            .order(ByteOrder.LITTLE_ENDIAN));
      }
      protocol(bodies.get(PROTOCOL), sections.get(PROTOCOL));
      Groth16Header header = header(bodies.get(HEADER), sections.get(HEADER));
      checkSize(sections.get(IC), (header.nPublic() + 1L) * G1, "nPublic + 1 = "
          + (header.nPublic() + 1) + " G1 points");
      coefficients(channel, sections.get(COEFFICIENTS), header);
      checkSize(sections.get(A), (long) header.nVars() * G1, header.nVars() + " G1 points (nVars)");
      checkSize(sections.get(B1), (long) header.nVars() * G1, header.nVars() + " G1 points (nVars)");
      checkSize(sections.get(B2), (long) header.nVars() * G2, header.nVars() + " G2 points (nVars)");
      long privates = header.nVars() - header.nPublic() - 1L;
      checkSize(sections.get(C), privates * G1, privates + " G1 points (nVars - nPublic - 1)");
      checkSize(sections.get(H), (long) header.domainSize() * G1,
          header.domainSize() + " G1 points (domainSize)");
      MpcParams mpc = mpcParams(bodies.get(CONTRIBUTIONS), sections.get(CONTRIBUTIONS));
      return new ZkeyFile(order, header, bodies, mpc);
    }
  }

  public Groth16Header header() {
    return header;
  }

  public MpcParams mpcParams() {
    return mpc;
  }

  /** The section ids in file order. */
  public List<Integer> sectionOrder() {
    return order;
  }

  /**
   * The body of section {@code id} (3..9: IC, coefficients, A, B1, B2, C, H), read-only,
   * little-endian, positioned at 0; a view of the mapped file, not a copy.
   */
  public ByteBuffer section(int id) {
    if (id < IC || id > H) {
      throw new IllegalArgumentException(
          "section " + id + " is not a point or coefficient section (3..9); see header() and "
              + "mpcParams()");
    }
    return bodies.get(id).duplicate().order(ByteOrder.LITTLE_ENDIAN);
  }

  /** Entries of section 4. */
  public int coefficientCount() {
    return bodies.get(COEFFICIENTS).getInt(0);
  }

  /** Entry {@code index} of section 4, its value converted from {@code v·R²} (BigInteger). */
  public Coefficient coefficient(int index) {
    if (index < 0 || index >= coefficientCount()) {
      throw new IndexOutOfBoundsException(
          "coefficient " + index + " of " + coefficientCount());
    }
    ByteBuffer b = bodies.get(COEFFICIENTS);
    int at = 4 + index * COEFFICIENT_SIZE;
    byte[] raw = new byte[N8];
    b.get(at + 12, raw);
    BigInteger value = FieldBytes.fromLe(raw).multiply(R_SQUARED_INVERSE).mod(FrMontgomery.MODULUS);
    return new Coefficient(b.getInt(at), b.getInt(at + 4), b.getInt(at + 8), Fr.of(value));
  }

  /** The IC points, canonical. */
  public List<G1Point> ic() {
    ByteBuffer ic = section(IC);
    List<G1Point> points = new ArrayList<>(header.nPublic() + 1);
    for (int i = 0; i <= header.nPublic(); i++) {
      points.add(MontgomeryPoints.g1(ic, i * G1));
    }
    return points;
  }

  /**
   * The verification key without {@code vk_alphabeta_12}: that is the pairing {@code e(alpha1,
   * beta2)}, which snarkjs computes on export and which is not in the zkey. The native library
   * supplies it with {@link VerificationKey#withAlphaBeta12} or {@link #verificationKey(Fp12)}.
   */
  public VerificationKey verificationKey() {
    return new VerificationKey(
        MontgomeryPoints.g1(ByteBuffer.wrap(header.alpha1), 0),
        MontgomeryPoints.g2(ByteBuffer.wrap(header.beta2), 0),
        MontgomeryPoints.g2(ByteBuffer.wrap(header.gamma2), 0),
        MontgomeryPoints.g2(ByteBuffer.wrap(header.delta2), 0),
        ic(),
        Optional.empty());
  }

  /** The verification key with {@code alphaBeta12 = e(alpha1, beta2)} as computed elsewhere. */
  public VerificationKey verificationKey(Fp12 alphaBeta12) {
    return verificationKey().withAlphaBeta12(alphaBeta12);
  }

  /** Writes this key to {@code path} atomically, sections in the order they were read. */
  public void write(Path path) throws IOException {
    try (ZkeyWriter writer = ZkeyWriter.create(path, MAGIC, VERSION, SECTIONS)) {
      for (int id : order) {
        switch (id) {
          case PROTOCOL -> writer.section(id, ZkeyFile::writeProtocol);
          case HEADER -> writer.section(id, out -> writeHeader(out, header));
          case CONTRIBUTIONS -> writer.section(id, out -> writeMpcParams(out, mpc));
          default -> writer.section(id, out -> out.put(section(id)));
        }
      }
      writer.commit();
    }
  }

  /** Section 1: the protocol id, groth16. */
  public static void writeProtocol(ZkeyWriter.Output out) throws IOException {
    out.putInt(GROTH16);
  }

  /** Section 2 of {@code header}, with BN254's q and r. */
  public static void writeHeader(ZkeyWriter.Output out, Groth16Header header) throws IOException {
    out.putInt(N8).put(Q_LE).putInt(N8).put(R_LE);
    out.putInt(header.nVars()).putInt(header.nPublic()).putInt(header.domainSize());
    out.put(header.alpha1).put(header.beta1).put(header.beta2).put(header.gamma2);
    out.put(header.delta1).put(header.delta2);
  }

  /** Section 10 of {@code mpc}. */
  public static void writeMpcParams(ZkeyWriter.Output out, MpcParams mpc) throws IOException {
    out.put(mpc.csHash()).putInt(mpc.contributions().size());
    for (Contribution c : mpc.contributions()) {
      out.put(c.points()).put(c.transcript()).putInt(c.type());
      out.putInt(c.parameters().length).put(c.parameters());
    }
  }

  // --- checks ---

  private static void protocol(ByteBuffer b, Section s) {
    if (s.size() != 4) {
      throw bad(s, 0, "has " + s.size() + " bytes, not 4");
    }
    int protocol = b.getInt(0);
    if (protocol != GROTH16) {
      throw bad(s, 0, "protocol " + Integer.toUnsignedString(protocol)
          + " is not groth16 (1); plonk is 2, fflonk 10");
    }
  }

  private static Groth16Header header(ByteBuffer b, Section s) {
    if (s.size() != HEADER_SIZE) {
      throw bad(s, 0, "has " + s.size() + " bytes, not " + HEADER_SIZE + " (n8q = n8r = 32)");
    }
    prime(b, s, 0, "n8q", Q_LE, "q (BN254 base field)");
    prime(b, s, 4 + N8, "n8r", R_LE, "r (BN254 scalar field)");
    int at = 2 * (4 + N8);
    long nVars = Integer.toUnsignedLong(b.getInt(at));
    long nPublic = Integer.toUnsignedLong(b.getInt(at + 4));
    long domainSize = Integer.toUnsignedLong(b.getInt(at + 8));
    if (nVars < 1 || nVars > Integer.MAX_VALUE / G2) {
      throw bad(s, at, "nVars " + nVars + " is not in [1, 2^24)");
    }
    if (nPublic >= nVars) {
      throw bad(s, at + 4, "nPublic " + nPublic + " is not below nVars " + nVars);
    }
    if (domainSize == 0 || Long.bitCount(domainSize) != 1 || domainSize > Integer.MAX_VALUE / G1) {
      throw bad(s, at + 8, "domainSize " + domainSize + " is not a power of two below 2^25");
    }
    int p = at + 12;
    byte[][] points = new byte[6][];
    int[] sizes = {G1, G1, G2, G2, G1, G2};
    String[] names = {"alpha1", "beta1", "beta2", "gamma2", "delta1", "delta2"};
    for (int i = 0; i < 6; i++) {
      for (int k = 0; k < sizes[i]; k += N8) {
        if (!MontgomeryPoints.isReduced(b, p + k)) {
          throw bad(s, p + k, names[i] + " has a coordinate not below q");
        }
      }
      points[i] = new byte[sizes[i]];
      b.get(p, points[i]);
      p += sizes[i];
    }
    return new Groth16Header(
        (int) nVars, (int) nPublic, (int) domainSize,
        points[0], points[1], points[2], points[3], points[4], points[5]);
  }

  private static void prime(
      ByteBuffer b, Section s, int at, String sizeName, byte[] expected, String primeName) {
    int n8 = b.getInt(at);
    if (n8 != N8) {
      throw bad(s, at, sizeName + " is " + Integer.toUnsignedString(n8) + ", not " + N8);
    }
    byte[] prime = new byte[N8];
    b.get(at + 4, prime);
    if (!Arrays.equals(prime, expected)) {
      throw bad(s, at + 4, "prime " + FieldBytes.fromLe(prime) + " is not " + primeName);
    }
  }

  /**
   * Checks section 4 through a small buffer of {@link #CHECK_CHUNK} entries rather than through
   * the mapping, which would leave the whole section (most of a key) resident in this process.
   */
  private static void coefficients(FileChannel channel, Section s, Groth16Header header)
      throws IOException {
    if (s.size() < 4) {
      throw bad(s, 0, "has " + s.size() + " bytes, fewer than its count");
    }
    ByteBuffer b = ByteBuffer.allocate(CHECK_CHUNK * COEFFICIENT_SIZE).order(ByteOrder.LITTLE_ENDIAN);
    BinFileSections.readFully(channel, b.limit(4), s.offset());
    long n = Integer.toUnsignedLong(b.getInt(0));
    checkSize(s, 4 + n * COEFFICIENT_SIZE, n + " coefficients of " + COEFFICIENT_SIZE + " bytes");
    for (int i = 0; i < n; i++) {
      int at = 4 + i * COEFFICIENT_SIZE;
      int in = (i % CHECK_CHUNK) * COEFFICIENT_SIZE;
      if (in == 0) {
        BinFileSections.readFully(channel, b.clear().limit((int) Math.min(CHECK_CHUNK, n - i) * COEFFICIENT_SIZE),
            s.offset() + at);
      }
      long matrix = Integer.toUnsignedLong(b.getInt(in));
      long constraint = Integer.toUnsignedLong(b.getInt(in + 4));
      long signal = Integer.toUnsignedLong(b.getInt(in + 8));
      if (matrix > 1) {
        throw bad(s, at, "coefficient " + i + " has matrix " + matrix + ", not 0 (A) or 1 (B)");
      }
      if (constraint >= header.domainSize()) {
        throw bad(s, at + 4, "coefficient " + i + " has constraint " + constraint
            + ", not below domainSize " + header.domainSize());
      }
      if (signal >= header.nVars()) {
        throw bad(s, at + 8, "coefficient " + i + " has signal " + signal
            + ", not below nVars " + header.nVars());
      }
      if (!FieldBytes.below(b, in + 12, R_LE)) {
        throw bad(s, at + 12, "coefficient " + i + " has a value not below r");
      }
    }
  }

  private static MpcParams mpcParams(ByteBuffer b, Section s) {
    int minimum = 64 + 4;
    if (s.size() < minimum) {
      throw bad(s, 0, "has " + s.size() + " bytes, fewer than csHash and count (" + minimum + ")");
    }
    byte[] csHash = new byte[64];
    b.get(0, csHash);
    long n = Integer.toUnsignedLong(b.getInt(64));
    int at = minimum;
    int fixed = Contribution.POINTS_SIZE + 64 + 4 + 4;
    List<Contribution> contributions = new ArrayList<>();
    for (long i = 0; i < n; i++) {
      if (s.size() - at < fixed) {
        throw bad(s, at, "contribution " + i + " of " + n + " overruns the section");
      }
      byte[] points = new byte[Contribution.POINTS_SIZE];
      b.get(at, points);
      byte[] transcript = new byte[64];
      b.get(at + Contribution.POINTS_SIZE, transcript);
      int type = b.getInt(at + Contribution.POINTS_SIZE + 64);
      long length = Integer.toUnsignedLong(b.getInt(at + Contribution.POINTS_SIZE + 68));
      int params = at + fixed;
      if (length > s.size() - params) {
        throw bad(s, params - 4, "contribution " + i + " parameters of " + length
            + " bytes overrun the section");
      }
      byte[] parameters = new byte[(int) length];
      b.get(params, parameters);
      checkParameters(parameters, s, params, i);
      contributions.add(new Contribution(points, transcript, type, parameters));
      at = params + (int) length;
    }
    if (at != s.size()) {
      throw bad(s, at, (s.size() - at) + " bytes left after " + n + " contributions");
    }
    return new MpcParams(csHash, contributions);
  }

  /** As {@code readContribution}: sorted types 1 (name), 2 (iterations), 3 (beacon hash). */
  private static void checkParameters(byte[] p, Section s, int offset, long contribution) {
    int last = 0;
    int i = 0;
    while (i < p.length) {
      int type = p[i] & 0xff;
      if (type <= last || type > 3) {
        throw bad(s, offset + i, "contribution " + contribution + " parameter type " + type
            + " is unknown or out of order (1 name, 2 iterations, 3 beacon hash)");
      }
      last = type;
      int length = type == 2 ? 1 : (i + 1 < p.length ? (p[i + 1] & 0xff) + 1 : Integer.MAX_VALUE);
      if (length > p.length - i - 1) {
        throw bad(s, offset + i, "contribution " + contribution + " parameter " + type
            + " overruns its parameters");
      }
      i += 1 + length;
    }
  }

  private static void checkSize(Section s, long expected, String what) {
    if (s.size() != expected) {
      throw bad(s, 0, "has " + s.size() + " bytes but " + what + " need " + expected);
    }
  }

  private static BinFileException bad(Section s, long offsetInSection, String why) {
    return new BinFileException(
        "zkey section " + s.id() + " (" + NAMES[s.id()] + ") at offset "
            + (s.offset() + offsetInSection) + ": " + why);
  }
}
