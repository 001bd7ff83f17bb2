package io.slotbeam.circuits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotbeam.circuits.R1csFile.Matrix;
import io.slotbeam.circuits.WitnessCalculator.Engine;
import io.slotbeam.core.field.Fr;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class R1csFileTest {
  @TempDir Path tmp;

  @Test
  void countsEqualSnarkjsR1csInfo() throws IOException {
    R1csFile.Header h = R1csFile.read(Groth16Fixture.r1cs()).header();
    String info = Groth16Fixture.r1csInfo();
    assertEquals(count(info, "Wires"), h.wires());
    assertEquals(count(info, "Constraints"), h.constraints());
    assertEquals(count(info, "Private Inputs"), h.privateInputs());
    assertEquals(count(info, "Public Inputs"), h.publicInputs());
    assertEquals(count(info, "Labels"), h.labels());
    assertEquals(count(info, "Outputs"), h.publicOutputs());
  }

  @Test
  void constraintsHoldForTheJvmWitnessAndFailForAChangedOne() throws IOException {
    R1csFile r1cs = R1csFile.read(Groth16Fixture.r1cs());
    List<Fr> witness =
        WitnessCircuits.calculator(WitnessCircuits.TINY, Engine.COMPILER)
            .calculate(WitnessCalculatorTest.smallInput())
            .toList();
    assertEquals(r1cs.header().wires(), witness.size());
    assertEquals(-1, firstUnsatisfied(r1cs, witness));
    List<Fr> changed = new ArrayList<>(witness);
    int last = changed.size() - 1;
    changed.set(last, changed.get(last).add(Fr.ONE));
    assertTrue(firstUnsatisfied(r1cs, changed) >= 0, "a changed wire must break a constraint");
  }

  @Test
  void readsTheWireMap() throws IOException {
    R1csFile r1cs = R1csFile.read(Groth16Fixture.r1cs());
    assertTrue(r1cs.hasWireMap());
    assertEquals(0, r1cs.label(0));
    for (int w = 1; w < r1cs.header().wires(); w++) {
      assertTrue(r1cs.label(w) > r1cs.label(w - 1), "labels increase with wires");
      assertTrue(r1cs.label(w) < r1cs.header().labels());
    }
  }

  @Test
  void readsTheSmallCodexCircuit() throws IOException {
    Path file = CircuitTools.r1cs(CircuitTools.circuit(CircuitTools.SMALL));
    R1csFile r1cs = R1csFile.read(file);
    assertEquals(22_949, r1cs.constraintCount());
    CircuitTools.R1csHeader other = CircuitTools.r1csHeader(file);
    assertEquals(other.wires(), r1cs.header().wires());
    assertEquals(3, r1cs.header().publicSignals());
    assertEquals(other.privateInputs(), r1cs.header().privateInputs());
    int terms = 0;
    for (Matrix m : Matrix.values()) {
      R1csFile.Terms t = r1cs.terms(m);
      assertEquals(t.size(), t.end(r1cs.constraintCount() - 1));
      terms += t.size();
    }
    // Every term is 36 bytes and every linear combination has a 4-byte count.
    long constraintsSection = 36L * terms + 12L * r1cs.constraintCount();
    long expectedFile = 12 + (12 + 64) + (12 + constraintsSection) + (12 + 8 * other.wires());
    assertEquals(expectedFile, Files.size(file));
  }

  @Test
  void rejectsEveryTruncation() throws IOException {
    byte[] bytes = Files.readAllBytes(Groth16Fixture.r1cs());
    BinFiles.assertTruncationsRejected(tmp, bytes, 37, R1csFile::read, "r1cs");
  }

  @Test
  void rejectsCorruptedHeaderFields() throws IOException {
    byte[] bytes = Files.readAllBytes(Groth16Fixture.r1cs());
    int h = BinFiles.sectionBody(bytes, 1);
    int c = BinFiles.sectionBody(bytes, 2);
    reject(BinFiles.withByteFlipped(bytes, 0), "not a r1cs file: magic at offset 0");
    reject(BinFiles.withInt(bytes, 4, 2), "version 2 is not in [1, 1]");
    reject(BinFiles.withInt(bytes, 8, 4), "header of section 3 of 4");
    reject(BinFiles.withInt(bytes, h, 48), "section 1 (header) at offset " + h, "n8 is 48");
    reject(BinFiles.withByteFlipped(bytes, h + 4), "offset " + (h + 4), "is not BN254 r");
    reject(BinFiles.withInt(bytes, h + 36, 3), "exceed the 3 wires");
    reject(BinFiles.withInt(bytes, h + 40, 1000), "1000 outputs");
    reject(BinFiles.withInt(bytes, h + 52, 1), "nLabels 1 is below nWires");
    reject(BinFiles.withInt(bytes, h + 60, 14), "constraint 13 (A) overruns the section");
    reject(BinFiles.withInt(bytes, h + 60, 12), "bytes left after 12 constraints");
    reject(BinFiles.withInt(bytes, c, 1 << 20), "constraint 0 A has 1048576 terms");
    reject(BinFiles.withInt(bytes, BinFiles.sectionHeader(bytes, 1), 7), "section 1 (header) is missing");
    reject(BinFiles.withInt(bytes, BinFiles.sectionHeader(bytes, 3), 1), "section 1 (header) is repeated");
  }

  @Test
  void rejectsBadTerms() throws IOException {
    byte[] bytes = Files.readAllBytes(Groth16Fixture.r1cs());
    int c = BinFiles.sectionBody(bytes, 2);
    // The first term of the first non-empty linear combination.
    int at = c;
    while (java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(at) == 0) {
      at += 4;
    }
    int term = at + 4;
    reject(BinFiles.withInt(bytes, term, 26), "names wire 26 of 26", "offset " + term);
    byte[] big = bytes.clone();
    Arrays.fill(big, term + 4, term + 36, (byte) 0xff);
    reject(big, "has a coefficient not below r", "offset " + (term + 4));
  }

  private void reject(byte[] bytes, String... fragments) throws IOException {
    BinFiles.assertRejected(tmp, bytes, R1csFile::read, fragments);
  }

  /** The first constraint with {@code A·w × B·w ≠ C·w}, or -1. */
  static int firstUnsatisfied(R1csFile r1cs, List<Fr> w) {
    for (int i = 0; i < r1cs.constraintCount(); i++) {
      Fr a = dot(r1cs.terms(Matrix.A), i, w);
      Fr b = dot(r1cs.terms(Matrix.B), i, w);
      Fr c = dot(r1cs.terms(Matrix.C), i, w);
      if (!a.multiply(b).equals(c)) {
        return i;
      }
    }
    return -1;
  }

  private static Fr dot(R1csFile.Terms terms, int constraint, List<Fr> w) {
    Fr sum = Fr.ZERO;
    for (int t = terms.start(constraint); t < terms.end(constraint); t++) {
      sum = sum.add(terms.coefficient(t).multiply(w.get(terms.wire(t))));
    }
    return sum;
  }

  private static long count(String info, String what) {
    Matcher m = Pattern.compile("# of " + what + ": (\\d+)").matcher(info);
    assertTrue(m.find(), () -> "no '# of " + what + "' in snarkjs output:\n" + info);
    long value = Long.parseLong(m.group(1));
    assertFalse(m.find(), "one count per name");
    return value;
  }
}
