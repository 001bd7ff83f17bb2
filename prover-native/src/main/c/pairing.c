/*
 * The BN254 optimal ate pairing (pairing.h).
 *
 * Curve facts: BN parameter x = 4965661367192848881 (p = 36x^4 + 36x^3 + 24x^2 + 6x + 1; the
 * same x as node_modules/wasmcurves/src/bn128/build_bn128.js finalExpZ), Miller loop length
 * 6x + 2 = 29793968203157093288 (build_bn128.js ateLoopCount), walked here in non-adjacent form
 * (66 digits, 22 non-zero), and a D-type sextic twist E': y^2 = x^3 + 3/xi, untwisted by
 * (x, y) -> (x w^2, y w^3) (Vercauteren, "Optimal pairings", IEEE Trans. IT 2010; the ate loop
 * then adds the lines through pi(Q) and -pi^2(Q)).
 *
 * T runs in homogeneous projective coordinates; the doubling and mixed addition steps with
 * their line values are those of Costello, Lange and Naehrig, "Faster Pairing Computations on
 * Curves with High-Degree Twists" (PKC 2010), in the form of Aranha, Karabina, Longa,
 * Gebotys and Lopez, "Faster Explicit Formulas for Computing Pairings over Ordinary Curves"
 * (Eurocrypt 2011, section 4). A line through points of the twist, evaluated at P = (xP, yP),
 * is l0 + (l1 + l2 v) w with l0 a multiple of yP and l1 a multiple of xP: factors in Fp2 are
 * dropped, as the final exponentiation sends them to 1.
 *
 * Final exponentiation: the easy part f^((p^6 - 1)(p^2 + 1)), then the hard part as the chain
 * of Fuentes-Castaneda, Knapp and Rodriguez-Henriquez ("Faster hashing to G2", SAC 2011), which
 * raises to a fixed multiple m (p^4 - p^2 + 1)/r, m = 2x(6x^2 + 3x + 1) prime to r. snarkjs's
 * curve code (build_bn128.js buildFinalExponentiationLastChunk) uses the same chain, so the
 * pairing values here equal the vk_alphabeta_12 that snarkjs writes.
 */
#include "pairing.h"

#include <stdlib.h>
#include <threads.h>

#include "slotbeam.h"

static const uint64_t bn_x = 4965661367192848881ULL;

enum { NAF_MAX = 68 };
static signed char naf[NAF_MAX]; /* little-endian digits of 6x + 2 */
static int naf_len;
static fe two_inv;      /* 1/2 in Fp */
static fp2 three_b;     /* 3 b' = 9/xi, the twist's b times 3 */

static void compute_constants(void) {
  unsigned __int128 k = (unsigned __int128)6 * bn_x + 2;
  naf_len = 0;
  while (k != 0) {
    signed char digit = 0;
    if (k & 1) {
      digit = (k & 3) == 1 ? 1 : -1;
      k = digit == 1 ? k - 1 : k + 1;
    }
    naf[naf_len++] = digit;
    k >>= 1;
  }
  fe two = {2, 0, 0, 0};
  fe_to_mont(&sb_fp, two_inv, two);
  fe_inv(&sb_fp, two_inv, two_inv);
  fp2 xi = {9, 0, 0, 0, 1, 0, 0, 0};
  fe_to_mont(&sb_fp, xi, xi);
  fe_to_mont(&sb_fp, xi + 4, xi + 4);
  fp2_inv(xi, xi);
  fe nine = {9, 0, 0, 0};
  fe_to_mont(&sb_fp, nine, nine);
  fp2_mul_fp(three_b, xi, nine);
  tower_setup();
}

static once_flag constants_once = ONCE_FLAG_INIT;

typedef struct { fp2 x, y, z; } g2_proj;

/* T = 2T; the tangent line at T evaluated at P, as l0 = -2YZ yP, l1 = 3X^2 xP, l2 = 3b'Z^2 - Y^2.
 * A = XY/2, B = Y^2, C = Z^2, E = 3b'C, F = 3E, G = (B + F)/2, H = (Y + Z)^2 - B - C;
 * X' = A(B - F), Y' = G^2 - 3E^2, Z' = B H. */
static void double_step(g2_proj *t, uint64_t *l0, uint64_t *l1, uint64_t *l2, const g1_aff *p) {
  fp2 a, b, c, e, f, g, h, s;
  fp2_mul(a, t->x, t->y);
  fp2_mul_fp(a, a, two_inv);
  fp2_sqr(b, t->y);
  fp2_sqr(c, t->z);
  fp2_mul(e, c, three_b);
  fp2_dbl(f, e);
  fp2_add(f, f, e);
  fp2_add(g, b, f);
  fp2_mul_fp(g, g, two_inv);
  fp2_add(h, t->y, t->z);
  fp2_sqr(h, h);
  fp2_sub(h, h, b);
  fp2_sub(h, h, c);
  fp2_sub(l2, e, b);
  fp2_sqr(s, t->x); /* l1 = 3 X^2 xP */
  fp2_dbl(l1, s);
  fp2_add(l1, l1, s);
  fp2_mul_fp(l1, l1, p->x);
  fp2_neg(l0, h);
  fp2_mul_fp(l0, l0, p->y);
  fp2_sub(s, b, f);
  fp2_mul(t->x, a, s);
  fp2_sqr(s, e); /* Y' = G^2 - 3E^2 */
  fp2_dbl(a, s);
  fp2_add(a, a, s);
  fp2_sqr(g, g);
  fp2_sub(t->y, g, a);
  fp2_mul(t->z, b, h);
}

/* T = T + Q (Q affine); the line through them evaluated at P, as l0 = lambda yP,
 * l1 = -theta xP, l2 = theta xQ - lambda yQ, where theta = Y - yQ Z and lambda = X - xQ Z
 * (the slope is theta/lambda). C = theta^2, D = lambda^2, E = lambda D, F = Z C, G = X D,
 * H = E + F - 2G; X' = lambda H, Y' = theta (G - H) - Y E, Z' = Z E. */
static void add_step(g2_proj *t, uint64_t *l0, uint64_t *l1, uint64_t *l2, const g2_aff *q,
                     const g1_aff *p) {
  fp2 theta, lambda, c, d, e, f, g, h, s;
  fp2_mul(theta, q->y, t->z);
  fp2_sub(theta, t->y, theta);
  fp2_mul(lambda, q->x, t->z);
  fp2_sub(lambda, t->x, lambda);
  fp2_mul(l2, theta, q->x);
  fp2_mul(s, lambda, q->y);
  fp2_sub(l2, l2, s);
  fp2_neg(l1, theta);
  fp2_mul_fp(l1, l1, p->x);
  fp2_mul_fp(l0, lambda, p->y);
  fp2_sqr(c, theta);
  fp2_sqr(d, lambda);
  fp2_mul(e, lambda, d);
  fp2_mul(f, t->z, c);
  fp2_mul(g, t->x, d);
  fp2_add(h, e, f);
  fp2_sub(h, h, g);
  fp2_sub(h, h, g);
  fp2_mul(t->x, lambda, h);
  fp2_sub(s, g, h);
  fp2_mul(s, theta, s);
  fp2_mul(c, t->y, e);
  fp2_sub(t->y, s, c);
  fp2_mul(t->z, t->z, e);
}

/* psi(Q) = (conj(x) xi^((p-1)/3), conj(y) xi^((p-1)/2)): the p-power Frobenius of the untwisted
 * point, twisted back (untwisting multiplies x by w^2 and y by w^3). */
static void twist_frobenius(g2_aff *out, const g2_aff *q) {
  fp2_conj(out->x, q->x);
  fp2_mul(out->x, out->x, sb_frobenius_gamma[0][2]);
  fp2_conj(out->y, q->y);
  fp2_mul(out->y, out->y, sb_frobenius_gamma[0][3]);
}

int miller_loop(fp12 *out, const g1_aff *p, const g2_aff *q, size_t n) {
  call_once(&constants_once, compute_constants);
  g2_proj *t = malloc((n + 1) * sizeof(g2_proj));
  size_t *live = malloc((n + 1) * sizeof(size_t)); /* pairs without a point at infinity */
  if (t == NULL || live == NULL) {
    free(t);
    free(live);
    return SB_ERR_MEMORY;
  }
  fp12 f;
  fp12_set_one(&f);
  size_t m = 0;
  for (size_t i = 0; i < n; i++) {
    if (!g1_aff_is_infinity(&p[i]) && !g2_aff_is_infinity(&q[i])) {
      live[m] = i;
      fp2_copy(t[m].x, q[i].x);
      fp2_copy(t[m].y, q[i].y);
      fp2_set_one(t[m].z);
      m++;
    }
  }
  fp2 l0, l1, l2;
  for (int d = naf_len - 2; d >= 0; d--) {
    fp12_sqr(&f, &f);
    for (size_t j = 0; j < m; j++) {
      double_step(&t[j], l0, l1, l2, &p[live[j]]);
      fp12_mul_line(&f, &f, l0, l1, l2);
      if (naf[d] != 0) {
        g2_aff addend = q[live[j]];
        if (naf[d] < 0) {
          fp2_neg(addend.y, addend.y);
        }
        add_step(&t[j], l0, l1, l2, &addend, &p[live[j]]);
        fp12_mul_line(&f, &f, l0, l1, l2);
      }
    }
  }
  for (size_t j = 0; j < m; j++) {
    const g2_aff *qj = &q[live[j]];
    g2_aff q1, q2; /* pi(Q) and -pi^2(Q) on the twist */
    twist_frobenius(&q1, qj);
    twist_frobenius(&q2, &q1);
    fp2_neg(q2.y, q2.y);
    add_step(&t[j], l0, l1, l2, &q1, &p[live[j]]);
    fp12_mul_line(&f, &f, l0, l1, l2);
    add_step(&t[j], l0, l1, l2, &q2, &p[live[j]]);
    fp12_mul_line(&f, &f, l0, l1, l2);
  }
  free(t);
  free(live);
  *out = f;
  return SB_OK;
}

/* out = a^x for cyclotomic a. */
static void cyclotomic_pow_x(fp12 *out, const fp12 *a) {
  fp12 acc = *a;
  for (int bit = 61; bit >= 0; bit--) { /* acc = a covers the top bit of x, bit 62 */
    fp12_cyclotomic_sqr(&acc, &acc);
    if ((bn_x >> bit) & 1) {
      fp12_mul(&acc, &acc, a);
    }
  }
  *out = acc;
}

/* a^(-x) for cyclotomic a: the inverse of a cyclotomic element is its conjugate. */
static void cyclotomic_pow_neg_x(fp12 *out, const fp12 *a) {
  cyclotomic_pow_x(out, a);
  fp12_conj(out, out);
}

void final_exponentiation(fp12 *out, const fp12 *f) {
  fp12 t, g;
  /* easy part: g = f^((p^6 - 1)(p^2 + 1)) */
  fp12_inv(&t, f);
  fp12_conj(&g, f);
  fp12_mul(&g, &g, &t);
  fp12_frobenius(&t, &g, 2);
  fp12_mul(&g, &t, &g);
  /* hard part: g^(l0 + l1 p + l2 p^2 + l3 p^3) with l0 = 12x^3 + 12x^2 + 6x + 1,
   * l1 = 12x^3 + 6x^2 + 4x, l2 = 12x^3 + 6x^2 + 6x, l3 = 12x^3 + 6x^2 + 4x - 1 */
  fp12 a, b, d, e, k, l, n;
  cyclotomic_pow_neg_x(&a, &g);         /* g^(-x) */
  fp12_cyclotomic_sqr(&b, &a);          /* g^(-2x) */
  fp12_cyclotomic_sqr(&d, &b);          /* g^(-4x) */
  fp12_mul(&d, &d, &b);                 /* g^(-6x) */
  cyclotomic_pow_neg_x(&e, &d);         /* g^(6x^2) */
  fp12_cyclotomic_sqr(&t, &e);          /* g^(12x^2) */
  cyclotomic_pow_neg_x(&t, &t);         /* g^(-12x^3) */
  fp12_conj(&t, &t);                    /* g^(12x^3) */
  fp12_mul(&k, &t, &e);                 /* g^(12x^3 + 6x^2) */
  fp12_conj(&d, &d);                    /* g^(6x) */
  fp12_mul(&k, &k, &d);                 /* g^(12x^3 + 6x^2 + 6x) */
  fp12_mul(&l, &k, &b);                 /* g^(12x^3 + 6x^2 + 4x) */
  fp12_mul(&n, &k, &e);                 /* g^(12x^3 + 12x^2 + 6x) */
  fp12_mul(&n, &n, &g);                 /* g^l0 */
  fp12_frobenius(&t, &l, 1);            /* g^(l1 p) */
  fp12_mul(&n, &n, &t);
  fp12_frobenius(&t, &k, 2);            /* g^(l2 p^2) */
  fp12_mul(&n, &n, &t);
  fp12_conj(&g, &g);                    /* g^(-1) */
  fp12_mul(&t, &g, &l);                 /* g^l3 */
  fp12_frobenius(&t, &t, 3);            /* g^(l3 p^3) */
  fp12_mul(out, &n, &t);
}

/* psi on Jacobian coordinates: conjugation is a field automorphism, so conj(X)/conj(Z)^2 =
 * conj(X/Z^2) and likewise for y; then the same constants as twist_frobenius. */
static void twist_frobenius_jac(g2_jac *out, const g2_jac *p) {
  fp2_conj(out->x, p->x);
  fp2_mul(out->x, out->x, sb_frobenius_gamma[0][2]);
  fp2_conj(out->y, p->y);
  fp2_mul(out->y, out->y, sb_frobenius_gamma[0][3]);
  fp2_conj(out->z, p->z);
}

/* Q on the twist is in G2 exactly when [x+1]Q + psi([x]Q) + psi^2([x]Q) = psi^3([2x]Q), which
 * holds for BN curves whose x is neither 4 mod 13 nor 92 mod 97 (BN254: 4965661367192848881 is
 * 0 mod 13 and 49 mod 97): Dai, Lin, Zhao and Zhou, "Fast subgroup membership testings for G1,
 * G2 and GT on pairing-friendly curves" (ePrint 2022/348), as applied to BN254 by Sanso and Liang
 * (ethresear.ch/t/13974). A 63-bit scalar multiplication instead of the 254-bit [r]Q = O. */
int g2_in_subgroup(const g2_aff *q) {
  call_once(&constants_once, compute_constants);
  const uint64_t x[4] = {bn_x, 0, 0, 0};
  g2_jac xq, lhs, t, rhs;
  g2_mul(&xq, q, x);
  g2_add_mixed(&lhs, &xq, q);
  twist_frobenius_jac(&t, &xq);
  g2_add(&lhs, &lhs, &t);
  twist_frobenius_jac(&t, &t);
  g2_add(&lhs, &lhs, &t);
  g2_dbl(&rhs, &xq);
  for (int i = 0; i < 3; i++) {
    twist_frobenius_jac(&rhs, &rhs);
  }
  fp2_neg(rhs.y, rhs.y); /* -(X, Y, Z) = (X, -Y, Z) */
  g2_add(&lhs, &lhs, &rhs);
  return g2_is_infinity(&lhs);
}
