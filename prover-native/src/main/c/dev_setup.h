/*
 * The development Groth16 setup of libslotbeam (Java binding: io.slotbeam.prover.setup.DevSetup):
 * a proving key in the snarkjs zkey layout made directly from an R1CS and caller-given toxic
 * waste, without a powers-of-tau ceremony. UNSAFE FOR PRODUCTION: whoever ran it knows the toxic
 * waste and can forge proofs. Status codes and SB_EXPORT come from slotbeam.h.
 */
#ifndef SB_DEV_SETUP_H
#define SB_DEV_SETUP_H

#include "slotbeam.h"

/* Bytes of one R1CS term: matrix (0 = A, 1 = B, 2 = C), constraint and signal as little-endian
 * uint32, then the coefficient as a 32-byte little-endian canonical Fr integer. */
#define SB_SETUP_TERM_BYTES 44

/* Bytes of the key points: alpha1, beta1 (G1), beta2, gamma2 (G2), delta1 (G1), delta2 (G2). */
#define SB_SETUP_KEY_POINT_BYTES (64 * 3 + 128 * 3)

/* Largest domain: H lives on the 2n-th roots of unity, and Fr has 2^28-th roots. */
#define SB_SETUP_MAX_DOMAIN ((uint32_t)1 << 27)

/*
 * Computes the points of a snarkjs Groth16 zkey (node_modules/snarkjs/src/zkey_new.js, then one
 * contribution that sets delta; gamma is random too, which snarkjs's ceremony leaves at 1) for an R1CS with n_constraints constraints over n_vars signals (signal 0 is the
 * constant one, signals 1..n_public are public) and the toxic waste tau, alpha, beta, gamma,
 * delta (toxic: five 32-byte little-endian canonical Fr integers, each non-zero; tau must not be
 * a 2*domain_size-th root of unity). domain_size is a power of two, at least
 * n_constraints + n_public + 1, at most SB_SETUP_MAX_DOMAIN. Points are written affine in the
 * zkey layout (coordinates in Montgomery form, infinity all zeros):
 *   key_points  alpha1, beta1, beta2, gamma2, delta1, delta2      (SB_SETUP_KEY_POINT_BYTES)
 *   ic          [(beta a_s + alpha b_s + c_s) / gamma] G1, s <= n_public   (64 (n_public + 1))
 *   a, b1, b2   [a_s] G1, [b_s] G1, [b_s] G2 for every signal     (64, 64, 128 per signal)
 *   c           [(beta a_s + alpha b_s + c_s) / delta] G1, s > n_public    (64 per signal)
 *   h           [L'_{2i+1}(tau) / delta] G1, i < domain_size: the odd Lagrange polynomials of
 *               the 2 domain_size domain, which snarkjs takes from the prepared ptau
 * where a_s = sum over terms (A, c, s, v) of v L_c(tau) plus L_{n_constraints + s}(tau) for
 * s <= n_public (snarkjs's extra constraints binding the public inputs), likewise b_s, c_s without
 * the extra rows, and L_k is the Lagrange polynomial of the k-th power of the domain's root of
 * unity (ffjavascript's: 5^((r - 1) / 2^28) squared down). Every scalar derived from the toxic
 * waste is wiped before return.
 */
SB_EXPORT int sb_groth16_dev_setup(const uint8_t *toxic, size_t toxic_len, uint32_t n_constraints,
                                   uint32_t n_vars, uint32_t n_public, uint32_t domain_size,
                                   const uint8_t *terms, size_t terms_len, uint8_t *key_points,
                                   size_t key_points_len, uint8_t *ic, size_t ic_len, uint8_t *a,
                                   size_t a_len, uint8_t *b1, size_t b1_len, uint8_t *b2,
                                   size_t b2_len, uint8_t *c, size_t c_len, uint8_t *h,
                                   size_t h_len);

#endif
