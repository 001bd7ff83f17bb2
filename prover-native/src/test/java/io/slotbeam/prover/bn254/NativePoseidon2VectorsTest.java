package io.slotbeam.prover.bn254;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotbeam.core.field.BytePacking;
import io.slotbeam.core.field.Fr;
import io.slotbeam.core.hash.BlockHasher;
import io.slotbeam.core.hash.CellHasher;
import io.slotbeam.core.vectors.Poseidon2Vectors;
import io.slotbeam.prover.hash.NativeBlockHasher;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every Poseidon2 vector of spec datapath §4.4–§4.9 / Appendix B through the native path. */
class NativePoseidon2VectorsTest {

  @AfterEach
  void resetDispatch() {
    Dispatches.reset();
  }

  static List<Integer> paths() {
    return Dispatches.available();
  }

  @ParameterizedTest(name = "dispatch {0}")
  @MethodSource("paths")
  void permutationOf012MatchesUpstream(int mode) {
    Dispatches.use(mode);
    Fr[] out = NativePoseidon2.permute(Fr.of(0), Fr.of(1), Fr.of(2), 1);
    assertEquals(Poseidon2Vectors.PERMUTATION_OF_0_1_2, Arrays.stream(out).map(Fr::toDecimal).toList());
  }

  @ParameterizedTest(name = "dispatch {0}")
  @MethodSource("paths")
  void blockRootsMatchTheVectorAndTheJavaHasherOnEveryPath(int mode) {
    Dispatches.use(mode);
    NativeBlockHasher hasher = NativeBlockHasher.load();
    assertEquals(Poseidon2Vectors.ROOT_OF_ZERO_BLOCK, hasher.root(new byte[65536], 0, 65536, 2048).toDecimal());
    byte[] data = new byte[10000]; // 9 full cells (two groups of four, then one) and a tail
    new Random(mode).nextBytes(data);
    BlockHasher scalar = BlockHasher.of(CellHasher.scalar()); // quick to start, unlike the lanes
    assertEquals(scalar.root(data, 0, data.length, 1024), hasher.root(data, 0, data.length, 1024));
  }

  @ParameterizedTest(name = "compress(1, 2, key {0})")
  @MethodSource("io.slotbeam.core.vectors.Poseidon2Vectors#compressOneTwo")
  void compressionIsThePermutationWithTheKeyInTheThirdElement(int key, String expected) {
    assertEquals(expected, NativePoseidon2.permute(Fr.of(1), Fr.of(2), Fr.of(key), 1)[0].toDecimal());
  }

  @ParameterizedTest(name = "sponge of 1..{0}")
  @MethodSource("io.slotbeam.core.vectors.Poseidon2Vectors#spongeOfOneToN")
  void spongeOfOneToNMatchesUpstreamAtBothRates(int n, String rate1, String rate2) {
    assertEquals(rate1, NativePoseidon2.sponge(1, oneTo(n)).toDecimal());
    assertEquals(rate2, NativePoseidon2.sponge(2, oneTo(n)).toDecimal());
  }

  @ParameterizedTest(name = "merkle root of 1..{0}")
  @MethodSource("io.slotbeam.core.vectors.Poseidon2Vectors#merkleRootOfOneToN")
  void merkleRootOfOneToNMatchesUpstream(int n, String expected) {
    assertEquals(expected, NativePoseidon2.merkleRoot(oneTo(n)).toDecimal());
  }

  @ParameterizedTest(name = "merkle root of the elements of bytes 01..{0}")
  @MethodSource("io.slotbeam.core.vectors.Poseidon2Vectors#merkleRootOfBytesOneToN")
  void merkleRootOfPackedBytesMatchesUpstream(int n, String expected) {
    List<Fr> elements = Arrays.asList(BytePacking.elements(bytesOneTo(n)));
    assertEquals(expected, NativePoseidon2.merkleRoot(elements).toDecimal());
  }

  @ParameterizedTest(name = "byte sponge of 01..{0}")
  @MethodSource("io.slotbeam.core.vectors.Poseidon2Vectors#byteSpongeOfBytesOneToN")
  void byteSpongeMatchesDerivedVectors(int n, String expected) {
    assertEquals(expected, NativePoseidon2.hashBytes(bytesOneTo(n)).toDecimal());
  }

  @Test
  void merkleRootOfTwoToTheSeventeenElementsMatchesUpstream() {
    assertEquals(
        Poseidon2Vectors.MERKLE_ROOT_OF_1_TO_2_POW_17_HEX,
        HexFormat.of().formatHex(NativePoseidon2.merkleRoot(oneTo(1 << 17)).toBytes()));
  }

  @Test
  void merkleRootOfEmptyBytesMatchesUpstream() {
    List<Fr> elements = Arrays.asList(BytePacking.elements(new byte[0]));
    assertEquals(
        Poseidon2Vectors.MERKLE_ROOT_OF_EMPTY_BYTES_HEX,
        HexFormat.of().formatHex(NativePoseidon2.merkleRoot(elements).toBytes()));
  }

  @Test
  void zeroCellHashMatchesTheDerivedVector() {
    assertEquals(Poseidon2Vectors.HASH_OF_ZERO_CELL, NativePoseidon2.hashBytes(new byte[2048]).toDecimal());
  }

  private static List<Fr> oneTo(int n) {
    return IntStream.rangeClosed(1, n).mapToObj(Fr::of).toList();
  }

  private static byte[] bytesOneTo(int n) {
    byte[] out = new byte[n];
    for (int i = 0; i < n; i++) {
      out[i] = (byte) (i + 1);
    }
    return out;
  }
}
