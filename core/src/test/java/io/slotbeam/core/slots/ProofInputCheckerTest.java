package io.slotbeam.core.slots;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotbeam.core.field.Fr;
import io.slotbeam.core.hash.Poseidon2Compressor;
import io.slotbeam.core.hash.Poseidon2Sponge;
import io.slotbeam.core.merkle.KeyedMerkleTree;
import io.slotbeam.core.merkle.MerkleProof;
import io.slotbeam.core.vectors.Vectors;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The checker against the upstream fixture (spec datapath §9.6), honest and tampered, and against
 * a synthetic single-block slot (§9.3, §12.14), which no upstream vector covers.
 */
class ProofInputCheckerTest {
  private static final Poseidon2Compressor P2 = Poseidon2Compressor.INSTANCE;

  private static ProofInput fixture;

  @BeforeAll
  static void readFixture() throws IOException {
    fixture =
        ProofInputJson.parse(Files.readString(Vectors.file("codex/circuit-input-fixture.json")));
  }

  // ---- the fixture, honest ----

  @Test
  void fixturePassesTheFullCircuit() {
    ProofInputChecker.Result result = ProofInputChecker.check(fixture, CircuitParams.FULL);
    assertEquals(List.of(), result.failures());
    assertTrue(result.ok());
    assertEquals(Optional.empty(), result.firstFailure());
    assertDoesNotThrow(() -> ProofInputChecker.checkOrThrow(fixture, CircuitParams.FULL));
  }

  @Test
  void fixtureDoesNotFitTheSmallCircuitAndTheCheckerSaysWhy() {
    List<String> failures = ProofInputChecker.check(fixture, CircuitParams.SMALL).failures();
    assertTrue(
        failures.get(0).startsWith("nSlotsPerDataSet 11 exceeds the 8 slots"), failures.get(0));
    assertTrue(
        failures.contains("samples: 5 given but the circuit takes samples = 2"),
        failures.toString());
    assertTrue(
        failures.contains(
            "nCellsPerSlot 512 needs 9 path levels (5 block + 4 slot) but maxDepth is 8 (circuit"
                + " 8,3,5,67,2)"),
        failures.toString());
    assertTrue(
        failures.contains(
            "sample 4: merklePaths has 32 entries but the circuit takes maxDepth = 8"),
        failures.toString());
  }

  // ---- the fixture, tampered: each failure names what broke ----

  @Test
  void flippedCellElementBreaksThatSampleOnly() {
    ProofInput tampered =
        withSample(fixture, 2, cellData(fixture, 2, 10, bump(cell(fixture, 2, 10))));
    assertFailures(tampered, "sample 2 (cell 307): merkle path does not lead to slotRoot");
  }

  @Test
  void flippedBlockLevelPathEntryBreaksThatSample() {
    ProofInput tampered =
        withSample(fixture, 1, pathEntry(fixture, 1, 3, bump(path(fixture, 1, 3))));
    assertFailures(tampered, "sample 1 (cell 21): merkle path does not lead to slotRoot");
  }

  @Test
  void flippedSlotLevelPathEntryBreaksThatSample() {
    ProofInput tampered =
        withSample(fixture, 4, pathEntry(fixture, 4, 7, bump(path(fixture, 4, 7))));
    assertFailures(tampered, "sample 4 (cell 508): merkle path does not lead to slotRoot");
  }

  @Test
  void nonZeroPathPaddingIsReportedAlthoughThePathStillLeadsToTheRoot() {
    ProofInput tampered = withSample(fixture, 0, pathEntry(fixture, 0, 20, Fr.ONE));
    assertFailures(
        tampered,
        "sample 0 (cell 287): merklePaths[0][20] is padding beyond the 9 path levels and must be"
            + " 0");
  }

  @Test
  void nonZeroSlotProofPaddingIsReported() {
    ProofInput tampered = fixture.withSlotProof(set(fixture.slotProof(), 6, Fr.ONE));
    assertFailures(
        tampered,
        "slotProof[6] is padding beyond the 4 levels of the dataset tree (11 slots) and must be 0");
  }

  @Test
  void flippedSlotProofEntryBreaksThePathToTheDatasetRoot() {
    ProofInput tampered =
        fixture.withSlotProof(set(fixture.slotProof(), 1, bump(fixture.slotProof().get(1))));
    assertFailures(tampered, "slotProof does not lead from slotRoot to dataSetRoot (slot 3 of 11)");
  }

  @Test
  void anotherDatasetRootIsRejected() {
    ProofInput tampered =
        new ProofInput(
            fixture.entropy(),
            bump(fixture.dataSetRoot()),
            fixture.slotIndex(),
            fixture.slotRoot(),
            fixture.nCellsPerSlot(),
            fixture.nSlotsPerDataSet(),
            fixture.slotProof(),
            fixture.samples());
    assertFailures(tampered, "slotProof does not lead from slotRoot to dataSetRoot (slot 3 of 11)");
  }

  @Test
  void anotherSlotRootBreaksTheSlotProofAndEverySample() {
    ProofInput tampered =
        new ProofInput(
            fixture.entropy(),
            fixture.dataSetRoot(),
            fixture.slotIndex(),
            bump(fixture.slotRoot()),
            fixture.nCellsPerSlot(),
            fixture.nSlotsPerDataSet(),
            fixture.slotProof(),
            fixture.samples());
    List<String> failures = ProofInputChecker.check(tampered, CircuitParams.FULL).failures();
    assertEquals(6, failures.size(), failures.toString());
    assertEquals(
        "slotProof does not lead from slotRoot to dataSetRoot (slot 3 of 11)", failures.get(0));
    for (int i = 0; i < 5; i++) {
      assertTrue(
          failures
              .get(1 + i)
              .matches("sample " + i + " \\(cell \\d+\\): merkle path does not lead to slotRoot"),
          failures.get(1 + i));
    }
  }

  @Test
  void anotherSlotIndexBreaksTheSlotProof() {
    assertFailures(
        fixture.withSlotIndex(2),
        "slotProof does not lead from slotRoot to dataSetRoot (slot 2 of 11)");
  }

  @Test
  void slotIndexOutsideTheDatasetIsReported() {
    assertFailures(fixture.withSlotIndex(11), "slotIndex 11 is not in [0, nSlotsPerDataSet 11)");
    assertFailures(
        fixture.withSlotIndex(Integer.MAX_VALUE),
        "slotIndex 2147483647 is not in [0, nSlotsPerDataSet 11)");
  }

  @Test
  void anotherEntropySamplesOtherCellsWhoseDataAndPathsDoNotMatch() {
    ProofInput tampered =
        new ProofInput(
            bump(fixture.entropy()),
            fixture.dataSetRoot(),
            fixture.slotIndex(),
            fixture.slotRoot(),
            fixture.nCellsPerSlot(),
            fixture.nSlotsPerDataSet(),
            fixture.slotProof(),
            fixture.samples());
    long[] cells = CellSelector.cellIndices(bump(fixture.entropy()), fixture.slotRoot(), 512, 5);
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      expected.add(
          "sample " + i + " (cell " + cells[i] + "): merkle path does not lead to slotRoot");
    }
    assertNotEquals(287, cells[0]);
    assertEquals(expected, ProofInputChecker.check(tampered, CircuitParams.FULL).failures());
  }

  @Test
  void doubledCellCountLengthensTheSlotPathAndBreaksEverySample() {
    List<String> failures =
        ProofInputChecker.check(fixture.withNCellsPerSlot(1024).withNSlotsPerDataSet(11), CircuitParams.FULL).failures();
    assertEquals(5, failures.size(), failures.toString());
    assertTrue(
        failures.stream().allMatch(f -> f.endsWith("merkle path does not lead to slotRoot")));
  }

  @Test
  void cellCountThatIsNotAPowerOfTwoOrBelowABlockIsReported() {
    assertFailures(fixture.withNCellsPerSlot(500).withNSlotsPerDataSet(11), "nCellsPerSlot 500 is not a power of two");
    assertFailures(
        fixture.withNCellsPerSlot(16).withNSlotsPerDataSet(11),
        "nCellsPerSlot 16 is smaller than the 32 cells of one block (blockTreeDepth 5)");
  }

  @Test
  void slotCountNeedingADeeperDatasetTreeBreaksTheSlotProof() {
    assertFailures(
        fixture.withNCellsPerSlot(512).withNSlotsPerDataSet(17),
        "slotProof does not lead from slotRoot to dataSetRoot (slot 3 of 17)");
  }

  @Test
  void slotCountAboveTheCircuitLimitIsReported() {
    assertFailures(
        fixture.withNCellsPerSlot(512).withNSlotsPerDataSet(300),
        "nSlotsPerDataSet 300 exceeds the 256 slots of maxLog2NSlots 8 (circuit 32,8,5,67,5)");
    assertFailures(fixture.withNCellsPerSlot(512).withNSlotsPerDataSet(0), "nSlotsPerDataSet 0 must be at least 1");
  }

  @Test
  void missingSampleIsReported() {
    assertFailures(
        fixture.withSamples(fixture.samples().subList(0, 4)),
        "samples: 4 given but the circuit takes samples = 5");
  }

  @Test
  void cellWithTooFewElementsIsReported() {
    ProofInput.Sample sample = fixture.samples().get(0);
    ProofInput tampered =
        withSample(
            fixture,
            0,
            new ProofInput.Sample(sample.cellData().subList(0, 66), sample.merklePaths()));
    assertFailures(
        tampered, "sample 0: cellData has 66 elements but the circuit takes cellElements = 67");
  }

  @ParameterizedTest
  @ValueSource(ints = {31, 33})
  void pathOfTheWrongLengthIsReported(int length) {
    ProofInput.Sample sample = fixture.samples().get(3);
    List<Fr> path = new ArrayList<>(sample.merklePaths());
    while (path.size() > length) {
      path.remove(path.size() - 1);
    }
    while (path.size() < length) {
      path.add(Fr.ZERO);
    }
    ProofInput tampered = withSample(fixture, 3, new ProofInput.Sample(sample.cellData(), path));
    assertFailures(
        tampered,
        "sample 3: merklePaths has " + length + " entries but the circuit takes maxDepth = 32");
  }

  @Test
  void slotProofOfTheWrongLengthIsReported() {
    assertFailures(
        fixture.withSlotProof(fixture.slotProof().subList(0, 7)),
        "slotProof has 7 entries but the circuit takes maxLog2NSlots = 8");
  }

  @Test
  void checkOrThrowListsTheFailures() {
    ProofInput tampered = fixture.withSlotIndex(2);
    InvalidProofInputException e =
        assertThrows(
            InvalidProofInputException.class,
            () -> ProofInputChecker.checkOrThrow(tampered, CircuitParams.FULL));
    assertEquals(
        "proof input for circuit 32,8,5,67,5 fails: slotProof does not lead from slotRoot to"
            + " dataSetRoot (slot 2 of 11)",
        e.getMessage());
  }

  @Test
  void emptyAndZeroInputIsReportedNotThrown() {
    ProofInput empty =
        new ProofInput(
            Fr.ZERO,
            Fr.ZERO,
            0,
            Fr.ZERO,
            0,
            0,
            List.of(),
            List.of(new ProofInput.Sample(List.of(), List.of())));
    ProofInputChecker.Result result =
        assertDoesNotThrow(() -> ProofInputChecker.check(empty, CircuitParams.FULL));
    assertEquals(
        List.of(
            "nSlotsPerDataSet 0 must be at least 1",
            "slotProof has 0 entries but the circuit takes maxLog2NSlots = 8",
            "samples: 1 given but the circuit takes samples = 5",
            "nCellsPerSlot 0 is not a power of two",
            "sample 0: cellData has 0 elements but the circuit takes cellElements = 67",
            "sample 0: merklePaths has 0 entries but the circuit takes maxDepth = 32"),
        result.failures());
    assertEquals(Optional.of("nSlotsPerDataSet 0 must be at least 1"), result.firstFailure());
  }

  // ---- a single-block slot (nCellsPerSlot = 32), built here ----

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2})
  void singleBlockSlotWithItsOneZeroSlotLevelPasses(int slotIndex) {
    ProofInput input = singleBlockSlot(CircuitParams.SMALL, slotIndex);
    assertEquals(List.of(), ProofInputChecker.check(input, CircuitParams.SMALL).failures());
  }

  @Test
  void singleBlockSlotPassesTheFullCircuitToo() {
    ProofInput input = singleBlockSlot(CircuitParams.FULL, 2);
    assertEquals(List.of(), ProofInputChecker.check(input, CircuitParams.FULL).failures());
  }

  @Test
  void singleBlockSlotRootIsTheBlockRootCompressedOnceWithZeroAndKey3() {
    ProofInput input = singleBlockSlot(CircuitParams.SMALL, 1);
    Fr blockRoot = blockRootOf(input.samples().get(0), input, CircuitParams.SMALL);
    assertEquals(P2.compress(blockRoot, Fr.ZERO, 3), input.slotRoot());
    assertEquals(KeyedMerkleTree.build(List.of(blockRoot), P2).root(), input.slotRoot());
  }

  @Test
  void singleBlockSlotFailsWhenItsSlotLevelEntryIsNotZero() {
    ProofInput input = singleBlockSlot(CircuitParams.SMALL, 1);
    ProofInput tampered = withSample(input, 1, pathEntry(input, 1, 5, Fr.ONE));
    long cell = CellSelector.cellIndex(input.entropy(), input.slotRoot(), 32, 2);
    assertFailures(
        tampered,
        CircuitParams.SMALL,
        "sample 1 (cell " + cell + "): merkle path does not lead to slotRoot");
  }

  @Test
  void singleBlockSlotFailsWhenTheBlockRootIsTakenAsTheSlotRoot() {
    // The mistake §12.4 warns about: a single leaf is never its own root.
    ProofInput input = singleBlockSlot(CircuitParams.SMALL, 0);
    Fr blockRoot = blockRootOf(input.samples().get(0), input, CircuitParams.SMALL);
    ProofInput tampered =
        new ProofInput(
            input.entropy(),
            input.dataSetRoot(),
            0,
            blockRoot,
            32,
            3,
            input.slotProof(),
            input.samples());
    List<String> failures = ProofInputChecker.check(tampered, CircuitParams.SMALL).failures();
    assertEquals(3, failures.size(), failures.toString());
    assertEquals(
        "slotProof does not lead from slotRoot to dataSetRoot (slot 0 of 3)", failures.get(0));
  }

  @Test
  void singleBlockSlotFailsWithAFlippedCellOrSlotProofEntry() {
    ProofInput input = singleBlockSlot(CircuitParams.SMALL, 2);
    long cell = CellSelector.cellIndex(input.entropy(), input.slotRoot(), 32, 1);
    assertFailures(
        withSample(input, 0, cellData(input, 0, 66, bump(cell(input, 0, 66)))),
        CircuitParams.SMALL,
        "sample 0 (cell " + cell + "): merkle path does not lead to slotRoot");
    assertFailures(
        input.withSlotProof(set(input.slotProof(), 1, bump(input.slotProof().get(1)))),
        CircuitParams.SMALL,
        "slotProof does not lead from slotRoot to dataSetRoot (slot 2 of 3)");
  }

  /**
   * Slot {@code slotIndex} of a 3-slot dataset whose slots are one block of 32 random cells each:
   * block tree over the cell hashes, slot tree of one leaf, dataset tree over the 3 slot roots.
   */
  private static ProofInput singleBlockSlot(CircuitParams params, int slotIndex) {
    Random random = new Random(20240917L + slotIndex);
    List<List<Fr>> cells = new ArrayList<>();
    List<Fr> cellHashes = new ArrayList<>();
    for (int c = 0; c < 32; c++) {
      List<Fr> cell = new ArrayList<>();
      for (int e = 0; e < params.cellElements(); e++) {
        cell.add(Fr.of(new BigInteger(250, random)));
      }
      cells.add(cell);
      cellHashes.add(Poseidon2Sponge.hash(cell.toArray(new Fr[0])));
    }
    KeyedMerkleTree<Fr> block = KeyedMerkleTree.build(cellHashes, P2);
    Fr slotRoot = P2.compress(block.root(), Fr.ZERO, 3);
    List<Fr> slotRoots = new ArrayList<>();
    for (int s = 0; s < 3; s++) {
      slotRoots.add(s == slotIndex ? slotRoot : Fr.of(new BigInteger(250, random)));
    }
    KeyedMerkleTree<Fr> dataset = KeyedMerkleTree.build(slotRoots, P2);
    byte[] challenge = new byte[32];
    random.nextBytes(challenge);
    Fr entropy = CellSelector.entropy(challenge);
    List<ProofInput.Sample> samples = new ArrayList<>();
    for (long c : CellSelector.cellIndices(entropy, slotRoot, 32, params.samples())) {
      List<Fr> path = new ArrayList<>(block.proof((int) c, P2).path());
      path.add(Fr.ZERO); // the slot tree of one leaf has depth 1 (§9.3)
      samples.add(
          new ProofInput.Sample(
              cells.get((int) c), ProofInput.zeroPadded(path, params.maxDepth())));
    }
    List<Fr> slotProof =
        ProofInput.zeroPadded(dataset.proof(slotIndex, P2).path(), params.maxLog2NSlots());
    return new ProofInput(entropy, dataset.root(), slotIndex, slotRoot, 32, 3, slotProof, samples);
  }

  private static Fr blockRootOf(ProofInput.Sample sample, ProofInput input, CircuitParams params) {
    long cell = CellSelector.cellIndex(input.entropy(), input.slotRoot(), 32, 1);
    return new MerkleProof<>(
            (int) cell, 32, sample.merklePaths().subList(0, params.blockTreeDepth()))
        .reconstructRoot(Poseidon2Sponge.hash(sample.cellData().toArray(new Fr[0])), P2);
  }

  // ---- helpers ----

  private static void assertFailures(ProofInput input, String... expected) {
    assertFailures(input, CircuitParams.FULL, expected);
  }

  private static void assertFailures(ProofInput input, CircuitParams params, String... expected) {
    ProofInputChecker.Result result = ProofInputChecker.check(input, params);
    assertFalse(result.ok());
    assertEquals(List.of(expected), result.failures());
    assertEquals(Optional.of(expected[0]), result.firstFailure());
  }

  private static Fr bump(Fr value) {
    return value.add(Fr.ONE);
  }

  private static List<Fr> set(List<Fr> list, int index, Fr value) {
    List<Fr> copy = new ArrayList<>(list);
    copy.set(index, value);
    return copy;
  }

  private static Fr cell(ProofInput input, int sample, int element) {
    return input.samples().get(sample).cellData().get(element);
  }

  private static Fr path(ProofInput input, int sample, int entry) {
    return input.samples().get(sample).merklePaths().get(entry);
  }

  private static ProofInput.Sample cellData(ProofInput input, int sample, int element, Fr value) {
    ProofInput.Sample old = input.samples().get(sample);
    return new ProofInput.Sample(set(old.cellData(), element, value), old.merklePaths());
  }

  private static ProofInput.Sample pathEntry(ProofInput input, int sample, int entry, Fr value) {
    ProofInput.Sample old = input.samples().get(sample);
    return new ProofInput.Sample(old.cellData(), set(old.merklePaths(), entry, value));
  }

  private static ProofInput withSample(ProofInput input, int index, ProofInput.Sample sample) {
    List<ProofInput.Sample> samples = new ArrayList<>(input.samples());
    samples.set(index, sample);
    return input.withSamples(samples);
  }




}
