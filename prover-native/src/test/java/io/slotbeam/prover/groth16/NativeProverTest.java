package io.slotbeam.prover.groth16;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import io.slotbeam.circuits.Witness;
import io.slotbeam.circuits.WitnessCalculator;
import io.slotbeam.core.field.Fr;
import io.slotbeam.core.groth16.Groth16Json;
import io.slotbeam.core.groth16.Prover;
import io.slotbeam.core.groth16.PublicInputs;
import io.slotbeam.circuits.ZkeyFile;
import io.slotbeam.prover.bn254.NativeStatus;
import io.slotbeam.prover.bn254.PointNotOnCurveException;
import io.slotbeam.prover.bn254.ProverNative;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proofs of the tiny circuit with a snarkjs-made key, witness from the JVM witness calculator,
 * judged by {@code snarkjs groth16 verify}: accepted as made, refused for a changed public input
 * or a changed private wire.
 */
class NativeProverTest {
  private static NativeProver prover;
  private static Witness calculated;
  private static List<Fr> witness;

  @BeforeAll
  static void load() throws IOException {
    prover = TinyCircuit.prover(TinyCircuit.zkey());
    WitnessCalculator calculator = WitnessCalculator.load(TinyCircuit.wasm());
    calculated =
        calculator.calculate(Map.of("x", List.of(Fr.of(3)), "y", List.of(Fr.of(5)), "z", List.of(Fr.of(11))));
    witness = calculated.toList();
  }

  @AfterAll
  static void close() {
    prover.close();
  }

  private static boolean verifies(Prover.Result result) throws IOException {
    return TinyCircuit.snarkjsVerifies(
        Groth16Json.writeProof(result.proof()), Groth16Json.writePublic(result.publicInputs()));
  }

  @Test
  void snarkjsAcceptsTheProofAndTheBlindingChangesIt() throws IOException {
    Prover.Result result = prover.prove(witness);
    assertEquals(witness.subList(1, 3), result.publicInputs().values());
    assertEquals(Fr.of(3), result.publicInputs().get(1)); // out, then x
    assertTrue(verifies(result));
    assertNotEquals(result.proof(), prover.prove(witness).proof());
  }

  @Test
  void thePackedWitnessProvesAsItsWiresDo() throws IOException {
    Prover.Result result = prover.prove(calculated);
    assertEquals(witness.subList(1, 3), result.publicInputs().values());
    assertTrue(verifies(result));
    List<Fr> mutated = new ArrayList<>(witness);
    int last = mutated.size() - 1;
    mutated.set(last, mutated.get(last).add(Fr.ONE));
    assertFalse(verifies(prover.prove(Witness.of(mutated))));
  }

  @Test
  void aChangedPublicInputDoesNotVerify() throws IOException {
    Prover.Result result = prover.prove(witness);
    List<Fr> inputs = new ArrayList<>(result.publicInputs().values());
    inputs.set(1, Fr.of(4));
    assertFalse(verifies(new Prover.Result(result.proof(), new PublicInputs(inputs))));
  }

  @Test
  void aMutatedPrivateWireDoesNotVerify() throws IOException {
    List<Fr> mutated = new ArrayList<>(witness);
    int last = mutated.size() - 1;
    mutated.set(last, mutated.get(last).add(Fr.ONE));
    assertFalse(verifies(prover.prove(mutated)));
  }

  @Test
  void concurrentProofsShareThePoolAndAllVerify() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<Prover.Result>> proofs = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        proofs.add(pool.submit(() -> prover.prove(witness)));
      }
      for (Future<Prover.Result> proof : proofs) {
        assertTrue(verifies(proof.get()));
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void aWitnessOfTheWrongShapeIsRefused() {
    IllegalArgumentException length =
        assertThrows(IllegalArgumentException.class, () -> prover.prove(witness.subList(1, witness.size())));
    assertTrue(length.getMessage().contains("nVars = " + witness.size()), length.getMessage());
    List<Fr> wireZero = new ArrayList<>(witness);
    wireZero.set(0, Fr.of(2));
    IllegalArgumentException one = assertThrows(IllegalArgumentException.class, () -> prover.prove(wireZero));
    assertTrue(one.getMessage().contains("constant 1"), one.getMessage());
    IllegalArgumentException packedOne =
        assertThrows(IllegalArgumentException.class, () -> prover.prove(Witness.of(wireZero)));
    assertTrue(packedOne.getMessage().contains("wire 0 is 2 but must be the constant 1"), packedOne.getMessage());
    IllegalArgumentException packedLength = assertThrows(IllegalArgumentException.class,
        () -> prover.prove(Witness.of(witness.subList(0, witness.size() - 1))));
    assertTrue(packedLength.getMessage().contains("has " + (witness.size() - 1) + " wires"),
        packedLength.getMessage());
  }

  @Test
  void aKeyWithAPointOffTheCurveIsRefusedWhenBound(@TempDir Path dir) throws IOException {
    Path key = Files.copy(TinyCircuit.zkey(), dir.resolve("bad.zkey"));
    ZkeyFile good = ZkeyFile.read(key);
    ByteBuffer a = good.section(5); // A: its last point is finite (a public wire's)
    int last = a.capacity() - 64;
    long offset = -1;
    byte[] file = Files.readAllBytes(key);
    byte[] point = new byte[64];
    a.get(last, point);
    for (int i = 0; i + 64 <= file.length && offset < 0; i++) {
      if (java.util.Arrays.equals(file, i, i + 64, point, 0, 64)) {
        offset = i;
      }
    }
    file[(int) offset] ^= 1; // x changes, y does not: off the curve (and still below q)
    Files.write(key, file);
    assertThrows(PointNotOnCurveException.class, () -> TinyCircuit.prover(key).close());
  }

  @Test
  void aKeyOfHeapBuffersOrMisSizedPointsIsRefused() throws IOException {
    ZkeyFile zkey = ZkeyFile.read(TinyCircuit.zkey());
    ZkeyFile.Groth16Header h = zkey.header();
    IllegalArgumentException heap = assertThrows(IllegalArgumentException.class,
        () -> ProvingKey.ofZkey(h.nVars(), h.nPublic(), h.domainSize(), h.alpha1(), h.beta1(),
            h.delta1(), h.beta2(), h.delta2(), id -> id == 5 ? ByteBuffer.allocate(64) : zkey.section(id)));
    assertTrue(heap.getMessage().contains("A (section 5) must be a direct"), heap.getMessage());
    IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
        () -> ProvingKey.ofZkey(h.nVars(), h.nPublic(), h.domainSize(), h.alpha1(), h.beta1(),
            h.delta1(), h.beta1(), h.delta2(), zkey::section));
    assertTrue(size.getMessage().contains("beta2 must be 128 bytes but is 64"), size.getMessage());
  }

  @Test
  void onlyAKeyReadFromItsFileIsMarkedFileMappedAndUnknownFlagsAreRefused() throws IOException {
    ZkeyFile zkey = ZkeyFile.read(TinyCircuit.zkey());
    ZkeyFile.Groth16Header h = zkey.header();
    assertTrue(ProvingKey.of(zkey).fileMapped());
    assertFalse(ProvingKey.ofZkey(h.nVars(), h.nPublic(), h.domainSize(), h.alpha1(), h.beta1(),
        h.delta1(), h.beta2(), h.delta2(), zkey::section).fileMapped());
    Pointer[] sections = new Pointer[6];
    long[] lengths = new long[6];
    for (int i = 0; i < 6; i++) {
      ByteBuffer section = zkey.section(4 + i);
      sections[i] = Native.getDirectBufferPointer(section);
      lengths[i] = section.capacity();
    }
    byte[] vk = ByteBuffer.allocate(448).put(h.alpha1()).put(h.beta1()).put(h.delta1()).put(h.beta2())
        .put(h.delta2()).array();
    assertEquals(NativeStatus.ARGUMENT, ProverNative.library().sb_groth16_key_new(h.nVars(),
        h.nPublic(), h.domainSize(), vk, vk.length, sections, lengths, 6, 2, new PointerByReference()));
  }

  @Test
  void aClosedProverRefusesToProve() throws IOException {
    NativeProver other = TinyCircuit.prover(TinyCircuit.zkey());
    assertEquals(witness.size(), other.witnessSize());
    assertEquals(2, other.publicInputCount());
    other.close();
    assertThrows(IllegalStateException.class, () -> other.prove(witness));
  }
}
