/*
 * Montgomery arithmetic modulo a 254-bit prime on four 64-bit limbs (little-endian limb order),
 * written once and parameterised by the modulus: the BN254 base field Fp and scalar field Fr
 * are two sb_field values. Internal header of libslotbeam; the exported API is slotbeam.h.
 */
#ifndef SB_FIELD_H
#define SB_FIELD_H

#include <stddef.h>
#include <stdint.h>

typedef uint64_t fe[4];

/* A prime modulus p < 2^254 and its Montgomery constants (R = 2^256). */
typedef struct sb_field {
  uint64_t p[4];
  uint64_t inv;   /* -p^-1 mod 2^64 */
  uint64_t one[4]; /* R mod p: one in Montgomery form */
  uint64_t r2[4];  /* R^2 mod p: converts into Montgomery form */
} sb_field;

extern sb_field sb_fp; /* BN254 base field */
extern sb_field sb_fr; /* BN254 scalar field */

/* Montgomery product a*b/R mod p for inputs < p; chosen at run time (cpu.c). */
typedef void (*sb_mont_mul_fn)(const sb_field *f, uint64_t *out, const uint64_t *a,
                               const uint64_t *b);
extern sb_mont_mul_fn sb_mont_mul;

void sb_mont_mul_portable(const sb_field *f, uint64_t *out, const uint64_t *a, const uint64_t *b);
void sb_mont_mul_adx(const sb_field *f, uint64_t *out, const uint64_t *a, const uint64_t *b);

/* Computes inv, one and r2 from p; called once by sb_library_init. */
void sb_field_setup(sb_field *f);

void fe_add(const sb_field *f, uint64_t *out, const uint64_t *a, const uint64_t *b);
void fe_sub(const sb_field *f, uint64_t *out, const uint64_t *a, const uint64_t *b);
void fe_neg(const sb_field *f, uint64_t *out, const uint64_t *a);
void fe_dbl(const sb_field *f, uint64_t *out, const uint64_t *a);

static inline void fe_mul(const sb_field *f, uint64_t *out, const uint64_t *a, const uint64_t *b) {
  sb_mont_mul(f, out, a, b);
}
static inline void fe_sqr(const sb_field *f, uint64_t *out, const uint64_t *a) {
  sb_mont_mul(f, out, a, a);
}

/* Montgomery-form inverse by Fermat (a^(p-2)); the inverse of zero is zero. */
void fe_inv(const sb_field *f, uint64_t *out, const uint64_t *a);
/* out = a^e for a 256-bit exponent e given as four limbs. */
void fe_pow(const sb_field *f, uint64_t *out, const uint64_t *a, const uint64_t *e);
void fe_to_mont(const sb_field *f, uint64_t *out, const uint64_t *canonical);
void fe_from_mont(const sb_field *f, uint64_t *out, const uint64_t *mont);

int fe_is_zero(const uint64_t *a);
int fe_equal(const uint64_t *a, const uint64_t *b);
void fe_copy(uint64_t *out, const uint64_t *a);
void fe_set_zero(uint64_t *out);

/* Reads 32 little-endian bytes as limbs; returns 0 when the integer is below p, else -1. */
int fe_read_le(const sb_field *f, uint64_t *out, const uint8_t *bytes);
void fe_write_le(uint8_t *bytes, const uint64_t *limbs);

/* out[i] = 1/in[i] for n elements (Montgomery's trick, one inversion); zeros stay zero.
 * scratch holds n elements. */
void fe_batch_inv(const sb_field *f, fe *out, const fe *in, fe *scratch, size_t n);

#endif
