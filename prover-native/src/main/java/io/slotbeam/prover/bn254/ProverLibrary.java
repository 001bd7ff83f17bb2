package io.slotbeam.prover.bn254;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

/**
 * The JNA mapping of libslotbeam's prover API ({@code prover-native/src/main/c/prover.h}, which
 * documents each function), next to {@link SlotbeamLibrary} in the same library. {@code size_t}
 * maps to {@code long}, {@code uint32_t} to {@code int}. Reached through {@link
 * ProverNative#library()}.
 */
public interface ProverLibrary extends Library {
  int sb_prover_threads();

  int sb_fr_ntt(int inverse, byte[] values, long valuesLen);

  int sb_g1_msm(byte[] points, long pointsLen, byte[] scalars, long scalarsLen, byte[] out, long outLen);

  int sb_g2_msm(byte[] points, long pointsLen, byte[] scalars, long scalarsLen, byte[] out, long outLen);

  int sb_groth16_key_new(
      int nVars,
      int nPublic,
      int domainSize,
      byte[] vk,
      long vkLen,
      Pointer[] sections,
      long[] lengths,
      long count,
      int flags,
      PointerByReference key);

  void sb_groth16_key_free(Pointer key);

  int sb_groth16_prove(Pointer key, byte[] witness, long witnessLen, byte[] rs, long rsLen, byte[] out, long outLen);
}
