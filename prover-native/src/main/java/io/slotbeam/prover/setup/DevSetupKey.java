package io.slotbeam.prover.setup;

/**
 * The points of a development Groth16 proving key, each array in the snarkjs zkey layout (affine,
 * coordinates little-endian in Montgomery form, infinity all zeros; G1 64 bytes, G2 128 bytes)
 * and in the order of the zkey section that holds it (node_modules/snarkjs/src/zkey_new.js):
 * {@code ic} [(β·A_s(τ) + α·B_s(τ) + C_s(τ))/γ]₁ for the constant and public signals (section 3),
 * {@code a}, {@code b1}, {@code b2} [A_s(τ)]₁, [B_s(τ)]₁, [B_s(τ)]₂ for every signal (5, 6, 7),
 * {@code c} the private signals' [(β·A_s(τ) + α·B_s(τ) + C_s(τ))/δ]₁ (8) and {@code h} the odd
 * Lagrange points [L'_{2i+1}(τ)/δ]₁ of the 2n domain (9). The arrays are the key's own, not
 * copies.
 */
public record DevSetupKey(
    int domainSize,
    int variables,
    int publicSignals,
    byte[] alpha1,
    byte[] beta1,
    byte[] beta2,
    byte[] gamma2,
    byte[] delta1,
    byte[] delta2,
    byte[] ic,
    byte[] a,
    byte[] b1,
    byte[] b2,
    byte[] c,
    byte[] h) {}
