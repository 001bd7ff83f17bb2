/*
 * Fp2 = Fp[u]/(u^2 + 1), the coordinate field of G2, in Montgomery form: limbs 0..3 hold c0 and
 * limbs 4..7 hold c1 of c0 + c1*u. Internal header of libslotbeam.
 */
#ifndef SB_FP2_H
#define SB_FP2_H

#include "field.h"

typedef uint64_t fp2[8];

void fp2_add(uint64_t *out, const uint64_t *a, const uint64_t *b);
void fp2_sub(uint64_t *out, const uint64_t *a, const uint64_t *b);
void fp2_neg(uint64_t *out, const uint64_t *a);
void fp2_dbl(uint64_t *out, const uint64_t *a);
void fp2_mul(uint64_t *out, const uint64_t *a, const uint64_t *b);
void fp2_sqr(uint64_t *out, const uint64_t *a);
/* The inverse of zero is zero. */
void fp2_inv(uint64_t *out, const uint64_t *a);
void fp2_copy(uint64_t *out, const uint64_t *a);
void fp2_set_zero(uint64_t *out);
void fp2_set_one(uint64_t *out);
int fp2_is_zero(const uint64_t *a);
int fp2_equal(const uint64_t *a, const uint64_t *b);

#endif
