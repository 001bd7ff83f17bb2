package io.slotbeam.core.hash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotbeam.core.field.Fr;
import io.slotbeam.core.field.FrLanes;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The lane hasher must agree with the scalar one bit for bit, whatever the CPU. */
class CellHasherTest {
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
    Poseidon2Permutation lanes = new Poseidon2Permutation(FrLanes.ARITHMETIC);
    Random random = new Random(5);
    long[] laneState = new long[lanes.stateLongs()];
    long[][] scalarStates = new long[FrLanes.LANES][Poseidon2Permutation.STATE_LONGS];
    long[] limbs = new long[4];
    for (int lane = 0; lane < FrLanes.LANES; lane++) {
      for (int k = 0; k < 3; k++) {
        Fr value = Fr.of(new java.math.BigInteger(250, random));
        value.copyMontgomeryLimbs(scalarStates[lane], 4 * k);
        value.copyCanonicalLimbs(limbs, 0);
        FrLanes.setLane(laneState, k * FrLanes.ELEMENT_LONGS, lane, limbs, 0);
      }
    }
    for (int k = 0; k < 3; k++) {
      FrLanes.toMontgomery(laneState, k * FrLanes.ELEMENT_LONGS);
    }
    lanes.permute(laneState);
    for (int k = 0; k < 3; k++) {
      FrLanes.fromMontgomery(laneState, k * FrLanes.ELEMENT_LONGS);
    }
    for (int lane = 0; lane < FrLanes.LANES; lane++) {
      Poseidon2Permutation.SCALAR.permute(scalarStates[lane]);
      for (int k = 0; k < 3; k++) {
        FrLanes.getLane(laneState, k * FrLanes.ELEMENT_LONGS, lane, limbs, 0);
        assertEquals(
            Fr.ofMontgomeryLimbs(scalarStates[lane], 4 * k),
            Fr.fromCanonicalLimbs(limbs, 0),
            "lane " + lane + ", element " + k);
      }
    }
  }
}
