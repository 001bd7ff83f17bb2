package io.slotbeam.core.merkle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slotbeam.core.field.Fr;
import io.slotbeam.core.hash.Poseidon2Compressor;
import io.slotbeam.core.hash.Poseidon2Sponge;
import io.slotbeam.core.vectors.Vectors;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The upstream circuit input ({@code nim-codex: tests/circuits/fixtures/input.json}, read in place)
 * checked with Poseidon2 and the keyed tree alone, as spec datapath §9.6 describes: cell hashes,
 * block and slot paths up to the slot root, and the slot path up to the dataset root.
 */
class CircuitFixturePathsTest {
  private static final Poseidon2Compressor P2 = Poseidon2Compressor.INSTANCE;
  private static final int CELLS_PER_BLOCK = 32;
  private static final int BLOCK_PATH = 5;

  private static JsonNode fixture;

  @BeforeAll
  static void readFixture() throws IOException {
    fixture = new ObjectMapper().readTree(Vectors.file("codex/circuit-input-fixture.json").toFile());
  }

  @Test
  void sampledCellIndicesAreTheLowBitsOfTheSpongeOfEntropySlotRootAndCounter() {
    assertEquals(List.of(287L, 21L, 307L, 157L, 508L), cellIndices());
  }

  @Test
  void everySampledCellLeadsToTheSlotRoot() {
    Fr slotRoot = fr(fixture.get("slotRoot"));
    int nCells = fixture.get("nCellsPerSlot").asInt();
    List<Long> indices = cellIndices();
    for (int s = 0; s < indices.size(); s++) {
      long cell = indices.get(s);
      JsonNode sample = fixture.get("cellData").get(s);
      Fr[] cellElements = new Fr[sample.size()];
      for (int e = 0; e < cellElements.length; e++) {
        cellElements[e] = fr(sample.get(e));
      }
      JsonNode paths = fixture.get("merklePaths").get(s);
      int slotPathLength = KeyedMerkleTree.depthFor(nCells / CELLS_PER_BLOCK);
      MerkleProof<Fr> inBlock =
          new MerkleProof<>((int) (cell % CELLS_PER_BLOCK), CELLS_PER_BLOCK, frs(paths, 0, BLOCK_PATH));
      MerkleProof<Fr> inSlot =
          new MerkleProof<>(
              (int) (cell / CELLS_PER_BLOCK), nCells / CELLS_PER_BLOCK, frs(paths, BLOCK_PATH, slotPathLength));
      Fr blockRoot = inBlock.reconstructRoot(Poseidon2Sponge.hash(cellElements), P2);
      assertEquals(slotRoot, inSlot.reconstructRoot(blockRoot, P2), "sample " + s + ", cell " + cell);
      for (int i = BLOCK_PATH + slotPathLength; i < paths.size(); i++) {
        assertEquals("0", paths.get(i).asText(), "paths are zero-padded to maxDepth");
      }
    }
  }

  @Test
  void slotRootLeadsToTheDatasetRootAndAnotherRootDoesNot() {
    int slots = fixture.get("nSlotsPerDataSet").asInt();
    MerkleProof<Fr> proof =
        new MerkleProof<>(
            fixture.get("slotIndex").asInt(), slots, frs(fixture.get("slotProof"), 0, KeyedMerkleTree.depthFor(slots)));
    Fr datasetRoot = fr(fixture.get("dataSetRoot"));
    Fr slotRoot = fr(fixture.get("slotRoot"));
    assertEquals(datasetRoot, proof.reconstructRoot(slotRoot, P2));
    assertNotEquals(datasetRoot, proof.reconstructRoot(slotRoot.add(Fr.ONE), P2));
  }

  /** Spec §9.2: {@code sponge_2([entropy, slotRoot, counter])}, low log2(nCells) bits. */
  private static List<Long> cellIndices() {
    Fr entropy = fr(fixture.get("entropy"));
    Fr slotRoot = fr(fixture.get("slotRoot"));
    long mask = fixture.get("nCellsPerSlot").asLong() - 1;
    List<Long> indices = new ArrayList<>();
    for (int counter = 1; counter <= fixture.get("cellData").size(); counter++) {
      indices.add(Poseidon2Sponge.hash(entropy, slotRoot, Fr.of(counter)).lowBits() & mask);
    }
    return indices;
  }

  private static Fr fr(JsonNode node) {
    return Fr.parseDecimal(node.asText());
  }

  private static List<Fr> frs(JsonNode array, int from, int count) {
    List<Fr> out = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      out.add(fr(array.get(i)));
    }
    return out;
  }
}
