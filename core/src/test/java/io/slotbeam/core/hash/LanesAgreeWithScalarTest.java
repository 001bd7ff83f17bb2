package io.slotbeam.core.hash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotbeam.core.field.Fr;
import io.slotbeam.core.field.FrLanes;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The SIMD-lane paths must agree with the scalar ones bit for bit. They run here whatever the CPU
 * (the Vector API emulates lanes it lacks), so these tests never depend on the machine.
 */
class LanesAgreeWithScalarTest {
  private final Random random = new Random(5);

  @ParameterizedTest(name = "{0} cells of {1} bytes")
  @CsvSource({"1, 2048", "7, 2048", "8, 2048", "9, 2048", "32, 2048", "17, 64", "3, 31", "5, 62", "2, 0"})
  void laneHasherAgreesWithScalarHasher(int count, int cellSize) {
    byte[] data = new byte[3 + count * cellSize];
    new Random(count * 31L + cellSize).nextBytes(data);
    Fr[] scalar = CellHasher.scalar().hashCells(data, 3, cellSize, count);
    assertArrayEquals(scalar, LaneCellHasher.instance().hashCells(data, 3, cellSize, count));
  }

  @Test
  void laneHasherGivesTheZeroCellVector() {
    Fr[] hashes = LaneCellHasher.instance().hashCells(new byte[2048 * 2], 0, 2048, 2);
    assertEquals(
        "9010113475052329305091696844352158666421830161907049466576133683123358129426",
        hashes[1].toDecimal());
  }

  @Test
  void lanePermutationAgreesWithScalarPermutationInEveryLane() {
    int lanes = FrLanes.LANES;
    int n = FrLanes.ELEMENT_LONGS;
    Fr[][] elements = new Fr[3][lanes];
    for (int k = 0; k < 3; k++) {
      for (int lane = 0; lane < lanes; lane++) {
        elements[k][lane] = randomElement();
      }
    }
    long[] laneState = new long[3 * n];
    for (int k = 0; k < 3; k++) {
      FrLanes.load(laneState, k * n, elements[k], 0, lanes);
    }
    Poseidon2Permutation.lanes().permute(laneState);
    Fr[][] permuted = new Fr[3][lanes];
    for (int k = 0; k < 3; k++) {
      FrLanes.store(laneState, k * n, permuted[k], 0, lanes);
    }
    for (int lane = 0; lane < lanes; lane++) {
      Fr[] expected =
          Poseidon2Permutation.permute(elements[0][lane], elements[1][lane], elements[2][lane]);
      for (int k = 0; k < 3; k++) {
        assertEquals(expected[k], permuted[k][lane], "lane " + lane + ", element " + k);
      }
    }
  }

  @Test
  void laneCompressorAgreesWithScalarCompressionForEveryKeyAndCount() {
    for (int count = 1; count <= 2 * FrLanes.LANES + 1; count++) {
      List<Fr> lefts = new ArrayList<>();
      List<Fr> rights = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        lefts.add(randomElement());
        rights.add(randomElement());
      }
      for (int key = 0; key < 4; key++) {
        List<Fr> lanes = LaneCompressor.compressAll(lefts, rights, key);
        for (int i = 0; i < count; i++) {
          assertEquals(
              Poseidon2Compressor.INSTANCE.compress(lefts.get(i), rights.get(i), key),
              lanes.get(i),
              count + " pairs, key " + key + ", pair " + i);
        }
      }
    }
  }

  private Fr randomElement() {
    return Fr.of(new BigInteger(253, random));
  }
}
