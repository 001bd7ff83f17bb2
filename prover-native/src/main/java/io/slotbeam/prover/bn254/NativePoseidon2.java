package io.slotbeam.prover.bn254;

import io.slotbeam.core.field.Fr;
import java.util.List;
import java.util.Objects;

/**
 * Native Poseidon2 over BN254 Fr with t = 3 (spec datapath §4.4–§4.7): the permutation, the
 * sponge, the byte sponge and the keyed Merkle root, with core's parameters ({@link
 * SlotbeamNative} loads them). Block roots go through {@link
 * io.slotbeam.prover.hash.NativeBlockHasher}.
 */
public final class NativePoseidon2 {
  private NativePoseidon2() {}

  /** The state after applying the permutation {@code rounds} times to {@code (s0, s1, s2)}. */
  public static Fr[] permute(Fr s0, Fr s1, Fr s2, long rounds) {
    if (rounds < 0) {
      throw new IllegalArgumentException("permutation count " + rounds + " must not be negative");
    }
    byte[] state = concat(List.of(s0, s1, s2));
    NativeStatus.check(
        SlotbeamNative.library().sb_poseidon2_permute(state, state.length, rounds),
        "sb_poseidon2_permute");
    return new Fr[] {element(state, 0), element(state, 1), element(state, 2)};
  }

  /** The sponge of {@code elements} at rate 1 or 2 (spec §4.6). */
  public static Fr sponge(int rate, List<Fr> elements) {
    if (rate != 1 && rate != 2) {
      throw new IllegalArgumentException("sponge rate " + rate + " is not 1 or 2");
    }
    byte[] in = concat(elements);
    byte[] out = new byte[Fr.BYTES];
    NativeStatus.check(
        SlotbeamNative.library().sb_poseidon2_sponge(rate, in, in.length, out, out.length),
        "sb_poseidon2_sponge");
    return Fr.fromBytes(out);
  }

  /** The keyed Merkle root of at least one leaf (spec §3.2, §4.7). */
  public static Fr merkleRoot(List<Fr> leaves) {
    if (leaves.isEmpty()) {
      throw new IllegalArgumentException(
          "a Merkle tree needs at least one leaf, got 0 (nim-codex: 'Empty leaves')");
    }
    byte[] in = concat(leaves);
    byte[] out = new byte[Fr.BYTES];
    NativeStatus.check(
        SlotbeamNative.library().sb_poseidon2_merkle_root(in, in.length, out, out.length),
        "sb_poseidon2_merkle_root");
    return Fr.fromBytes(out);
  }

  /** The rate-2 sponge of bytes packed 31 to an element with 10* padding (spec §4.3). */
  public static Fr hashBytes(byte[] data) {
    Objects.requireNonNull(data, "data");
    byte[] out = new byte[Fr.BYTES];
    NativeStatus.check(
        SlotbeamNative.library().sb_poseidon2_hash_bytes(data, data.length, out, out.length),
        "sb_poseidon2_hash_bytes");
    return Fr.fromBytes(out);
  }

  private static byte[] concat(List<Fr> elements) {
    byte[] out = new byte[Fr.BYTES * elements.size()];
    for (int i = 0; i < elements.size(); i++) {
      System.arraycopy(elements.get(i).toBytes(), 0, out, Fr.BYTES * i, Fr.BYTES);
    }
    return out;
  }

  private static Fr element(byte[] bytes, int index) {
    return Fr.fromBytes(java.util.Arrays.copyOfRange(bytes, Fr.BYTES * index, Fr.BYTES * (index + 1)));
  }
}
