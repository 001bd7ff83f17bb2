/*
 * BN254 G1 (over Fp, y^2 = x^3 + 3) and G2 (over Fp2, the twist y^2 = x^3 + 3/(9+u)) in
 * Jacobian and affine coordinates, all in Montgomery form. Both groups come from one generic
 * implementation (curve_impl.h); this header declares the same functions for each.
 * Affine infinity is (0, 0), which is on neither curve; Jacobian infinity has Z = 0.
 * Internal header of libslotbeam.
 */
#ifndef SB_CURVE_H
#define SB_CURVE_H

#include "fp2.h"

typedef struct { fe x, y, z; } g1_jac;
typedef struct { fe x, y; } g1_aff;
typedef struct { fp2 x, y, z; } g2_jac;
typedef struct { fp2 x, y; } g2_aff;

#define SB_CURVE_DECLARE(G, E)                                                                   \
  /* Bytes of an affine point: two coordinates. */                                             \
  enum { G##_BYTES = 2 * (int)sizeof(E) };                                                     \
  void G##_set_infinity(G##_jac *out);                                                         \
  int G##_is_infinity(const G##_jac *p);                                                       \
  int G##_aff_is_infinity(const G##_aff *p);                                                   \
  int G##_is_on_curve(const G##_aff *p);                                                       \
  void G##_from_affine(G##_jac *out, const G##_aff *p);                                        \
  void G##_to_affine(G##_aff *out, const G##_jac *p);                                          \
  void G##_dbl(G##_jac *out, const G##_jac *p);                                                \
  void G##_add(G##_jac *out, const G##_jac *p, const G##_jac *q);                              \
  void G##_add_mixed(G##_jac *out, const G##_jac *p, const G##_aff *q);                        \
  /* [k]p for a 256-bit k given as four little-endian limbs (not reduced mod r). */            \
  void G##_mul(G##_jac *out, const G##_aff *p, const uint64_t *k);                             \
  /* out[i] = a[i] + b[i] in affine coordinates with one shared inversion; scratch holds      \
     3n coordinates. out may alias a or b. */                                                   \
  void G##_batch_add_affine(G##_aff *out, const G##_aff *a, const G##_aff *b, E *scratch,      \
                            size_t n);                                                         \
  /* Reads an affine point: coordinates as 32-byte little-endian integers below p (c0 before    \
     c1 in Fp2), in Montgomery form when montgomery != 0 (the snarkjs zkey layout), canonical   \
     otherwise; all zeros is infinity. Returns 0, SB_ERR_NONCANONICAL or SB_ERR_NOT_ON_CURVE. */ \
  int G##_read(G##_aff *out, const uint8_t *bytes, int montgomery);                            \
  void G##_write(uint8_t *bytes, const G##_aff *p, int montgomery);

SB_CURVE_DECLARE(g1, fe)
SB_CURVE_DECLARE(g2, fp2)

/* Sets up the curve constants (b of both curves); called once by sb_library_init. */
void sb_curve_setup(void);

#endif
