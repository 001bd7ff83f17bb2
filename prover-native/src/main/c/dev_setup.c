/*
 * The development Groth16 setup (dev_setup.h): the zkey's points computed directly from the toxic
 * waste. Where snarkjs reads [L_k(tau)] G1 from a prepared powers-of-tau file, this computes
 * L_k(tau) in closed form with one batch inversion; the points are then the fixed-base products
 * [scalar] G, done with 8-bit windows over a table of [d 2^(8j)] G in affine coordinates and
 * affine additions that share one inversion per batch (G##_batch_add_affine).
 * UNSAFE FOR PRODUCTION: it is only as secret as this process's memory.
 */
#define _DEFAULT_SOURCE /* explicit_bzero */
#include "dev_setup.h"

#include <stdlib.h>
#include <string.h>

#include "curve.h"

#define WINDOW_BITS 8
#define WINDOWS 32 /* 256-bit scalars */
#define DIGITS 255 /* the non-zero digits of a window */
#define BATCH 4096 /* points per batch of affine additions; bounds the scratch memory */

/* Canonical generators of ffjavascript's bn128 (node_modules/wasmcurves/src/bn128/build_bn128.js):
 * G1 = (1, 2); G2 = (x.c0, x.c1, y.c0, y.c1), 64-bit limbs little-endian. */
static const uint64_t G1_GENERATOR[2][4] = {{1, 0, 0, 0}, {2, 0, 0, 0}};
static const uint64_t G2_GENERATOR[4][4] = {
    {0x46debd5cd992f6edULL, 0x674322d4f75edaddULL, 0x426a00665e5c4479ULL, 0x1800deef121f1e76ULL},
    {0x97e485b7aef312c2ULL, 0xf1aa493335a9e712ULL, 0x7260bfb731fb5d25ULL, 0x198e9393920d483aULL},
    {0x4ce6cc0166fa7daaULL, 0xe3d1e7690c43d37bULL, 0x4aab71808dcb408fULL, 0x12c85ea5db8c6debULL},
    {0x55acdadcd122975bULL, 0xbc4b313370b38ef3ULL, 0xec9e99ad690c3395ULL, 0x090689d0585ff075ULL}};

/* Frees memory that held toxic scalars after overwriting it. */
static void wipe_free(void *p, size_t bytes) {
  if (p != NULL) {
    explicit_bzero(p, bytes);
    free(p);
  }
}

/* The fixed-base machinery, once per group. */
#define SB_FIXED_BASE(G, E)                                                                      \
  /* table[j DIGITS + d - 1] = [d 2^(8j)] base, affine. */                                       \
  static G##_aff *G##_table_new(const G##_aff *base) {                                           \
    G##_aff *table = malloc(sizeof(G##_aff) * WINDOWS * DIGITS);                                 \
    if (table == NULL) {                                                                         \
      return NULL;                                                                               \
    }                                                                                            \
    G##_aff step[WINDOWS], prev[WINDOWS];                                                        \
    E scratch[3 * WINDOWS];                                                                      \
    for (int j = 0; j < WINDOWS; j++) {                                                          \
      uint64_t k[4] = {0, 0, 0, 0};                                                              \
      k[j * WINDOW_BITS / 64] = (uint64_t)1 << (j * WINDOW_BITS % 64);                           \
      G##_jac t;                                                                                 \
      G##_mul(&t, base, k);                                                                      \
      G##_to_affine(&step[j], &t);                                                               \
      table[j * DIGITS] = step[j];                                                               \
    }                                                                                            \
    for (int d = 2; d <= DIGITS; d++) {                                                          \
      for (int j = 0; j < WINDOWS; j++) {                                                        \
        prev[j] = table[j * DIGITS + d - 2];                                                     \
      }                                                                                          \
      G##_batch_add_affine(prev, prev, step, scratch, WINDOWS);                                  \
      for (int j = 0; j < WINDOWS; j++) {                                                        \
        table[j * DIGITS + d - 1] = prev[j];                                                     \
      }                                                                                          \
    }                                                                                            \
    return table;                                                                                \
  }                                                                                              \
                                                                                                 \
  /* out = [k_i] base in the zkey layout for n Montgomery-form Fr scalars k_i. */                \
  static int G##_fixed_base(uint8_t *out, const G##_aff *table, const fe *scalars, size_t n) {   \
    G##_aff *acc = malloc(sizeof(G##_aff) * BATCH);                                              \
    G##_aff *add = malloc(sizeof(G##_aff) * BATCH);                                              \
    E *scratch = malloc(sizeof(E) * 3 * BATCH);                                                  \
    uint8_t *digits = malloc(32 * BATCH);                                                        \
    int status = acc && add && scratch && digits ? SB_OK : SB_ERR_MEMORY;                        \
    for (size_t start = 0; status == SB_OK && start < n; start += BATCH) {                       \
      size_t m = n - start < BATCH ? n - start : BATCH;                                          \
      for (size_t i = 0; i < m; i++) {                                                           \
        fe k;                                                                                    \
        fe_from_mont(&sb_fr, k, scalars[start + i]);                                             \
        fe_write_le(digits + 32 * i, k);                                                         \
        explicit_bzero(k, sizeof k);                                                             \
      }                                                                                          \
      memset(acc, 0, sizeof(G##_aff) * m); /* affine infinity */                                 \
      for (int j = 0; j < WINDOWS; j++) {                                                        \
        for (size_t i = 0; i < m; i++) {                                                         \
          unsigned digit = digits[32 * i + j];                                                   \
          if (digit == 0) {                                                                      \
            memset(&add[i], 0, sizeof(G##_aff));                                                 \
          } else {                                                                               \
            add[i] = table[j * DIGITS + digit - 1];                                              \
          }                                                                                      \
        }                                                                                        \
        G##_batch_add_affine(acc, acc, add, scratch, m);                                         \
      }                                                                                          \
      for (size_t i = 0; i < m; i++) {                                                           \
        G##_write(out + (size_t)G##_BYTES * (start + i), &acc[i], 1);                            \
      }                                                                                          \
    }                                                                                            \
    wipe_free(digits, 32 * BATCH);                                                               \
    free(scratch);                                                                               \
    free(add);                                                                                   \
    free(acc);                                                                                   \
    return status;                                                                               \
  }

SB_FIXED_BASE(g1, fe)
SB_FIXED_BASE(g2, fp2)

/* The 2^log_m-th root of unity ffjavascript's F1Field uses: 5^((r - 1) / 2^28), 5 being the
 * smallest non-residue, squared 28 - log_m times (node_modules/ffjavascript/src/f1field.js). */
static void root_of_unity(fe out, int log_m) {
  uint64_t e[4];
  for (int i = 0; i < 4; i++) { /* (r - 1) >> 28; r is odd, so r - 1 only clears bit 0 */
    uint64_t limb = i == 0 ? sb_fr.p[0] - 1 : sb_fr.p[i];
    e[i] = (limb >> 28) | (i < 3 ? sb_fr.p[i + 1] << 36 : 0);
  }
  fe five = {5, 0, 0, 0};
  fe_to_mont(&sb_fr, five, five);
  fe_pow(&sb_fr, out, five, e);
  for (int i = log_m; i < 28; i++) {
    fe_sqr(&sb_fr, out, out);
  }
}

static int log2_of(uint32_t power_of_two) { return __builtin_ctz(power_of_two); }

/*
 * out[k] = factor L_j(tau) for j = first + k stride, k < count, over the domain of the 2^log_m-th
 * roots of unity w^j: L_j(x) = w^j (x^m - 1) / (m (x - w^j)). inverses and scratch hold count
 * elements each. SB_ERR_ARGUMENT when tau is in the domain (then the formula has no meaning).
 */
static int lagrange(fe *out, fe *inverses, fe *scratch, const fe tau, int log_m, uint64_t first, uint64_t stride,
                    size_t count, const fe factor) {
  fe w, wj, step, scale, m_inv;
  root_of_unity(w, log_m);
  uint64_t e[4] = {first, 0, 0, 0};
  fe_pow(&sb_fr, wj, w, e);
  e[0] = stride;
  fe_pow(&sb_fr, step, w, e);
  e[0] = (uint64_t)1 << log_m;
  fe_pow(&sb_fr, scale, tau, e);
  fe_sub(&sb_fr, scale, scale, sb_fr.one);
  int status = fe_is_zero(scale) ? SB_ERR_ARGUMENT : SB_OK;
  fe m = {e[0], 0, 0, 0};
  fe_to_mont(&sb_fr, m, m);
  fe_inv(&sb_fr, m_inv, m);
  fe_mul(&sb_fr, scale, scale, m_inv);
  fe_mul(&sb_fr, scale, scale, factor);
  for (size_t k = 0; k < count; k++) {
    fe_sub(&sb_fr, inverses[k], tau, wj);
    fe_mul(&sb_fr, out[k], wj, scale);
    fe_mul(&sb_fr, wj, wj, step);
  }
  fe_batch_inv(&sb_fr, inverses, inverses, scratch, count); /* in place: see fe_batch_inv */
  for (size_t k = 0; k < count; k++) {
    fe_mul(&sb_fr, out[k], out[k], inverses[k]);
  }
  explicit_bzero(scale, sizeof scale);
  return status;
}

/* Reads a 32-byte little-endian canonical Fr integer into Montgomery form. */
static int read_fr(fe out, const uint8_t *bytes) {
  if (fe_read_le(&sb_fr, out, bytes) != 0) {
    return SB_ERR_NONCANONICAL;
  }
  fe_to_mont(&sb_fr, out, out);
  return SB_OK;
}

static uint32_t read_u32(const uint8_t *bytes) {
  return (uint32_t)bytes[0] | (uint32_t)bytes[1] << 8 | (uint32_t)bytes[2] << 16 |
         (uint32_t)bytes[3] << 24;
}

/* Checks every term before anything is computed. */
static int check_terms(const uint8_t *terms, size_t n_terms, uint32_t n_constraints,
                       uint32_t n_vars) {
  for (size_t t = 0; t < n_terms; t++) {
    const uint8_t *term = terms + SB_SETUP_TERM_BYTES * t;
    fe v;
    if (read_u32(term) > 2 || read_u32(term + 4) >= n_constraints || read_u32(term + 8) >= n_vars) {
      return SB_ERR_ARGUMENT;
    }
    if (fe_read_le(&sb_fr, v, term + 12) != 0) {
      return SB_ERR_NONCANONICAL;
    }
  }
  return SB_OK;
}

static int check_arguments(size_t toxic_len, uint32_t n_constraints, uint32_t n_vars,
                           uint32_t n_public, uint32_t domain_size, size_t terms_len,
                           size_t key_points_len, size_t ic_len, size_t a_len, size_t b1_len,
                           size_t b2_len, size_t c_len, size_t h_len) {
  if (n_constraints == 0 || n_public >= n_vars || n_vars > SB_MAX_COUNT ||
      domain_size > SB_SETUP_MAX_DOMAIN || (domain_size & (domain_size - 1)) != 0 ||
      (uint64_t)n_constraints + n_public + 1 > domain_size) {
    return SB_ERR_ARGUMENT;
  }
  if (toxic_len != 5 * 32 || terms_len % SB_SETUP_TERM_BYTES != 0 ||
      terms_len / SB_SETUP_TERM_BYTES > SB_MAX_COUNT || key_points_len != SB_SETUP_KEY_POINT_BYTES ||
      ic_len != (size_t)g1_BYTES * (n_public + 1) || a_len != (size_t)g1_BYTES * n_vars ||
      b1_len != a_len || b2_len != (size_t)g2_BYTES * n_vars ||
      c_len != (size_t)g1_BYTES * (n_vars - n_public - 1) ||
      h_len != (size_t)g1_BYTES * domain_size) {
    return SB_ERR_LENGTH;
  }
  return SB_OK;
}

SB_EXPORT int sb_groth16_dev_setup(const uint8_t *toxic, size_t toxic_len, uint32_t n_constraints,
                                   uint32_t n_vars, uint32_t n_public, uint32_t domain_size,
                                   const uint8_t *terms, size_t terms_len, uint8_t *key_points,
                                   size_t key_points_len, uint8_t *ic, size_t ic_len, uint8_t *a,
                                   size_t a_len, uint8_t *b1, size_t b1_len, uint8_t *b2,
                                   size_t b2_len, uint8_t *c, size_t c_len, uint8_t *h,
                                   size_t h_len) {
  if (toxic == NULL || (terms == NULL && terms_len != 0) || key_points == NULL || ic == NULL ||
      a == NULL || b1 == NULL || b2 == NULL || (c == NULL && c_len != 0) || h == NULL) {
    return SB_ERR_NULL;
  }
  int status = check_arguments(toxic_len, n_constraints, n_vars, n_public, domain_size, terms_len,
                               key_points_len, ic_len, a_len, b1_len, b2_len, c_len, h_len);
  size_t n_terms = terms_len / SB_SETUP_TERM_BYTES;
  if (status == SB_OK) {
    status = check_terms(terms, n_terms, n_constraints, n_vars);
  }
  if (status != SB_OK) {
    return status;
  }
  enum { TAU, ALPHA, BETA, GAMMA, DELTA };
  fe x[5] = {{0}}, gamma_inv, delta_inv;
  for (int i = 0; i < 5 && status == SB_OK; i++) {
    status = read_fr(x[i], toxic + 32 * i);
    if (status == SB_OK && fe_is_zero(x[i])) {
      status = SB_ERR_ARGUMENT;
    }
  }
  fe_inv(&sb_fr, gamma_inv, x[GAMMA]);
  fe_inv(&sb_fr, delta_inv, x[DELTA]);

  size_t rows = (size_t)n_constraints + n_public + 1; /* with snarkjs's public-input rows */
  size_t lagrange_len = rows > BATCH ? rows : BATCH;
  fe *lag = malloc(sizeof(fe) * lagrange_len);
  fe *inverses = malloc(sizeof(fe) * lagrange_len);
  fe *scratch = malloc(sizeof(fe) * lagrange_len);
  fe *abc = calloc(3 * (size_t)n_vars, sizeof(fe)); /* a_s, b_s, c_s; zero in Montgomery form */
  g1_aff g1_base, *g1_table = NULL;
  g2_aff g2_base, *g2_table = NULL;
  if (status == SB_OK && (lag == NULL || inverses == NULL || scratch == NULL || abc == NULL)) {
    status = SB_ERR_MEMORY;
  }
  if (status == SB_OK) {
    fe_to_mont(&sb_fp, g1_base.x, G1_GENERATOR[0]);
    fe_to_mont(&sb_fp, g1_base.y, G1_GENERATOR[1]);
    for (int k = 0; k < 2; k++) {
      fe_to_mont(&sb_fp, g2_base.x + 4 * k, G2_GENERATOR[k]);
      fe_to_mont(&sb_fp, g2_base.y + 4 * k, G2_GENERATOR[2 + k]);
    }
    g1_table = g1_table_new(&g1_base);
    g2_table = g2_table_new(&g2_base);
    status = g1_table && g2_table ? SB_OK : SB_ERR_MEMORY;
  }
  int log_n = log2_of(domain_size);
  /* tau must be outside the 2n domain of H, which contains the n domain */
  if (status == SB_OK) {
    status = lagrange(lag, inverses, scratch, x[TAU], log_n + 1, 0, 1, 1, sb_fr.one);
  }
  if (status == SB_OK) {
    status = lagrange(lag, inverses, scratch, x[TAU], log_n, 0, 1, rows, sb_fr.one);
  }
  fe *as = abc, *bs = abc + n_vars, *cs = abc + 2 * (size_t)n_vars;
  if (status == SB_OK) {
    for (size_t t = 0; t < n_terms; t++) {
      const uint8_t *term = terms + SB_SETUP_TERM_BYTES * t;
      fe *sum = abc + (size_t)read_u32(term) * n_vars + read_u32(term + 8);
      fe v;
      read_fr(v, term + 12);
      fe_mul(&sb_fr, v, v, lag[read_u32(term + 4)]);
      fe_add(&sb_fr, *sum, *sum, v);
    }
    for (uint32_t s = 0; s <= n_public; s++) { /* zkey_new.js: A gets 1 at row nConstraints + s */
      fe_add(&sb_fr, as[s], as[s], lag[n_constraints + s]);
    }
    status = g1_fixed_base(a, g1_table, as, n_vars);
  }
  if (status == SB_OK) {
    status = g1_fixed_base(b1, g1_table, bs, n_vars);
  }
  if (status == SB_OK) {
    status = g2_fixed_base(b2, g2_table, bs, n_vars);
  }
  if (status == SB_OK) {
    for (size_t s = 0; s < n_vars; s++) { /* (beta a_s + alpha b_s + c_s) / (gamma or delta) */
      fe t;
      fe_mul(&sb_fr, t, x[BETA], as[s]);
      fe_add(&sb_fr, cs[s], cs[s], t);
      fe_mul(&sb_fr, t, x[ALPHA], bs[s]);
      fe_add(&sb_fr, cs[s], cs[s], t);
      fe_mul(&sb_fr, cs[s], cs[s], s <= n_public ? gamma_inv : delta_inv);
      explicit_bzero(t, sizeof t);
    }
    status = g1_fixed_base(ic, g1_table, cs, n_public + 1);
  }
  if (status == SB_OK) {
    status = g1_fixed_base(c, g1_table, cs + n_public + 1, n_vars - n_public - 1);
  }
  for (size_t start = 0; status == SB_OK && start < domain_size; start += BATCH) {
    size_t m = domain_size - start < BATCH ? domain_size - start : BATCH;
    status = lagrange(lag, inverses, scratch, x[TAU], log_n + 1, 2 * start + 1, 2, m, delta_inv);
    if (status == SB_OK) {
      status = g1_fixed_base(h + (size_t)g1_BYTES * start, g1_table, lag, m);
    }
  }
  if (status == SB_OK) {
    fe g1_scalars[3], g2_scalars[3];
    fe_copy(g1_scalars[0], x[ALPHA]);
    fe_copy(g1_scalars[1], x[BETA]);
    fe_copy(g1_scalars[2], x[DELTA]);
    fe_copy(g2_scalars[0], x[BETA]);
    fe_copy(g2_scalars[1], x[GAMMA]);
    fe_copy(g2_scalars[2], x[DELTA]);
    uint8_t g1_points[3 * g1_BYTES], g2_points[3 * g2_BYTES];
    status = g1_fixed_base(g1_points, g1_table, g1_scalars, 3);
    if (status == SB_OK) {
      status = g2_fixed_base(g2_points, g2_table, g2_scalars, 3);
    }
    /* alpha1, beta1, beta2, gamma2, delta1, delta2 */
    memcpy(key_points, g1_points, 2 * g1_BYTES);
    memcpy(key_points + 2 * g1_BYTES, g2_points, 2 * g2_BYTES);
    memcpy(key_points + 2 * g1_BYTES + 2 * g2_BYTES, g1_points + 2 * g1_BYTES, g1_BYTES);
    memcpy(key_points + 3 * g1_BYTES + 2 * g2_BYTES, g2_points + 2 * g2_BYTES, g2_BYTES);
    explicit_bzero(g1_scalars, sizeof g1_scalars);
    explicit_bzero(g2_scalars, sizeof g2_scalars);
  }
  explicit_bzero(x, sizeof x);
  explicit_bzero(gamma_inv, sizeof gamma_inv);
  explicit_bzero(delta_inv, sizeof delta_inv);
  wipe_free(lag, sizeof(fe) * lagrange_len);
  wipe_free(inverses, sizeof(fe) * lagrange_len);
  wipe_free(scratch, sizeof(fe) * lagrange_len);
  wipe_free(abc, sizeof(fe) * 3 * (size_t)n_vars);
  free(g1_table);
  free(g2_table);
  return status;
}
