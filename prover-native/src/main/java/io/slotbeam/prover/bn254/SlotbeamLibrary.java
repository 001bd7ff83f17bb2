package io.slotbeam.prover.bn254;

import com.sun.jna.Library;

/**
 * The JNA mapping of libslotbeam's C API ({@code prover-native/src/main/c/slotbeam.h}, which
 * documents each function). {@code size_t} maps to {@code long} (LP64: the library is built for
 * x86-64 Linux). Callers go through {@link SlotbeamNative#library()} and the typed bindings
 * ({@link NativeField}, {@link CurveGroup}, {@link NativePoseidon2}), which check arguments
 * before a call; the C side checks them again and answers with a status, read by {@link
 * NativeStatus}.
 */
public interface SlotbeamLibrary extends Library {
  int SB_FIELD_FP = 0;
  int SB_FIELD_FR = 1;
  int SB_DISPATCH_AUTO = 0;
  int SB_DISPATCH_PORTABLE = 1;
  int SB_DISPATCH_ADX = 2;
  int SB_TO_SNARKJS = 0;
  int SB_FROM_SNARKJS = 1;

  int sb_api_version();

  int sb_cpu_has_adx();

  int sb_set_dispatch(int mode);

  int sb_dispatch();

  int sb_field_op(int field, int op, byte[] a, long aLen, byte[] b, long bLen, byte[] out, long outLen);

  int sb_fr_mul_chain(byte[] acc, long accLen, byte[] b, long bLen, long iterations);

  int sb_fp2_op(int op, byte[] a, long aLen, byte[] b, long bLen, byte[] out, long outLen);

  int sb_g1_op(int op, byte[] a, long aLen, byte[] b, long bLen, byte[] out, long outLen);

  int sb_g2_op(int op, byte[] a, long aLen, byte[] b, long bLen, byte[] out, long outLen);

  int sb_g1_mul(byte[] points, long pointsLen, byte[] scalars, long scalarsLen, byte[] out, long outLen);

  int sb_g2_mul(byte[] points, long pointsLen, byte[] scalars, long scalarsLen, byte[] out, long outLen);

  int sb_g1_convert(int direction, byte[] in, long inLen, byte[] out, long outLen);

  int sb_g2_convert(int direction, byte[] in, long inLen, byte[] out, long outLen);

  int sb_poseidon2_init(byte[] params, long paramsLen);

  int sb_poseidon2_permute(byte[] states, long statesLen, long rounds);

  int sb_poseidon2_sponge(int rate, byte[] elements, long elementsLen, byte[] out, long outLen);

  int sb_poseidon2_merkle_root(byte[] leaves, long leavesLen, byte[] out, long outLen);

  int sb_poseidon2_hash_bytes(byte[] data, long dataLen, byte[] out, long outLen);

  int sb_block_root(byte[] data, long dataLen, int cellSize, byte[] out, long outLen);

  int sb_block_roots(byte[] data, long dataLen, int blockSize, int cellSize, byte[] out, long outLen);
}
