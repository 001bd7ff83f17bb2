package io.slotbeam.tools;

import io.slotbeam.core.groth16.Fp12;
import io.slotbeam.core.groth16.VerificationKey;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The hook that supplies a verification key's {@code vk_alphabeta_12 = e(alpha1, beta2)}, the one
 * field a zkey does not hold. Until the native pairing is merged, {@link #SNARKJS} asks the
 * checkout's pinned snarkjs; the native pairing replaces it without touching the setup.
 */
@FunctionalInterface
interface AlphaBeta12 {
  /** Interim: {@code snarkjs zkey export verificationkey} of the zkey just written. */
  AlphaBeta12 SNARKJS = SnarkjsAlphaBeta12::of;

  /** {@code e(key.alpha1(), key.beta2())} for the key read from {@code zkey}. */
  Fp12 of(Path zkey, VerificationKey key) throws IOException;
}
