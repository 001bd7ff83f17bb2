/**
 * libslotbeam, the native BN254 library, from Java: {@link
 * io.slotbeam.prover.bn254.SlotbeamNative} loads it (and says why when it cannot), {@link
 * io.slotbeam.prover.bn254.SlotbeamLibrary} maps its C API ({@code src/main/c/slotbeam.h}), and
 * {@link io.slotbeam.prover.bn254.NativeField}, {@link io.slotbeam.prover.bn254.NativeFp2},
 * {@link io.slotbeam.prover.bn254.CurveGroup} and {@link io.slotbeam.prover.bn254.NativePoseidon2}
 * are checked, typed bindings of its field, curve and hash layers.
 */
package io.slotbeam.prover.bn254;
