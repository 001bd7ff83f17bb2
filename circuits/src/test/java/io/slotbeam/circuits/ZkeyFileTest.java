package io.slotbeam.circuits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotbeam.core.field.Fr;
import io.slotbeam.core.field.FrMontgomery;
import io.slotbeam.core.groth16.G1Point;
import io.slotbeam.core.groth16.Groth16Json;
import io.slotbeam.core.groth16.VerificationKey;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZkeyFileTest {
  /** Offsets in the body of section 2. */
  private static final int N8Q = 0;
  private static final int Q = 4;
  private static final int N8R = 36;
  private static final int R = 40;
  private static final int N_VARS = 72;
  private static final int N_PUBLIC = 76;
  private static final int DOMAIN_SIZE = 80;
  private static final int ALPHA1 = 84;

  @TempDir Path tmp;

  @Test
  void writesBackTheSnarkjsKeysByteForByte() throws IOException {
    for (Path key : List.of(Groth16Fixture.initialKey(), Groth16Fixture.key())) {
      ZkeyFile zkey = ZkeyFile.read(key);
      Path copy = tmp.resolve(key.getFileName());
      zkey.write(copy);
      assertArrayEquals(Files.readAllBytes(key), Files.readAllBytes(copy), key.toString());
    }
    // snarkjs's setup writes the sections out of numeric order; the round trip keeps that order.
    List<Integer> initialOrder = ZkeyFile.read(Groth16Fixture.initialKey()).sectionOrder();
    assertEquals(BinFiles.sectionIds(Files.readAllBytes(Groth16Fixture.initialKey())), initialOrder);
    assertNotEquals(initialOrder.stream().sorted().toList(), initialOrder);
    assertEquals(
        List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), ZkeyFile.read(Groth16Fixture.key()).sectionOrder());
  }

  @Test
  void verificationKeyEqualsSnarkjsExportButForAlphaBeta() throws IOException {
    VerificationKey exported =
        Groth16Json.readVerificationKey(Files.readString(Groth16Fixture.verificationKey()));
    ZkeyFile zkey = ZkeyFile.read(Groth16Fixture.key());
    VerificationKey fromZkey = zkey.verificationKey();
    assertEquals(Optional.empty(), fromZkey.alphaBeta12());
    assertEquals(exported.withoutAlphaBeta12(), fromZkey);
    VerificationKey supplied = zkey.verificationKey(exported.alphaBeta12().orElseThrow());
    assertEquals(
        Files.readString(Groth16Fixture.verificationKey()),
        Groth16Json.writeVerificationKey(supplied));
  }

  @Test
  void headerAgreesWithTheCircuit() throws IOException {
    R1csFile.Header r1cs = R1csFile.read(Groth16Fixture.r1cs()).header();
    ZkeyFile zkey = ZkeyFile.read(Groth16Fixture.key());
    ZkeyFile.Groth16Header h = zkey.header();
    assertEquals(r1cs.wires(), h.nVars());
    assertEquals(r1cs.publicSignals(), h.nPublic());
    // snarkjs's domain: the smallest power of two holding the constraints and nPublic + 1 rows.
    long rows = r1cs.constraints() + r1cs.publicSignals() + 1;
    assertEquals(Long.highestOneBit(rows - 1) << 1, h.domainSize());
    assertEquals(h.nPublic() + 1, zkey.ic().size());
    assertEquals(1, zkey.mpcParams().contributions().size());
    assertEquals(
        Optional.of("slotbeam test contribution"),
        zkey.mpcParams().contributions().get(0).name());
    assertEquals(0, ZkeyFile.read(Groth16Fixture.initialKey()).mpcParams().contributions().size());
    assertEquals((long) h.nVars() * 128, zkey.section(ZkeyFile.B2).remaining());
  }

  @Test
  void coefficientsAreTheCircuitsAAndBTermsThenOnePerPublicSignal() throws IOException {
    R1csFile r1cs = R1csFile.read(Groth16Fixture.r1cs());
    // zkey_new.js order: per constraint its A terms then its B terms; then A[nConstraints + s][s]
    // = 1 for the constant wire and each public signal s.
    List<ZkeyFile.Coefficient> expected = new ArrayList<>();
    for (int c = 0; c < r1cs.constraintCount(); c++) {
      for (R1csFile.Matrix m : List.of(R1csFile.Matrix.A, R1csFile.Matrix.B)) {
        R1csFile.Terms terms = r1cs.terms(m);
        for (int t = terms.start(c); t < terms.end(c); t++) {
          expected.add(
              new ZkeyFile.Coefficient(m.ordinal(), c, terms.wire(t), terms.coefficient(t)));
        }
      }
    }
    for (int s = 0; s <= r1cs.header().publicSignals(); s++) {
      expected.add(new ZkeyFile.Coefficient(0, r1cs.constraintCount() + s, s, Fr.ONE));
    }
    ZkeyFile zkey = ZkeyFile.read(Groth16Fixture.key());
    List<ZkeyFile.Coefficient> actual = new ArrayList<>();
    for (int i = 0; i < zkey.coefficientCount(); i++) {
      actual.add(zkey.coefficient(i));
    }
    assertEquals(expected, actual);
  }

  @Test
  void pointConversionRoundTripsEveryPointOfTheKey() throws IOException {
    ZkeyFile zkey = ZkeyFile.read(Groth16Fixture.key());
    int checked = 0;
    for (int id : new int[] {ZkeyFile.IC, ZkeyFile.A, ZkeyFile.B1, ZkeyFile.C, ZkeyFile.H}) {
      ByteBuffer section = zkey.section(id);
      for (int at = 0; at < section.remaining(); at += 64) {
        byte[] raw = new byte[64];
        section.get(at, raw);
        G1Point p = MontgomeryPoints.g1(section, at);
        assertArrayEquals(raw, MontgomeryPoints.g1Bytes(p));
        checked++;
      }
    }
    ByteBuffer b2 = zkey.section(ZkeyFile.B2);
    for (int at = 0; at < b2.remaining(); at += 128) {
      byte[] raw = new byte[128];
      b2.get(at, raw);
      assertArrayEquals(raw, MontgomeryPoints.g2Bytes(MontgomeryPoints.g2(b2, at)));
    }
    assertTrue(checked > 50, "the key has points to check");
    assertTrue(MontgomeryPoints.g1(ByteBuffer.wrap(new byte[64]), 0).isInfinity());
  }

  @Test
  void rejectsEveryTruncation() throws IOException {
    byte[] bytes = Files.readAllBytes(Groth16Fixture.key());
    BinFiles.assertTruncationsRejected(tmp, bytes, 101, ZkeyFile::read, "zkey");
    byte[] longer = Arrays.copyOf(bytes, bytes.length + 3);
    BinFiles.assertRejected(tmp, longer, ZkeyFile::read, "3 bytes after its 10 sections");
  }

  @Test
  void rejectsEachCorruptedHeaderField() throws IOException {
    byte[] bytes = Files.readAllBytes(Groth16Fixture.key());
    int p = BinFiles.sectionBody(bytes, 1);
    int h = BinFiles.sectionBody(bytes, 2);
    reject(BinFiles.withByteFlipped(bytes, 1), "not a zkey file");
    reject(BinFiles.withInt(bytes, 4, 2), "version 2 is not in [1, 1]");
    reject(BinFiles.withInt(bytes, p, 2), "section 1 (protocol) at offset " + p, "protocol 2");
    reject(BinFiles.withInt(bytes, h + N8Q, 48), "offset " + (h + N8Q), "n8q is 48");
    reject(BinFiles.withByteFlipped(bytes, h + Q + 3), "offset " + (h + Q), "is not q");
    reject(BinFiles.withInt(bytes, h + N8R, 48), "offset " + (h + N8R), "n8r is 48");
    reject(BinFiles.withByteFlipped(bytes, h + R), "offset " + (h + R), "is not r");
    reject(BinFiles.withInt(bytes, h + N_VARS, 0), "nVars 0");
    reject(BinFiles.withInt(bytes, h + N_VARS, 27), "section 5 (A)", "27 G1 points (nVars)");
    reject(BinFiles.withInt(bytes, h + N_PUBLIC, 26), "nPublic 26 is not below nVars 26");
    reject(BinFiles.withInt(bytes, h + N_PUBLIC, 3), "section 3 (IC)", "nPublic + 1 = 4");
    reject(BinFiles.withInt(bytes, h + DOMAIN_SIZE, 24), "domainSize 24 is not a power of two");
    reject(BinFiles.withInt(bytes, h + DOMAIN_SIZE, 64), "section 9 (H)", "64 G1 points");
    byte[] alpha = bytes.clone();
    Arrays.fill(alpha, h + ALPHA1 + 32, h + ALPHA1 + 64, (byte) 0xff);
    reject(alpha, "offset " + (h + ALPHA1 + 32), "alpha1 has a coordinate not below q");
  }

  @Test
  void rejectsCorruptedSections() throws IOException {
    byte[] bytes = Files.readAllBytes(Groth16Fixture.key());
    int c = BinFiles.sectionBody(bytes, 4);
    reject(BinFiles.withInt(bytes, c + 4, 2), "offset " + (c + 4), "matrix 2, not 0 (A) or 1 (B)");
    ZkeyFile.Groth16Header h = ZkeyFile.read(Groth16Fixture.key()).header();
    int domain = h.domainSize();
    int vars = h.nVars();
    reject(BinFiles.withInt(bytes, c + 8, domain), "constraint " + domain + ", not below domainSize " + domain);
    reject(BinFiles.withInt(bytes, c + 12, vars), "signal " + vars + ", not below nVars " + vars);
    reject(BinFiles.withInt(bytes, c, 1), "1 coefficients of 44 bytes need 48");
    reject(BinFiles.withInt(bytes, BinFiles.sectionHeader(bytes, 10), 11), "section 11 at offset");
    reject(BinFiles.withInt(bytes, BinFiles.sectionHeader(bytes, 8), 7), "section 7 (B2) is repeated");
    int m = BinFiles.sectionBody(bytes, 10);
    int params = m + 64 + 4 + 320 + 64 + 4 + 4;
    reject(BinFiles.withInt(bytes, params, 4), "contribution 0 parameter type 4");
    reject(BinFiles.withInt(bytes, m + 64, 2), "contribution 1 of 2 overruns the section");
  }

  @Test
  void acceptsCoefficientValuesUpToRMinusOneAndRejectsR() throws IOException {
    byte[] bytes = Files.readAllBytes(Groth16Fixture.key());
    int value = BinFiles.sectionBody(bytes, 4) + 4 + 12;
    BigInteger r = FrMontgomery.MODULUS;
    Path edge = tmp.resolve("edge.zkey");
    Files.write(edge, withLe32(bytes, value, r.subtract(BigInteger.ONE)));
    assertEquals(Fr.of(r.subtract(BigInteger.ONE)).multiply(rSquaredInverse()),
        ZkeyFile.read(edge).coefficient(0).value(), "r - 1 is a value (stored as v R^2)");
    reject(withLe32(bytes, value, r), "offset " + value, "coefficient 0 has a value not below r");
    reject(withLe32(bytes, value, BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE)),
        "coefficient 0 has a value not below r");
  }

  private static Fr rSquaredInverse() {
    BigInteger r = FrMontgomery.MODULUS;
    return Fr.of(BigInteger.ONE.shiftLeft(512).mod(r).modInverse(r));
  }

  private static byte[] withLe32(byte[] bytes, int offset, BigInteger value) {
    byte[] copy = bytes.clone();
    System.arraycopy(FieldBytes.le32(value), 0, copy, offset, FieldBytes.N8);
    return copy;
  }

  @Test
  void writerIsAtomicAndChecksTheSectionCount() throws IOException {
    Path target = tmp.resolve("key.zkey");
    Files.writeString(target, "old");
    try (ZkeyWriter writer = ZkeyWriter.create(target, "zkey", 1, 2)) {
      writer.section(1, ZkeyFile::writeProtocol);
      assertThrows(
          IOException.class,
          () -> writer.section(2, out -> {
            out.putInt(7);
            throw new IOException("disk full");
          }));
      assertThrows(IllegalStateException.class, writer::commit);
    }
    assertEquals("old", Files.readString(target));
    try (Stream<Path> files = Files.list(tmp)) {
      assertEquals(List.of(target), files.toList(), "no temporary file is left behind");
    }
  }

  @Test
  void writesATwoSectionFileThatReadsBack() throws IOException {
    Path target = tmp.resolve("small.bin");
    try (ZkeyWriter writer = ZkeyWriter.create(target, "test", 3, 2)) {
      writer.section(1, ZkeyFile::writeProtocol);
      byte[] big = new byte[3 << 20];
      Arrays.fill(big, (byte) 7);
      writer.section(5, out -> out.put(big));
      writer.commit();
    }
    byte[] bytes = Files.readAllBytes(target);
    assertEquals(12 + 12 + 4 + 12 + (3 << 20), bytes.length);
    assertEquals(1, ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(24));
    assertEquals(28 + 12, BinFiles.sectionBody(bytes, 5));
    assertFalse(Files.exists(tmp.resolve("small.bin.tmp")));
  }

  private void reject(byte[] bytes, String... fragments) throws IOException {
    BinFiles.assertRejected(tmp, bytes, ZkeyFile::read, fragments);
  }
}
