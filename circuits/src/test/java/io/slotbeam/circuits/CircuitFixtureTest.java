package io.slotbeam.circuits;

import static io.slotbeam.circuits.CircuitTools.assertRefuses;
import static io.slotbeam.circuits.CircuitTools.assertSatisfies;
import static io.slotbeam.circuits.CircuitTools.plusOne;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotbeam.core.slots.ProofInput;
import io.slotbeam.core.slots.ProofInputJson;
import io.slotbeam.core.vectors.Vectors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The full circuit {@code SampleAndProve(32, 8, 5, 67, 5)} against the nim-codex fixture (spec
 * datapath §9.6: 11 slots, slot 3, 512 cells per slot, sampled cells 287, 21, 307, 157, 508; paths
 * of 5 block + 4 slot levels, a dataset path of 4 levels).
 *
 * <p>Constraint counts (circom 2.2.3 via circom2 0.2.23, --O2, all non-linear): full circuit
 * 87,039 (upstream Codex circuit: 89,802), small circuit {@code 8,3,5,67,2} 22,949 (see {@link
 * CircuitSmallDatasetTest}).
 */
class CircuitFixtureTest {
  /** Our constraint count for {@code SampleAndProve(32, 8, 5, 67, 5)}; upstream has 89,802. */
  static final long FULL_CONSTRAINTS = 87_039;

  @TempDir static Path work;

  private static Path circuit;
  private static ProofInput fixture;

  @BeforeAll
  static void load() throws IOException {
    Path file = Vectors.file("codex/circuit-input-fixture.json");
    fixture = ProofInputJson.parse(Files.readString(file, StandardCharsets.UTF_8));
    circuit = CircuitTools.circuit(CircuitTools.FULL);
  }

  @Test
  void theFixtureSatisfiesTheFullCircuit() throws IOException {
    assertSatisfies(circuit, fixture, work, "fixture");
  }

  @Test
  void theFullCircuitHasTheCodexInterface() throws IOException {
    CircuitTools.R1csHeader header = CircuitTools.r1csHeader(CircuitTools.r1cs(circuit));
    assertEquals(0, header.publicOutputs());
    assertEquals(3, header.publicInputs());
    assertEquals(506, header.privateInputs()); // 3 + 8 + 5·67 + 5·32, as upstream (§10.2)
    assertEquals(FULL_CONSTRAINTS, header.constraints());
    // Public inputs are wires 1..3 in the order entropy, dataSetRoot, slotIndex (§10.2).
    List<String> sym = Files.readAllLines(CircuitTools.sym(circuit)).subList(0, 3);
    assertEquals(
        List.of("1,1,", "2,2,", "3,3,"), sym.stream().map(l -> l.substring(0, 4)).toList());
    assertEquals(
        List.of("main.entropy", "main.dataSetRoot", "main.slotIndex"),
        sym.stream().map(l -> l.substring(l.lastIndexOf(',') + 1)).toList());
  }

  static Stream<Arguments> wrongInputs() {
    return Stream.of(
        wrong("cellData[0][0] + 1", in -> CircuitTools.withCellElementBumped(in, 0, 0)),
        wrong("cellData[4][66] + 1", in -> CircuitTools.withCellElementBumped(in, 4, 66)),
        wrong("merklePaths[1][0] + 1 (block level 0)", in -> CircuitTools.withPathElementBumped(in, 1, 0)),
        wrong("merklePaths[2][4] + 1 (block level 4)", in -> CircuitTools.withPathElementBumped(in, 2, 4)),
        wrong("merklePaths[3][5] + 1 (slot level 0)", in -> CircuitTools.withPathElementBumped(in, 3, 5)),
        wrong("merklePaths[4][8] + 1 (slot level 3)", in -> CircuitTools.withPathElementBumped(in, 4, 8)),
        wrong("slotProof[0] + 1", in -> CircuitTools.withSlotProofElementBumped(in, 0)),
        wrong("slotProof[3] + 1", in -> CircuitTools.withSlotProofElementBumped(in, 3)),
        wrong("entropy + 1", in -> in.withEntropy(plusOne(in.entropy()))),
        wrong("slotRoot + 1", in -> in.withSlotRoot(plusOne(in.slotRoot()))),
        wrong("dataSetRoot + 1", in -> in.withDataSetRoot(plusOne(in.dataSetRoot()))),
        wrong("slotIndex 2", in -> in.withSlotIndex(2)),
        wrong("slotIndex 11 (= nSlotsPerDataSet)", in -> in.withSlotIndex(11)),
        wrong("slotIndex 19 (3 + 2^depth)", in -> in.withSlotIndex(19)),
        wrong("nCellsPerSlot 256", in -> in.withNCellsPerSlot(256)),
        wrong("nCellsPerSlot 1024", in -> in.withNCellsPerSlot(1024)),
        wrong("nCellsPerSlot 513", in -> in.withNCellsPerSlot(513)),
        wrong("nSlotsPerDataSet 8 (depth 3)", in -> in.withNSlotsPerDataSet(8)),
        wrong("nSlotsPerDataSet 17 (depth 5)", in -> in.withNSlotsPerDataSet(17)),
        wrong("nSlotsPerDataSet 3 (slotIndex out of range)", in -> in.withNSlotsPerDataSet(3)));
  }

  private static Arguments wrong(String name, UnaryOperator<ProofInput> mutation) {
    return Arguments.of(name, mutation);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wrongInputs")
  void aChangedFixtureDoesNotSatisfyTheFullCircuit(String name, UnaryOperator<ProofInput> mutation)
      throws IOException {
    assertRefuses(circuit, mutation.apply(fixture), work, "wrong-" + name.replaceAll("[^A-Za-z0-9]+", "_"));
  }
}
