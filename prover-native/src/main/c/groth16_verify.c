/*
 * The exported pairing and Groth16 functions of slotbeam_pairing.h: they read and check every
 * point (on the curve; G2 points also in the subgroup) and input before computing anything,
 * and report bad input as a status naming the item, never by aborting.
 */
#include <stdlib.h>

#include "pairing.h"
#include "slotbeam_pairing.h"

/* Reads a G2 point and checks it is infinity or of order r. */
static int read_g2_checked(g2_aff *out, const uint8_t *bytes) {
  int status = g2_read(out, bytes, 0);
  if (status == SB_OK && !g2_aff_is_infinity(out) && !g2_in_subgroup(out)) {
    return SB_ERR_NOT_IN_SUBGROUP;
  }
  return status;
}

static void write_fp12(uint8_t *out, const fp12 *a) {
  for (int c = 0; c < 2; c++) {
    for (int i = 0; i < 3; i++) {
      for (int k = 0; k < 2; k++) {
        fe canonical;
        fe_from_mont(&sb_fp, canonical, a->c[c].a[i] + 4 * k);
        fe_write_le(out + 32 * (6 * c + 2 * i + k), canonical);
      }
    }
  }
}

SB_EXPORT int sb_pairing(const uint8_t *g1, size_t g1_len, const uint8_t *g2, size_t g2_len,
                         uint8_t *out, size_t out_len) {
  if (g1 == NULL || g2 == NULL || out == NULL) {
    return SB_ERR_NULL;
  }
  if (g1_len != g1_BYTES || g2_len != g2_BYTES || out_len != SB_FP12_BYTES) {
    return SB_ERR_LENGTH;
  }
  g1_aff p;
  g2_aff q;
  int status = g1_read(&p, g1, 0);
  if (status == SB_OK) {
    status = read_g2_checked(&q, g2);
  }
  fp12 f;
  if (status == SB_OK) {
    status = miller_loop(&f, &p, &q, 1);
  }
  if (status != SB_OK) {
    return status;
  }
  final_exponentiation(&f, &f);
  write_fp12(out, &f);
  return SB_OK;
}

enum { ITEM_A, ITEM_B, ITEM_C, ITEM_ALPHA, ITEM_BETA, ITEM_GAMMA, ITEM_DELTA, ITEM_IC };
enum { VK_FIXED_BYTES = g1_BYTES + 3 * g2_BYTES, PROOF_BYTES = 2 * g1_BYTES + g2_BYTES };

/* The points of a Groth16 check, read and checked. */
typedef struct {
  g1_aff a, c, alpha;
  g2_aff b, beta, gamma, delta;
  g1_aff *ic; /* n + 1 points */
} groth16_points;

static int read_points(groth16_points *pts, const uint8_t *vk, const uint8_t *proof, size_t n,
                       int64_t *bad_item) {
  struct { int g2; void *point; const uint8_t *bytes; } items[ITEM_IC] = {
      {0, &pts->a, proof},
      {1, &pts->b, proof + g1_BYTES},
      {0, &pts->c, proof + g1_BYTES + g2_BYTES},
      {0, &pts->alpha, vk},
      {1, &pts->beta, vk + g1_BYTES},
      {1, &pts->gamma, vk + g1_BYTES + g2_BYTES},
      {1, &pts->delta, vk + g1_BYTES + 2 * g2_BYTES},
  };
  for (int i = 0; i < ITEM_IC; i++) {
    int status = items[i].g2 ? read_g2_checked(items[i].point, items[i].bytes)
                             : g1_read(items[i].point, items[i].bytes, 0);
    if (status != SB_OK) {
      *bad_item = i;
      return status;
    }
  }
  for (size_t i = 0; i <= n; i++) {
    int status = g1_read(&pts->ic[i], vk + VK_FIXED_BYTES + g1_BYTES * i, 0);
    if (status != SB_OK) {
      *bad_item = ITEM_IC + (int64_t)i;
      return status;
    }
  }
  return SB_OK;
}

/* vk_x = IC[0] + sum_i s_i IC[i + 1] for canonical scalars s_i < r (checked here). */
static int linear_combination(g1_aff *out, const g1_aff *ic, const uint8_t *inputs, size_t n,
                              int64_t *bad_item) {
  g1_jac acc, term;
  g1_from_affine(&acc, &ic[0]);
  for (size_t i = 0; i < n; i++) {
    fe s;
    if (fe_read_le(&sb_fr, s, inputs + 32 * i) != 0) {
      *bad_item = ITEM_IC + (int64_t)(n + 1 + i);
      return SB_ERR_NONCANONICAL;
    }
    g1_mul(&term, &ic[i + 1], s);
    g1_add(&acc, &acc, &term);
  }
  g1_to_affine(out, &acc);
  return SB_OK;
}

SB_EXPORT int sb_groth16_verify(const uint8_t *vk, size_t vk_len, const uint8_t *proof,
                                size_t proof_len, const uint8_t *inputs, size_t inputs_len,
                                int32_t *valid, int64_t *bad_item) {
  if (vk == NULL || proof == NULL || (inputs == NULL && inputs_len != 0) || valid == NULL ||
      bad_item == NULL) {
    return SB_ERR_NULL;
  }
  *valid = 0;
  *bad_item = -1;
  size_t n = inputs_len / 32;
  if (inputs_len % 32 != 0 || n > SB_MAX_COUNT || proof_len != PROOF_BYTES ||
      vk_len != VK_FIXED_BYTES + g1_BYTES * (n + 1)) {
    return SB_ERR_LENGTH;
  }
  groth16_points pts;
  pts.ic = malloc((n + 1) * sizeof(g1_aff));
  if (pts.ic == NULL) {
    return SB_ERR_MEMORY;
  }
  g1_aff p[4];
  g2_aff q[4];
  int status = read_points(&pts, vk, proof, n, bad_item);
  if (status == SB_OK) {
    status = linear_combination(&p[2], pts.ic, inputs, n, bad_item);
  }
  free(pts.ic);
  fp12 f;
  if (status == SB_OK) {
    p[0] = pts.a; /* -A = (x, -y); infinity stays all zeros */
    fe_neg(&sb_fp, p[0].y, p[0].y);
    q[0] = pts.b;
    p[1] = pts.alpha;
    q[1] = pts.beta;
    q[2] = pts.gamma;
    p[3] = pts.c;
    q[3] = pts.delta;
    status = miller_loop(&f, p, q, 4);
  }
  if (status != SB_OK) {
    return status;
  }
  final_exponentiation(&f, &f);
  *valid = fp12_is_one(&f);
  return SB_OK;
}
