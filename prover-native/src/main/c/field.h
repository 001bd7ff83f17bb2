/*
 * Montgomery arithmetic modulo a 254-bit prime on four 64-bit limbs (little-endian limb order),
 * written once and parameterised by the modulus: the BN254 base field Fp and scalar field Fr
 * are two sb_field values. The hot helpers (add, subtract, the final reduction) are inline,
 * the add and the reduction as x86-64 assembly (adc/sbb/cmov); field_mul.h has the multiplies
 * for loops that inline them. Internal header of libslotbeam; the exported API is slotbeam.h.
 */
#ifndef SB_FIELD_H
#define SB_FIELD_H

#include <stddef.h>
#include <stdint.h>
#include <x86intrin.h>

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

/* out = a if a < p, else a - p; for a < 2p. Branch-free: subtract p, then take a back with
 * cmovc where the subtraction borrowed (cmov is in every x86-64). */
static inline void fe_reduce_once(const sb_field *f, uint64_t *out, const uint64_t *a) {
  uint64_t t0 = a[0], t1 = a[1], t2 = a[2], t3 = a[3];
  uint64_t r0 = t0, r1 = t1, r2 = t2, r3 = t3;
  __asm__(
      "subq 0(%[p]), %[r0]\n\t"
      "sbbq 8(%[p]), %[r1]\n\t"
      "sbbq 16(%[p]), %[r2]\n\t"
      "sbbq 24(%[p]), %[r3]\n\t"
      "cmovcq %[t0], %[r0]\n\t"
      "cmovcq %[t1], %[r1]\n\t"
      "cmovcq %[t2], %[r2]\n\t"
      "cmovcq %[t3], %[r3]\n\t"
      : [r0] "+&r"(r0), [r1] "+&r"(r1), [r2] "+&r"(r2), [r3] "+&r"(r3)
      : [t0] "r"(t0), [t1] "r"(t1), [t2] "r"(t2), [t3] "r"(t3), [p] "r"(f->p)
      : "cc", "memory");
  out[0] = r0;
  out[1] = r1;
  out[2] = r2;
  out[3] = r3;
}

/* a + b < 2p < 2^255: no carry out of the top limb; then fe_reduce_once's subtract-and-cmov. */
static inline void fe_add(const sb_field *f, uint64_t *out, const uint64_t *a, const uint64_t *b) {
  uint64_t r0 = a[0], r1 = a[1], r2 = a[2], r3 = a[3], t0, t1, t2, t3;
  __asm__(
      "addq 0(%[b]), %[r0]\n\t"
      "adcq 8(%[b]), %[r1]\n\t"
      "adcq 16(%[b]), %[r2]\n\t"
      "adcq 24(%[b]), %[r3]\n\t"
      "movq %[r0], %[t0]\n\t"
      "movq %[r1], %[t1]\n\t"
      "movq %[r2], %[t2]\n\t"
      "movq %[r3], %[t3]\n\t"
      "subq 0(%[p]), %[r0]\n\t"
      "sbbq 8(%[p]), %[r1]\n\t"
      "sbbq 16(%[p]), %[r2]\n\t"
      "sbbq 24(%[p]), %[r3]\n\t"
      "cmovcq %[t0], %[r0]\n\t"
      "cmovcq %[t1], %[r1]\n\t"
      "cmovcq %[t2], %[r2]\n\t"
      "cmovcq %[t3], %[r3]\n\t"
      : [r0] "+&r"(r0), [r1] "+&r"(r1), [r2] "+&r"(r2), [r3] "+&r"(r3), [t0] "=&r"(t0),
        [t1] "=&r"(t1), [t2] "=&r"(t2), [t3] "=&r"(t3)
      : [b] "r"(b), [p] "r"(f->p)
      : "cc", "memory");
  out[0] = r0;
  out[1] = r1;
  out[2] = r2;
  out[3] = r3;
}

static inline void fe_sub(const sb_field *f, uint64_t *out, const uint64_t *a, const uint64_t *b) {
  unsigned long long t0, t1, t2, t3;
  unsigned char borrow = _subborrow_u64(0, a[0], b[0], &t0);
  borrow = _subborrow_u64(borrow, a[1], b[1], &t1);
  borrow = _subborrow_u64(borrow, a[2], b[2], &t2);
  borrow = _subborrow_u64(borrow, a[3], b[3], &t3);
  uint64_t mask = 0 - (uint64_t)borrow; /* add p back when a < b */
  unsigned long long r0, r1, r2, r3;
  unsigned char c = _addcarry_u64(0, t0, f->p[0] & mask, &r0);
  c = _addcarry_u64(c, t1, f->p[1] & mask, &r1);
  c = _addcarry_u64(c, t2, f->p[2] & mask, &r2);
  _addcarry_u64(c, t3, f->p[3] & mask, &r3);
  out[0] = r0;
  out[1] = r1;
  out[2] = r2;
  out[3] = r3;
}

static inline void fe_neg(const sb_field *f, uint64_t *out, const uint64_t *a) {
  static const uint64_t zero[4] = {0, 0, 0, 0};
  fe_sub(f, out, zero, a);
}

static inline void fe_dbl(const sb_field *f, uint64_t *out, const uint64_t *a) {
  fe_add(f, out, a, a);
}

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
static inline void fe_copy(uint64_t *out, const uint64_t *a) {
  uint64_t t0 = a[0], t1 = a[1], t2 = a[2], t3 = a[3];
  out[0] = t0;
  out[1] = t1;
  out[2] = t2;
  out[3] = t3;
}
void fe_set_zero(uint64_t *out);

/* Reads 32 little-endian bytes as limbs; returns 0 when the integer is below p, else -1. */
int fe_read_le(const sb_field *f, uint64_t *out, const uint8_t *bytes);
void fe_write_le(uint8_t *bytes, const uint64_t *limbs);

/* out[i] = 1/in[i] for n elements (Montgomery's trick, one inversion); zeros stay zero.
 * scratch holds n elements. */
void fe_batch_inv(const sb_field *f, fe *out, const fe *in, fe *scratch, size_t n);

#endif
