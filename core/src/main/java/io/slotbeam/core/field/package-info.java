/**
 * The BN254 scalar field Fr (spec datapath §4.1–§4.3).
 *
 * <p>{@link io.slotbeam.core.field.Fr} is the value type: immutable, canonical LE32 bytes, never
 * reducing a value that is not below r. The hot paths compute on raw limbs: {@link
 * io.slotbeam.core.field.FrMontgomery} (one element, four 64-bit limbs) and {@link
 * io.slotbeam.core.field.FrLanes} (eight elements in SIMD lanes), both behind {@link
 * io.slotbeam.core.field.LimbArithmetic} so that a hash is written once for both. {@link
 * io.slotbeam.core.field.BytePacking} turns bytes into elements with Codex's 10* padding.
 */
package io.slotbeam.core.field;
