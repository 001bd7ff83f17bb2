/*
 * Fp12 arithmetic of the pairing tower (tower.h): Karatsuba multiplication, complex squaring,
 * the product with a sparse line value, inversion through Fp6, the Frobenius maps, and
 * Granger-Scott squaring in the cyclotomic subgroup ("Faster Squaring in the Cyclotomic
 * Subgroup of Sixth Degree Extensions", PKC 2010, section 3.1).
 */
#include "tower.h"

void fp12_set_one(fp12 *out) {
  for (int c = 0; c < 2; c++) {
    for (int i = 0; i < 3; i++) fp2_set_zero(out->c[c].a[i]);
  }
  fp2_set_one(out->c[0].a[0]);
}

int fp12_equal(const fp12 *a, const fp12 *b) {
  int equal = 1;
  for (int c = 0; c < 2; c++) {
    for (int i = 0; i < 3; i++) equal &= fp2_equal(a->c[c].a[i], b->c[c].a[i]);
  }
  return equal;
}

int fp12_is_one(const fp12 *a) {
  fp12 one;
  fp12_set_one(&one);
  return fp12_equal(a, &one);
}

/* (a0 + a1 w)(b0 + b1 w) = a0 b0 + a1 b1 v + ((a0 + a1)(b0 + b1) - a0 b0 - a1 b1) w */
void fp12_mul(fp12 *out, const fp12 *a, const fp12 *b) {
  fp6 t0, t1, s, t;
  fp6_mul(&t0, &a->c[0], &b->c[0]);
  fp6_mul(&t1, &a->c[1], &b->c[1]);
  fp6_add(&s, &a->c[0], &a->c[1]);
  fp6_add(&t, &b->c[0], &b->c[1]);
  fp6_mul(&s, &s, &t);
  fp6_sub(&s, &s, &t0);
  fp6_sub(&out->c[1], &s, &t1);
  fp6_mul_v(&t1, &t1);
  fp6_add(&out->c[0], &t0, &t1);
}

/* (a0 + a1 w)^2 = (a0 + a1)(a0 + v a1) - t - v t + 2 t w with t = a0 a1 */
void fp12_sqr(fp12 *out, const fp12 *a) {
  fp6 t, s, u;
  fp6_mul(&t, &a->c[0], &a->c[1]);
  fp6_add(&s, &a->c[0], &a->c[1]);
  fp6_mul_v(&u, &a->c[1]);
  fp6_add(&u, &u, &a->c[0]);
  fp6_mul(&s, &s, &u);
  fp6_sub(&s, &s, &t);
  fp6_mul_v(&u, &t);
  fp6_sub(&out->c[0], &s, &u);
  fp6_add(&out->c[1], &t, &t);
}

/* a = a0 + a1 w times l = l0 + (l1 + l2 v) w:
 * a0 l0 + a1 (l1 + l2 v) v + ((a0 + a1)(l0 + l1 + l2 v) - a0 l0 - a1 (l1 + l2 v)) w */
void fp12_mul_line(fp12 *out, const fp12 *a, const uint64_t *l0, const uint64_t *l1,
                   const uint64_t *l2) {
  fp6 t0, t1, s;
  fp2 m;
  fp6_mul_fp2(&t0, &a->c[0], l0);
  fp6_mul_01(&t1, &a->c[1], l1, l2);
  fp6_add(&s, &a->c[0], &a->c[1]);
  fp2_add(m, l0, l1);
  fp6_mul_01(&s, &s, m, l2);
  fp6_sub(&s, &s, &t0);
  fp6_sub(&out->c[1], &s, &t1);
  fp6_mul_v(&t1, &t1);
  fp6_add(&out->c[0], &t0, &t1);
}

void fp12_conj(fp12 *out, const fp12 *a) {
  out->c[0] = a->c[0];
  fp6_neg(&out->c[1], &a->c[1]);
}

/* 1/(a0 + a1 w) = (a0 - a1 w) / (a0^2 - v a1^2) */
void fp12_inv(fp12 *out, const fp12 *a) {
  fp6 t0, t1;
  fp6_sqr(&t0, &a->c[0]);
  fp6_sqr(&t1, &a->c[1]);
  fp6_mul_v(&t1, &t1);
  fp6_sub(&t0, &t0, &t1);
  fp6_inv(&t0, &t0);
  fp6_mul(&out->c[0], &a->c[0], &t0);
  fp6_mul(&out->c[1], &a->c[1], &t0);
  fp6_neg(&out->c[1], &out->c[1]);
}

/* c[0].a[j] is the coefficient of w^(2j) and c[1].a[j] that of w^(2j+1); the p^k-th power
 * maps g w^i to g^(p^k) xi^(i (p^k - 1)/6) w^i, and g^(p^k) is conj(g) for odd k. */
void fp12_frobenius(fp12 *out, const fp12 *a, int k) {
  tower_setup();
  for (int c = 0; c < 2; c++) {
    for (int j = 0; j < 3; j++) {
      fp2 g;
      if (k % 2 == 1) {
        fp2_conj(g, a->c[c].a[j]);
      } else {
        fp2_copy(g, a->c[c].a[j]);
      }
      fp2_mul(out->c[c].a[j], g, sb_frobenius_gamma[k - 1][2 * j + c]);
    }
  }
}

/* (x + y s)^2 in Fp4 = Fp2[s]/(s^2 - xi): re = x^2 + xi y^2, im = 2 x y. */
static void fp4_sqr(uint64_t *re, uint64_t *im, const uint64_t *x, const uint64_t *y) {
  fp2 t0, t1, t;
  fp2_sqr(t0, x);
  fp2_sqr(t1, y);
  fp2_add(t, x, y);
  fp2_sqr(t, t);
  fp2_sub(t, t, t0);
  fp2_sub(im, t, t1);
  fp2_mul_xi(t1, t1);
  fp2_add(re, t0, t1);
}

/* out = 3 sq - 2 g (minus) or 3 sq + 2 g (plus). */
static void three_sq_two_g(uint64_t *out, const uint64_t *sq, const uint64_t *g, int plus) {
  fp2 t;
  if (plus) {
    fp2_add(t, sq, g);
  } else {
    fp2_sub(t, sq, g);
  }
  fp2_dbl(t, t);
  fp2_add(out, t, sq);
}

/* With s = w^3, Fp12 = Fp4[w]/(w^3 - s) and a = A + B w + C w^2 where A = c0.a0 + c1.a1 s,
 * B = c1.a0 + c0.a2 s, C = c0.a1 + c1.a2 s. For cyclotomic a, Granger-Scott give
 * A' = 3 A^2 - 2 conj(A), B' = 3 s C^2 + 2 conj(B), C' = 3 B^2 - 2 conj(C), conj: s -> -s. */
void fp12_cyclotomic_sqr(fp12 *out, const fp12 *a) {
  fp2 are, aim, bre, bim, cre, cim, t;
  fp4_sqr(are, aim, a->c[0].a[0], a->c[1].a[1]);
  fp4_sqr(bre, bim, a->c[1].a[0], a->c[0].a[2]);
  fp4_sqr(cre, cim, a->c[0].a[1], a->c[1].a[2]);
  three_sq_two_g(out->c[0].a[0], are, a->c[0].a[0], 0);
  three_sq_two_g(out->c[1].a[1], aim, a->c[1].a[1], 1);
  fp2_mul_xi(t, cim); /* s C^2 = xi im + re s */
  three_sq_two_g(out->c[1].a[0], t, a->c[1].a[0], 1);
  three_sq_two_g(out->c[0].a[2], cre, a->c[0].a[2], 0);
  three_sq_two_g(out->c[0].a[1], bre, a->c[0].a[1], 0);
  three_sq_two_g(out->c[1].a[2], bim, a->c[1].a[2], 1);
}
