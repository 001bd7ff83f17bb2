/*
 * Fp2 helpers and Fp6 arithmetic of the pairing tower (tower.h). Multiplication and squaring
 * formulas: Karatsuba and "CH-SQR2" of Devegili, O hEigeartaigh, Scott and Dahab,
 * "Multiplication and Squaring on Pairing-Friendly Fields" (ePrint 2006/471).
 */
#include "tower.h"

#include <threads.h>

void fp2_conj(uint64_t *out, const uint64_t *a) {
  fe_copy(out, a);
  fe_neg(&sb_fp, out + 4, a + 4);
}

/* (a0 + a1 u)(9 + u) = 9 a0 - a1 + (a0 + 9 a1) u */
void fp2_mul_xi(uint64_t *out, const uint64_t *a) {
  fp2 t;
  fp2_dbl(t, a);
  fp2_dbl(t, t);
  fp2_dbl(t, t);
  fp2_add(t, t, a); /* 9a */
  fe re;
  fe_sub(&sb_fp, re, t, a + 4);
  fe_add(&sb_fp, out + 4, t + 4, a);
  fe_copy(out, re);
}

void fp2_mul_fp(uint64_t *out, const uint64_t *a, const uint64_t *s) {
  fe_mul(&sb_fp, out, a, s);
  fe_mul(&sb_fp, out + 4, a + 4, s);
}

void fp2_pow(uint64_t *out, const uint64_t *a, const uint64_t *e) {
  fp2 acc, base;
  fp2_set_one(acc);
  fp2_copy(base, a);
  for (int bit = 255; bit >= 0; bit--) {
    fp2_sqr(acc, acc);
    if ((e[bit / 64] >> (bit % 64)) & 1) {
      fp2_mul(acc, acc, base);
    }
  }
  fp2_copy(out, acc);
}

void fp6_add(fp6 *out, const fp6 *a, const fp6 *b) {
  for (int i = 0; i < 3; i++) fp2_add(out->a[i], a->a[i], b->a[i]);
}

void fp6_sub(fp6 *out, const fp6 *a, const fp6 *b) {
  for (int i = 0; i < 3; i++) fp2_sub(out->a[i], a->a[i], b->a[i]);
}

void fp6_neg(fp6 *out, const fp6 *a) {
  for (int i = 0; i < 3; i++) fp2_neg(out->a[i], a->a[i]);
}

/* out = (x0 + x1)(y0 + y1) - v0 - v1 with v0 = x0 y0, v1 = x1 y1: x0 y1 + x1 y0 (Karatsuba). */
static void cross_terms(uint64_t *out, const uint64_t *x0, const uint64_t *x1, const uint64_t *y0,
                        const uint64_t *y1, const uint64_t *v0, const uint64_t *v1) {
  fp2 s, t;
  fp2_add(s, x0, x1);
  fp2_add(t, y0, y1);
  fp2_mul(s, s, t);
  fp2_sub(s, s, v0);
  fp2_sub(out, s, v1);
}

/* c0 = v0 + xi (a1 b2 + a2 b1), c1 = a0 b1 + a1 b0 + xi v2, c2 = a0 b2 + a2 b0 + v1 */
void fp6_mul(fp6 *out, const fp6 *a, const fp6 *b) {
  fp2 v0, v1, v2, t, c0, c1, c2;
  fp2_mul(v0, a->a[0], b->a[0]);
  fp2_mul(v1, a->a[1], b->a[1]);
  fp2_mul(v2, a->a[2], b->a[2]);
  cross_terms(t, a->a[1], a->a[2], b->a[1], b->a[2], v1, v2);
  fp2_mul_xi(t, t);
  fp2_add(c0, t, v0);
  cross_terms(c1, a->a[0], a->a[1], b->a[0], b->a[1], v0, v1);
  fp2_mul_xi(t, v2);
  fp2_add(c1, c1, t);
  cross_terms(c2, a->a[0], a->a[2], b->a[0], b->a[2], v0, v2);
  fp2_add(c2, c2, v1);
  fp2_copy(out->a[0], c0);
  fp2_copy(out->a[1], c1);
  fp2_copy(out->a[2], c2);
}

void fp6_sqr(fp6 *out, const fp6 *a) {
  fp2 s0, s1, s2, s3, s4, t;
  fp2_sqr(s0, a->a[0]);
  fp2_mul(s1, a->a[0], a->a[1]);
  fp2_dbl(s1, s1);
  fp2_sub(s2, a->a[0], a->a[1]);
  fp2_add(s2, s2, a->a[2]);
  fp2_sqr(s2, s2);
  fp2_mul(s3, a->a[1], a->a[2]);
  fp2_dbl(s3, s3);
  fp2_sqr(s4, a->a[2]);
  /* c2 = s1 + s2 + s3 - s0 - s4, before s1 is reused */
  fp2_add(t, s1, s2);
  fp2_add(t, t, s3);
  fp2_sub(t, t, s0);
  fp2_sub(out->a[2], t, s4);
  fp2_mul_xi(t, s3);
  fp2_add(out->a[0], s0, t);
  fp2_mul_xi(t, s4);
  fp2_add(out->a[1], s1, t);
}

void fp6_mul_v(fp6 *out, const fp6 *a) {
  fp2 t;
  fp2_mul_xi(t, a->a[2]);
  fp2_copy(out->a[2], a->a[1]);
  fp2_copy(out->a[1], a->a[0]);
  fp2_copy(out->a[0], t);
}

void fp6_mul_fp2(fp6 *out, const fp6 *a, const uint64_t *s) {
  for (int i = 0; i < 3; i++) fp2_mul(out->a[i], a->a[i], s);
}

/* (b0 + b1 v + b2 v^2)(s0 + s1 v) = b0 s0 + xi b2 s1 + (b0 s1 + b1 s0) v + (b1 s1 + b2 s0) v^2 */
void fp6_mul_01(fp6 *out, const fp6 *a, const uint64_t *s0, const uint64_t *s1) {
  fp2 t0, t1, x, y, c0, c1;
  fp2_mul(t0, a->a[0], s0);
  fp2_mul(t1, a->a[1], s1);
  fp2_add(x, a->a[1], a->a[2]); /* b2 s1 = (b1 + b2) s1 - t1 */
  fp2_mul(x, x, s1);
  fp2_sub(x, x, t1);
  fp2_mul_xi(x, x);
  fp2_add(c0, x, t0);
  fp2_add(x, a->a[0], a->a[1]); /* b0 s1 + b1 s0 = (b0 + b1)(s0 + s1) - t0 - t1 */
  fp2_add(y, s0, s1);
  fp2_mul(x, x, y);
  fp2_sub(x, x, t0);
  fp2_sub(c1, x, t1);
  fp2_add(x, a->a[0], a->a[2]); /* b2 s0 = (b0 + b2) s0 - t0 */
  fp2_mul(x, x, s0);
  fp2_sub(x, x, t0);
  fp2_add(out->a[2], x, t1);
  fp2_copy(out->a[0], c0);
  fp2_copy(out->a[1], c1);
}

/* 1/a = (c0 + c1 v + c2 v^2) / t with c0 = a0^2 - xi a1 a2, c1 = xi a2^2 - a0 a1,
 * c2 = a1^2 - a0 a2 and t = a0 c0 + xi (a2 c1 + a1 c2): the adjugate over the norm. */
void fp6_inv(fp6 *out, const fp6 *a) {
  fp2 c0, c1, c2, t, s;
  fp2_sqr(c0, a->a[0]);
  fp2_mul(t, a->a[1], a->a[2]);
  fp2_mul_xi(t, t);
  fp2_sub(c0, c0, t);
  fp2_sqr(c1, a->a[2]);
  fp2_mul_xi(c1, c1);
  fp2_mul(t, a->a[0], a->a[1]);
  fp2_sub(c1, c1, t);
  fp2_sqr(c2, a->a[1]);
  fp2_mul(t, a->a[0], a->a[2]);
  fp2_sub(c2, c2, t);
  fp2_mul(t, a->a[2], c1);
  fp2_mul(s, a->a[1], c2);
  fp2_add(t, t, s);
  fp2_mul_xi(t, t);
  fp2_mul(s, a->a[0], c0);
  fp2_add(t, t, s);
  fp2_inv(t, t);
  fp2_mul(out->a[0], c0, t);
  fp2_mul(out->a[1], c1, t);
  fp2_mul(out->a[2], c2, t);
}

fp2 sb_frobenius_gamma[3][6];

/* gamma[0][1] = xi^((p - 1)/6); then gamma[0][i] = gamma[0][1]^i, and since the Frobenius of
 * Fp2 is conjugation, xi^(i (p^2 - 1)/6) = g conj(g) and xi^(i (p^3 - 1)/6) = g conj(g) g for
 * g = gamma[0][i]. */
static void compute_gamma(void) {
  uint64_t e[4], rem = 0;
  for (int i = 3; i >= 0; i--) { /* e = (p - 1) / 6, exact since p = 1 mod 6; p is odd */
    unsigned __int128 cur = ((unsigned __int128)rem << 64) | (sb_fp.p[i] - (i == 0));
    e[i] = (uint64_t)(cur / 6);
    rem = (uint64_t)(cur % 6);
  }
  fp2 xi = {0};
  fe nine = {9, 0, 0, 0};
  fe_to_mont(&sb_fp, xi, nine);
  fe_copy(xi + 4, sb_fp.one);
  fp2_set_one(sb_frobenius_gamma[0][0]);
  fp2_pow(sb_frobenius_gamma[0][1], xi, e);
  for (int i = 2; i < 6; i++) {
    fp2_mul(sb_frobenius_gamma[0][i], sb_frobenius_gamma[0][i - 1], sb_frobenius_gamma[0][1]);
  }
  for (int i = 0; i < 6; i++) {
    fp2 c;
    fp2_conj(c, sb_frobenius_gamma[0][i]);
    fp2_mul(sb_frobenius_gamma[1][i], sb_frobenius_gamma[0][i], c);
    fp2_mul(sb_frobenius_gamma[2][i], sb_frobenius_gamma[1][i], sb_frobenius_gamma[0][i]);
  }
}

static once_flag gamma_once = ONCE_FLAG_INIT;

void tower_setup(void) { call_once(&gamma_once, compute_gamma); }
