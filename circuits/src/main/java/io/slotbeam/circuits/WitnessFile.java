package io.slotbeam.circuits;

import io.slotbeam.circuits.WitnessException.Reason;
import io.slotbeam.core.field.Fr;
import io.slotbeam.core.field.FrMontgomery;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The {@code .wtns} file of a BN254 {@link Witness}, byte for byte as {@code snarkjs wtns
 * calculate} writes it (circom_runtime's {@code calculateWTNSBin}, snarkjs 0.7.6).
 *
 * <p>Layout, every integer little-endian:
 *
 * <pre>
 *   "wtns"  u32 version = 2  u32 nSections = 2
 *   u32 1   u64 8 + n8       u32 n8 = 32   prime r (n8 bytes)   u32 nWitness
 *   u32 2   u64 n8 * nWitness                values, n8 bytes each
 * </pre>
 *
 * <p>The reader takes what snarkjs's reader takes for this field (version up to 2, the two sections
 * in any order, unknown sections skipped) and rejects the rest with {@link WitnessException}
 * ({@link Reason#BAD_WTNS}): another prime or size, a missing or repeated section, a section that
 * overruns the file or is not fully used, a value not below r.
 */
public final class WitnessFile {
  private static final byte[] MAGIC = {'w', 't', 'n', 's'};
  private static final int VERSION = 2;
  private static final int N8 = Fr.BYTES;
  private static final int HEADER = 4 + 4 + 4;
  private static final int SECTION_HEADER = 4 + 8;
  private static final int SECTION1 = 4 + N8 + 4;
  private static final byte[] PRIME_LE = FieldBytes.le32(FrMontgomery.MODULUS);

  private WitnessFile() {}

  /** The {@code .wtns} bytes of {@code witness}. */
  public static byte[] toBytes(Witness witness) {
    int n = witness.size();
    long total = (long) HEADER + SECTION_HEADER + SECTION1 + SECTION_HEADER + (long) N8 * n;
    if (total > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("a witness of " + n + " wires does not fit in an array");
    }
    byte[] out = new byte[(int) total];
    ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
    b.put(MAGIC).putInt(VERSION).putInt(2);
    b.putInt(1).putLong(SECTION1).putInt(N8).put(PRIME_LE).putInt(n);
    b.putInt(2).putLong((long) N8 * n);
    witness.copyLe32(out, b.position());
    return out;
  }

  /**
   * Writes {@code witness} to {@code path} atomically where the file system allows it (a temporary
   * file in the same folder, then a rename), replacing any existing file.
   */
  public static void write(Path path, Witness witness) throws IOException {
    byte[] bytes = toBytes(witness);
    Path absolute = path.toAbsolutePath();
    Path dir = absolute.getParent();
    Path tmp = Files.createTempFile(dir, absolute.getFileName().toString(), ".tmp");
    try {
      Files.write(tmp, bytes);
      try {
        Files.move(
            tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Reads a {@code .wtns} file. */
  public static Witness read(Path path) throws IOException {
    return fromBytes(Files.readAllBytes(path));
  }

  /** Decodes {@code .wtns} bytes. */
  public static Witness fromBytes(byte[] bytes) {
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    if (bytes.length < HEADER) {
      throw bad("file of " + bytes.length + " bytes is shorter than the wtns header");
    }
    for (int i = 0; i < MAGIC.length; i++) {
      if (b.get() != MAGIC[i]) {
        throw bad("magic is not \"wtns\"");
      }
    }
    int version = b.getInt();
    if (version < 1 || version > VERSION) {
      throw bad("version " + Integer.toUnsignedString(version) + " is not supported (1..2)");
    }
    int nSections = b.getInt();
    long section1 = -1;
    long section1Size = 0;
    long section2 = -1;
    long section2Size = 0;
    for (long s = 0; s < Integer.toUnsignedLong(nSections); s++) {
      if (b.remaining() < SECTION_HEADER) {
        throw bad("section header " + s + " overruns the file");
      }
      int id = b.getInt();
      long size = b.getLong();
      if (size < 0 || size > b.remaining()) {
        throw bad("section " + Integer.toUnsignedString(id) + " overruns the file");
      }
      if (id == 1 || id == 2) {
        if ((id == 1 ? section1 : section2) >= 0) {
          throw bad("section " + id + " is repeated");
        }
        if (id == 1) {
          section1 = b.position();
          section1Size = size;
        } else {
          section2 = b.position();
          section2Size = size;
        }
      }
      b.position(b.position() + (int) size);
    }
    if (section1 < 0 || section2 < 0) {
      throw bad("section " + (section1 < 0 ? 1 : 2) + " is missing");
    }
    if (section1Size != SECTION1) {
      throw bad("section 1 has " + section1Size + " bytes, not " + SECTION1);
    }
    b.position((int) section1);
    int n8 = b.getInt();
    if (n8 != N8) {
      throw bad("field elements of " + Integer.toUnsignedString(n8) + " bytes, not " + N8);
    }
    byte[] prime = new byte[N8];
    b.get(prime);
    if (!java.util.Arrays.equals(prime, PRIME_LE)) {
      throw bad("prime " + new BigInteger(1, reversed(prime)) + " is not BN254 r");
    }
    long nWitness = Integer.toUnsignedLong(b.getInt());
    if (section2Size != nWitness * N8) {
      throw bad(
          "section 2 has "
              + section2Size
              + " bytes for "
              + nWitness
              + " values of "
              + N8
              + " bytes");
    }
    byte[] values = new byte[(int) section2Size];
    System.arraycopy(bytes, (int) section2, values, 0, values.length);
    ByteBuffer checked = ByteBuffer.wrap(values);
    for (int i = 0; i < nWitness; i++) {
      if (!FieldBytes.below(checked, i * N8, PRIME_LE)) {
        throw bad("value " + i + " is not below r");
      }
    }
    return Witness.wrapTrusted(values);
  }

  private static WitnessException bad(String why) {
    return new WitnessException(Reason.BAD_WTNS, "not a BN254 .wtns file: " + why);
  }

  private static byte[] reversed(byte[] bytes) {
    byte[] out = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      out[i] = bytes[bytes.length - 1 - i];
    }
    return out;
  }
}
