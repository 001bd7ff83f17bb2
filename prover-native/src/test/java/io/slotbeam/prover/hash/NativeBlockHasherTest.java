package io.slotbeam.prover.hash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.slotbeam.core.field.Fr;
import io.slotbeam.core.hash.BlockHasher;
import io.slotbeam.core.hash.CellHasher;
import io.slotbeam.core.vectors.Poseidon2Vectors;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The native block hasher against core's Java reference on its scalar path (core tests that the
 * SIMD lanes agree with it; the scalar path needs no JIT warm-up, so the tests stay fast).
 */
class NativeBlockHasherTest {
  private final NativeBlockHasher hasher = NativeBlockHasher.load();
  private final BlockHasher java = BlockHasher.of(CellHasher.scalar());

  private static byte[] random(int length, long seed) {
    byte[] data = new byte[length];
    new Random(seed).nextBytes(data);
    return data;
  }

  @ParameterizedTest(name = "{0} bytes in cells of {1}")
  @CsvSource({
    "0, 2048", "1, 2048", "30, 31", "31, 31", "32, 31", "62, 31", "100, 64", "2047, 2048",
    "2048, 2048", "2049, 2048", "6144, 2048", "6145, 1024", "65536, 2048", "65531, 2048",
    "65536, 4096", "65536, 65536", "4096, 512", "1000, 3"
  })
  void rootsMatchTheJavaHasherOnRandomData(int length, int cellSize) {
    byte[] data = random(length + 7, length * 31L + cellSize);
    assertEquals(java.root(data, 3, length, cellSize), hasher.root(data, 3, length, cellSize));
  }

  @Test
  void zeroBlockRootMatchesTheDerivedVector() {
    assertEquals(Poseidon2Vectors.ROOT_OF_ZERO_BLOCK, hasher.root(new byte[65536], 0, 65536, 2048).toDecimal());
  }

  @Test
  void manyBlocksInOneCallGiveTheRootsOfEachBlock() {
    byte[] data = random(5 + 3 * 4096, 9);
    Fr[] roots = hasher.roots(data, 5, 3, 4096, 1024);
    Fr[] one = new Fr[3];
    for (int i = 0; i < 3; i++) {
      one[i] = java.root(data, 5 + 4096 * i, 4096, 1024);
    }
    assertArrayEquals(one, roots);
  }

  @Test
  void badArgumentsGiveJavaExceptions() {
    byte[] data = new byte[100];
    assertEquals(
        "chunk size 0 must be positive",
        assertThrows(IllegalArgumentException.class, () -> hasher.root(data, 0, 100, 0)).getMessage());
    assertThrows(IndexOutOfBoundsException.class, () -> hasher.root(data, 50, 51, 31));
    assertThrows(IndexOutOfBoundsException.class, () -> hasher.roots(data, 0, 2, 64, 32));
    assertThrows(NullPointerException.class, () -> hasher.root(null, 0, 0, 32));
  }

  @Test
  void hashersAreChosenByName() {
    assertInstanceOf(NativeBlockHasher.class, BlockHashers.named("native"));
    assertInstanceOf(NativeBlockHasher.class, BlockHashers.fastest());
    byte[] data = random(100, 4); // one partial cell: the Java hasher's lanes stay cold
    assertEquals(hasher.root(data, 0, 100, 2048), BlockHashers.named("java").root(data, 0, 100, 2048));
    assertEquals(
        "block hasher 'gpu' is not one of [java, native]",
        assertThrows(IllegalArgumentException.class, () -> BlockHashers.named("gpu")).getMessage());
  }
}
