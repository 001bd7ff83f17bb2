/*
 * The Groth16 prover of libslotbeam: number-theoretic transforms over Fr (ntt.c), Pippenger
 * multi-scalar multiplication in G1 and G2 (msm.c), and the proof itself as snarkjs computes it
 * (groth16.c). Internal declarations first, then the exported API; exported functions follow
 * slotbeam.h's conventions (int status, every buffer with its length in bytes).
 */
#ifndef SB_PROVER_H
#define SB_PROVER_H

#include "curve.h"
#include "slotbeam.h"

/* Largest log2 of an NTT: the 2-adicity of r - 1. */
#define SB_FR_TWO_ADICITY 28

/* The primitive 2^log_n-th root of unity that ffjavascript uses (Montgomery form). */
void fr_root_of_unity(fe out, unsigned log_n);

/* In-place transform of n = 2^log_n Montgomery elements in natural order: the evaluations
 * a(w^i) of the coefficients a (forward), or the coefficients from the evaluations (inverse,
 * including the factor 1/n). log_n <= SB_FR_TWO_ADICITY. Returns SB_ERR_MEMORY on failure. */
int fr_ntt(fe *a, unsigned log_n, int inverse);

/* a[i] *= g^i for i < n. */
void fr_scale_powers(fe *a, size_t n, const fe g);

/* sum of [k_i] p_i over n affine Montgomery points and canonical 4-limb scalars (any value
 * below 2^254), on the shared pool. Returns SB_OK or SB_ERR_MEMORY. */
int g1_msm(g1_jac *out, const g1_aff *points, const fe *scalars, size_t n);
int g2_msm(g2_jac *out, const g2_aff *points, const fe *scalars, size_t n);

/* ---- exported ---- */

/* The NTT of n = 2^k canonical Fr elements in place (k <= 28): forward when inverse == 0,
 * else inverse (with the 1/n factor). */
SB_EXPORT int sb_fr_ntt(int inverse, uint8_t *values, size_t values_len);

/* out = sum of [k_i] p_i: points as in sb_g1_op/sb_g2_op (canonical affine, all zeros =
 * infinity, each checked on the curve), scalars 32-byte little-endian below r; out one affine
 * point. */
SB_EXPORT int sb_g1_msm(const uint8_t *points, size_t points_len, const uint8_t *scalars,
                        size_t scalars_len, uint8_t *out, size_t out_len);
SB_EXPORT int sb_g2_msm(const uint8_t *points, size_t points_len, const uint8_t *scalars,
                        size_t scalars_len, uint8_t *out, size_t out_len);

/* The number of threads of the shared pool. */
SB_EXPORT int sb_prover_threads(void);

/* A Groth16 proving key held in native memory (opaque to callers). */
typedef struct sb_groth16_key sb_groth16_key;

/* The zkey sections a key reads: 4 coefficients, 5 A, 6 B1, 7 B2, 8 C, 9 H. */
#define SB_ZKEY_SECTIONS 6

/* Flags of sb_groth16_key_new. */
enum {
  /* The sections are a read-only mapping of a file (MAP_SHARED or untouched MAP_PRIVATE), so the
   * library may drop their pages from the process's resident set after each pass
   * (MADV_DONTNEED; the page cache keeps them). Never for anonymous memory, which that zeroes. */
  SB_KEY_FILE_MAPPED = 1
};

/* Checks the sections of a snarkjs zkey (layouts of snarkjs src/zkey_new.js, points in
 * Montgomery form) and makes a key that reads them in place: vk holds alpha1, beta1, delta1 (G1)
 * then beta2, delta2 (G2), 448 bytes, copied; sections[i] and lengths[i] (bytes) for i < count
 * = SB_ZKEY_SECTIONS are the bodies of sections 4..9: coefficients (u32 count, then per entry
 * u32 matrix, u32 constraint, u32 signal, 32-byte value v*R^2 mod r), A, B1 (G1), B2 (G2), C
 * (G1) and H (domain_size G1). Every point is checked on its curve, every coefficient's indices
 * and value against the counts and r. The sections must stay valid and unchanged until
 * sb_groth16_key_free (a section that is not 8-byte aligned is copied). flags: 0 or
 * SB_KEY_FILE_MAPPED (any other bit is SB_ERR_ARGUMENT). *key receives the key. */
SB_EXPORT int sb_groth16_key_new(uint32_t n_vars, uint32_t n_public, uint32_t domain_size,
                                 const uint8_t *vk, size_t vk_len,
                                 const uint8_t *const *sections, const size_t *lengths,
                                 size_t count, uint32_t flags, sb_groth16_key **key);

SB_EXPORT void sb_groth16_key_free(sb_groth16_key *key);

/* A proof for the full witness (n_vars canonical 32-byte elements, wire 0 first) with the
 * blinding scalars r and s (64 bytes: r then s, canonical below the group order): out receives
 * pi_a (G1), pi_b (G2), pi_c (G1) canonical affine, 256 bytes. Safe to call from several
 * threads on one key. */
SB_EXPORT int sb_groth16_prove(const sb_groth16_key *key, const uint8_t *witness,
                               size_t witness_len, const uint8_t *rs, size_t rs_len,
                               uint8_t *out, size_t out_len);

#endif
