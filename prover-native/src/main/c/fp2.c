/* Fp2 arithmetic for G2 (see fp2.h): Karatsuba multiply, complex squaring, norm inverse. */
#include "fp2.h"

void fp2_add(uint64_t *out, const uint64_t *a, const uint64_t *b) {
  fe_add(&sb_fp, out, a, b);
  fe_add(&sb_fp, out + 4, a + 4, b + 4);
}

void fp2_sub(uint64_t *out, const uint64_t *a, const uint64_t *b) {
  fe_sub(&sb_fp, out, a, b);
  fe_sub(&sb_fp, out + 4, a + 4, b + 4);
}

void fp2_neg(uint64_t *out, const uint64_t *a) {
  fe_neg(&sb_fp, out, a);
  fe_neg(&sb_fp, out + 4, a + 4);
}

void fp2_dbl(uint64_t *out, const uint64_t *a) { fp2_add(out, a, a); }

/* (a0 + a1 u)(b0 + b1 u) = a0 b0 - a1 b1 + ((a0 + a1)(b0 + b1) - a0 b0 - a1 b1) u */
void fp2_mul(uint64_t *out, const uint64_t *a, const uint64_t *b) {
  fe t0, t1, sa, sb;
  fe_mul(&sb_fp, t0, a, b);
  fe_mul(&sb_fp, t1, a + 4, b + 4);
  fe_add(&sb_fp, sa, a, a + 4);
  fe_add(&sb_fp, sb, b, b + 4);
  fe_mul(&sb_fp, sa, sa, sb);
  fe_sub(&sb_fp, sa, sa, t0);
  fe_sub(&sb_fp, out + 4, sa, t1);
  fe_sub(&sb_fp, out, t0, t1);
}

/* (a0 + a1 u)^2 = (a0 + a1)(a0 - a1) + 2 a0 a1 u */
void fp2_sqr(uint64_t *out, const uint64_t *a) {
  fe s, d, m;
  fe_add(&sb_fp, s, a, a + 4);
  fe_sub(&sb_fp, d, a, a + 4);
  fe_mul(&sb_fp, m, a, a + 4);
  fe_mul(&sb_fp, out, s, d);
  fe_dbl(&sb_fp, out + 4, m);
}

/* 1/(a0 + a1 u) = (a0 - a1 u) / (a0^2 + a1^2) */
void fp2_inv(uint64_t *out, const uint64_t *a) {
  fe n, t;
  fe_sqr(&sb_fp, n, a);
  fe_sqr(&sb_fp, t, a + 4);
  fe_add(&sb_fp, n, n, t);
  fe_inv(&sb_fp, n, n);
  fe_mul(&sb_fp, out, a, n);
  fe_neg(&sb_fp, t, a + 4);
  fe_mul(&sb_fp, out + 4, t, n);
}

void fp2_copy(uint64_t *out, const uint64_t *a) {
  fe_copy(out, a);
  fe_copy(out + 4, a + 4);
}

void fp2_set_zero(uint64_t *out) {
  fe_set_zero(out);
  fe_set_zero(out + 4);
}

void fp2_set_one(uint64_t *out) {
  fe_copy(out, sb_fp.one);
  fe_set_zero(out + 4);
}

int fp2_is_zero(const uint64_t *a) { return fe_is_zero(a) && fe_is_zero(a + 4); }

int fp2_equal(const uint64_t *a, const uint64_t *b) {
  return fe_equal(a, b) && fe_equal(a + 4, b + 4);
}
