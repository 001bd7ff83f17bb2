/*
 * The pairing's extension tower over Fp2 = Fp[u]/(u^2 + 1) (fp2.h), as snarkjs's curve code
 * builds it (node_modules/wasmcurves/src/bn128/build_bn128.js: pNonResidueF6 = 9 + u and
 * _mulNR12, which maps (x0, x1, x2) to (xi x2, x0, x1)):
 *   Fp6  = Fp2[v]/(v^3 - xi), xi = 9 + u;   an element is a0 + a1 v + a2 v^2
 *   Fp12 = Fp6[w]/(w^2 - v);                an element is c0 + c1 w
 * so in memory an Fp12 is c0.a0, c0.a1, c0.a2, c1.a0, c1.a1, c1.a2, each an Fp2 (c0 then c1),
 * which is also the order of snarkjs's Gt.toObject. Everything is in Montgomery form.
 * Internal header of libslotbeam.
 */
#ifndef SB_TOWER_H
#define SB_TOWER_H

#include "fp2.h"

typedef struct { fp2 a[3]; } fp6;
typedef struct { fp6 c[2]; } fp12;

/* Fp2 helpers the tower needs beyond fp2.h. */
void fp2_conj(uint64_t *out, const uint64_t *a);
void fp2_mul_xi(uint64_t *out, const uint64_t *a);        /* out = a (9 + u) */
void fp2_mul_fp(uint64_t *out, const uint64_t *a, const uint64_t *s); /* s in Fp */
/* out = a^e for a 256-bit exponent e given as four little-endian limbs. */
void fp2_pow(uint64_t *out, const uint64_t *a, const uint64_t *e);

void fp6_add(fp6 *out, const fp6 *a, const fp6 *b);
void fp6_sub(fp6 *out, const fp6 *a, const fp6 *b);
void fp6_neg(fp6 *out, const fp6 *a);
void fp6_mul(fp6 *out, const fp6 *a, const fp6 *b);
void fp6_sqr(fp6 *out, const fp6 *a);
void fp6_mul_v(fp6 *out, const fp6 *a);                    /* out = a v */
void fp6_mul_fp2(fp6 *out, const fp6 *a, const uint64_t *s);
/* out = a (s0 + s1 v): the shape of a line's w coefficient. */
void fp6_mul_01(fp6 *out, const fp6 *a, const uint64_t *s0, const uint64_t *s1);
void fp6_inv(fp6 *out, const fp6 *a);

void fp12_set_one(fp12 *out);
int fp12_is_one(const fp12 *a);
int fp12_equal(const fp12 *a, const fp12 *b);
void fp12_mul(fp12 *out, const fp12 *a, const fp12 *b);
void fp12_sqr(fp12 *out, const fp12 *a);
/* out = a (l0 + (l1 + l2 v) w), l0, l1, l2 in Fp2: the product with a line value. */
void fp12_mul_line(fp12 *out, const fp12 *a, const uint64_t *l0, const uint64_t *l1,
                   const uint64_t *l2);
void fp12_conj(fp12 *out, const fp12 *a);                  /* a^(p^6): w -> -w */
void fp12_inv(fp12 *out, const fp12 *a);
/* a^(p^k) for k = 1, 2, 3. */
void fp12_frobenius(fp12 *out, const fp12 *a, int k);
/* a^2 for a in the cyclotomic subgroup (a^(p^4 - p^2 + 1) = 1 after the easy part). */
void fp12_cyclotomic_sqr(fp12 *out, const fp12 *a);

/* The Frobenius constants gamma[k-1][i] = xi^(i (p^k - 1) / 6) for k = 1, 2, 3 and
 * i = 0..5; computed once (tower_setup) and read-only after. */
extern fp2 sb_frobenius_gamma[3][6];
/* Computes sb_frobenius_gamma; safe to call from several threads (runs once). */
void tower_setup(void);

#endif
