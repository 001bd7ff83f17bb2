package io.slotbeam.prover.bn254;

import com.sun.jna.Library;

/**
 * The JNA mapping of libslotbeam's pairing and Groth16 functions ({@code
 * prover-native/src/main/c/slotbeam_pairing.h}, which documents each), a second interface on the
 * same library as {@link SlotbeamLibrary}; {@link PairingNative#library()} loads it. {@code
 * size_t} maps to {@code long}, {@code int32_t *} to {@code int[]}, {@code int64_t *} to {@code
 * long[]}.
 */
public interface PairingLibrary extends Library {
  /** The status for a point on the twist but outside G2 (beyond {@link NativeStatus}'s codes). */
  int SB_ERR_NOT_IN_SUBGROUP = -9;

  /** Bytes of an Fp12 value: twelve 32-byte coordinates. */
  int FP12_BYTES = 384;

  int sb_pairing(byte[] g1, long g1Len, byte[] g2, long g2Len, byte[] out, long outLen);

  int sb_groth16_verify(
      byte[] vk,
      long vkLen,
      byte[] proof,
      long proofLen,
      byte[] inputs,
      long inputsLen,
      int[] valid,
      long[] badItem);
}
