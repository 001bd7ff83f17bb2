package io.slotbeam.circuits;

import static io.slotbeam.circuits.CircuitTools.assertRefuses;
import static io.slotbeam.circuits.CircuitTools.assertSatisfies;
import static io.slotbeam.circuits.CircuitTools.plusOne;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotbeam.core.field.Fr;
import io.slotbeam.core.slots.ProofInput;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The small circuit {@code SampleAndProve(8, 3, 5, 67, 2)} against proof inputs of our own
 * sampler over small verifiable datasets built in memory (64 KiB blocks, 2048-byte cells, so 32
 * cells per block): upload, erasure coding, slots, sampling, circuit input JSON, witness, R1CS
 * check.
 *
 * <p>Constraint count: 22,949 (circom 2.2.3, --O2, all non-linear).
 */
class CircuitSmallDatasetTest {
  /** Our constraint count for {@code SampleAndProve(8, 3, 5, 67, 2)}. */
  static final long SMALL_CONSTRAINTS = 22_949;

  private static final int BLOCK = 65536;
  private static final int CELL = 2048;

  @TempDir static Path work;

  private static Path circuit;
  private static ExecutorService workers;

  @BeforeAll
  static void setUp() {
    circuit = CircuitTools.circuit(CircuitTools.SMALL);
    workers = Executors.newFixedThreadPool(2);
  }

  @AfterAll
  static void tearDown() {
    workers.shutdownNow();
  }

  private static CircuitTools.Dataset dataset(int bytes, int k, int m) throws IOException {
    return CircuitTools.smallDataset(bytes, k, m, workers);
  }

  @Test
  void theSmallCircuitHasTheCodexInterface() throws IOException {
    CircuitTools.R1csHeader header = CircuitTools.r1csHeader(CircuitTools.r1cs(circuit));
    assertEquals(0, header.publicOutputs());
    assertEquals(3, header.publicInputs());
    assertEquals(3 + 3 + 2 * 67 + 2 * 8, header.privateInputs());
    assertEquals(SMALL_CONSTRAINTS, header.constraints());
  }

  @ParameterizedTest(name = "{0} bytes, K = {1}, M = {2}: {3} slots of {4} cells, slots {5}")
  @CsvSource({
    // 2 data blocks: 3 slots of one block each, the single-block slot of spec §12.14
    "100000, 2, 1, 3, 32, 0 1 2",
    // 3 data blocks: 3 slots of 2 blocks; slot 2 is the lone last node of the dataset tree
    "150000, 2, 1, 3, 64, 0 1 2",
    // 5 data blocks, K = 4: 6 slots of 2 blocks; slots 4, 5 sit under the lone node at level 1
    "300000, 4, 2, 6, 64, 3 4 5",
    // 9 data blocks: 3 slots of 5 blocks padded to 8 (pad positions are zero blocks); 5 + 3 = 8 =
    // maxDepth path levels
    "560000, 2, 1, 3, 256, 0 2",
  })
  void ourSamplerSatisfiesTheSmallCircuit(
      int bytes, int k, int m, int slots, int cells, String slotsToProve) throws IOException {
    CircuitTools.Dataset dataset = dataset(bytes, k, m);
    Random random = new Random(bytes);
    for (String slotText : slotsToProve.split(" ")) {
      int slot = Integer.parseInt(slotText);
      ProofInput input = dataset.sample(slot, Fr.of(new BigInteger(248, random)));
      assertEquals(cells, input.nCellsPerSlot());
      assertEquals(slots, input.nSlotsPerDataSet());
      assertSatisfies(circuit, input, work, "small-" + bytes + "-slot" + slot);
    }
  }

  private static ProofInput twoBlockSlot;

  /** Slot 2 of 3 (lone last node at the dataset tree's bottom), 64 cells per slot. */
  private static ProofInput twoBlockSlot() throws IOException {
    if (twoBlockSlot == null) {
      twoBlockSlot = dataset(150000, 2, 1).sample(2, Fr.of(987654321));
    }
    return twoBlockSlot;
  }

  static Stream<Arguments> wrongInputs() {
    return Stream.of(
        wrong("cellData[1][30] + 1", in -> CircuitTools.withCellElementBumped(in, 1, 30)),
        wrong("merklePaths[0][2] + 1 (block level 2)", in -> CircuitTools.withPathElementBumped(in, 0, 2)),
        wrong("merklePaths[1][5] + 1 (slot level 0)", in -> CircuitTools.withPathElementBumped(in, 1, 5)),
        wrong("slotProof[0] + 1", in -> CircuitTools.withSlotProofElementBumped(in, 0)),
        wrong("slotProof[1] + 1 (the ZERO of the lone node)", in -> CircuitTools.withSlotProofElementBumped(in, 1)),
        wrong("entropy + 1", in -> in.withEntropy(plusOne(in.entropy()))),
        wrong("slotRoot + 1", in -> in.withSlotRoot(plusOne(in.slotRoot()))),
        wrong("dataSetRoot + 1", in -> in.withDataSetRoot(plusOne(in.dataSetRoot()))),
        wrong("slotIndex 1", in -> in.withSlotIndex(1)),
        wrong("slotIndex 6 (2 + 2^depth)", in -> in.withSlotIndex(6)),
        wrong("nCellsPerSlot 128", in -> in.withNCellsPerSlot(128)),
        wrong("nCellsPerSlot 32", in -> in.withNCellsPerSlot(32)),
        wrong("nSlotsPerDataSet 4 (slot 2 no longer lone)", in -> in.withNSlotsPerDataSet(4)),
        wrong("nSlotsPerDataSet 2 (slotIndex out of range)", in -> in.withNSlotsPerDataSet(2)));
  }

  private static Arguments wrong(String name, UnaryOperator<ProofInput> mutation) {
    return Arguments.of(name, mutation);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wrongInputs")
  void aChangedInputDoesNotSatisfyTheSmallCircuit(String name, UnaryOperator<ProofInput> mutation)
      throws IOException {
    assertRefuses(
        circuit, mutation.apply(twoBlockSlot()), work, "wrong-" + name.replaceAll("[^A-Za-z0-9]+", "_"));
  }

  @Test
  void pathEntriesBeyondTheUsedDepthsAreIgnored() throws IOException {
    // 64 cells per slot: 5 block + 1 slot levels of the 8; 3 slots: 2 dataset levels of the 3.
    ProofInput input = twoBlockSlot();
    input = CircuitTools.withPathElementBumped(input, 0, 6);
    input = CircuitTools.withPathElementBumped(input, 1, 7);
    input = CircuitTools.withSlotProofElementBumped(input, 2);
    assertSatisfies(circuit, input, work, "padding-changed");
  }
}
