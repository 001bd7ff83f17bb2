package io.slotbeam.core.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotbeam.core.field.BytePacking;
import io.slotbeam.core.field.Fr;
import io.slotbeam.core.merkle.KeyedMerkleTree;
import io.slotbeam.core.vectors.Poseidon2Vectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The upstream Poseidon2 vectors of spec datapath §4.4–§4.9 and Appendix B. */
class Poseidon2VectorsTest {

  @Test
  void permutationMatchesUpstreamVectorFor012() {
    Fr[] out = Poseidon2Permutation.permute(Fr.of(0), Fr.of(1), Fr.of(2));
    assertEquals(
        Poseidon2Vectors.PERMUTATION_OF_0_1_2.get(0),
        out[0].toDecimal());
    assertEquals(
        Poseidon2Vectors.PERMUTATION_OF_0_1_2.get(1),
        out[1].toDecimal());
    assertEquals(
        Poseidon2Vectors.PERMUTATION_OF_0_1_2.get(2),
        out[2].toDecimal());
  }

  @ParameterizedTest(name = "compress(1, 2, key {0})")
  @MethodSource("io.slotbeam.core.vectors.Poseidon2Vectors#compressOneTwo")
  void compressionPutsTheKeyInTheThirdStateElement(int key, String expected) {
    assertEquals(expected, Poseidon2Compressor.INSTANCE.compress(Fr.of(1), Fr.of(2), key).toDecimal());
  }

  @ParameterizedTest(name = "sponge of 1..{0}")
  @MethodSource("io.slotbeam.core.vectors.Poseidon2Vectors#spongeOfOneToN")
  void spongeOfOneToNMatchesUpstreamAtBothRates(int n, String rate1, String rate2) {
    Fr[] elements = oneTo(n).toArray(Fr[]::new);
    assertEquals(rate1, Poseidon2Sponge.hash(1, elements).toDecimal());
    assertEquals(rate2, Poseidon2Sponge.hash(2, elements).toDecimal());
  }

  @ParameterizedTest(name = "merkle root of 1..{0}")
  @MethodSource("io.slotbeam.core.vectors.Poseidon2Vectors#merkleRootOfOneToN")
  void merkleRootOfOneToNMatchesUpstream(int n, String expected) {
    assertEquals(expected, KeyedMerkleTree.build(oneTo(n), Poseidon2Compressor.INSTANCE).root().toDecimal());
  }

  @ParameterizedTest(name = "merkle root of the elements of bytes 01..{0}")
  @MethodSource("io.slotbeam.core.vectors.Poseidon2Vectors#merkleRootOfBytesOneToN")
  void merkleRootOfByteSequenceElementsMatchesUpstream(int n, String expected) {
    List<Fr> elements = Arrays.asList(BytePacking.elements(bytesOneTo(n)));
    assertEquals(expected, KeyedMerkleTree.build(elements, Poseidon2Compressor.INSTANCE).root().toDecimal());
  }

  @ParameterizedTest(name = "byte sponge of 01..{0}")
  @MethodSource("io.slotbeam.core.vectors.Poseidon2Vectors#byteSpongeOfBytesOneToN")
  void byteSpongeMatchesDerivedVectors(int n, String expected) {
    assertEquals(expected, Poseidon2Sponge.hashBytes(bytesOneTo(n)).toDecimal());
  }

  @Test
  void merkleRootOfTwoToTheSeventeenElementsMatchesUpstream() {
    Fr root = KeyedMerkleTree.build(oneTo(1 << 17), Poseidon2Compressor.INSTANCE).root();
    assertEquals(
        Poseidon2Vectors.MERKLE_ROOT_OF_1_TO_2_POW_17_HEX,
        HexFormat.of().formatHex(root.toBytes()));
  }

  @Test
  void merkleRootOfEmptyBytesMatchesUpstream() {
    List<Fr> elements = Arrays.asList(BytePacking.elements(new byte[0]));
    assertEquals(
        Poseidon2Vectors.MERKLE_ROOT_OF_EMPTY_BYTES_HEX,
        HexFormat.of().formatHex(
            KeyedMerkleTree.build(elements, Poseidon2Compressor.INSTANCE).root().toBytes()));
  }

  @Test
  void byteSpongeOfEmptyInputEqualsSpongeOfOne() {
    assertEquals(
        "5101758095924000127790537496504070769319625501671400349336709520206095219618",
        Poseidon2Sponge.hashBytes(new byte[0]).toDecimal());
  }

  @Test
  void zeroCellAndZeroBlockRootMatchDerivedVectors() {
    assertEquals(
        Poseidon2Vectors.HASH_OF_ZERO_CELL,
        Poseidon2Sponge.hashBytes(new byte[2048]).toDecimal());
    assertEquals(
        Poseidon2Vectors.ROOT_OF_ZERO_BLOCK,
        SpongeMerkle.digest(new byte[65536], 2048).toDecimal());
  }

  private static List<Fr> oneTo(int n) {
    List<Fr> out = new ArrayList<>(n);
    IntStream.rangeClosed(1, n).forEach(i -> out.add(Fr.of(i)));
    return out;
  }

  private static byte[] bytesOneTo(int n) {
    byte[] out = new byte[n];
    for (int i = 0; i < n; i++) {
      out[i] = (byte) (i + 1);
    }
    return out;
  }
}
