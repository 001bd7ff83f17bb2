/*
 * The Groth16 prover (prover.h), step for step as snarkjs's src/groth16_prove.js:
 *  - A and B evaluated on the domain from the coefficient section (sparse rows of the key,
 *    buildABC1), C = A o B pointwise;
 *  - each of A, B, C interpolated (inverse NTT), moved to the coset by multiplying coefficient
 *    i by inc^i with inc the 2n-th root of unity (Fr.shift when n = 2^28), evaluated there
 *    (NTT); the H scalars are A*B - C on that coset, in natural order (joinABC);
 *  - pi_a = MSM(A points, w) + alpha1 + r delta1, pi_b = MSM(B2, w) + beta2 + s delta2,
 *    B1 = MSM(B1, w) + beta1 + s delta1, pi_c = MSM(C, w[nPublic+1..]) + MSM(H, h) + s pi_a
 *    + r B1 - r s delta1.
 * The key is checked once when it is made and then read in place from the caller's memory (the
 * memory-mapped zkey), so proofs neither re-read nor copy it. When the caller says the sections
 * are a read-only file mapping (SB_KEY_FILE_MAPPED), every pass over a section is followed by
 * madvise(MADV_DONTNEED) on its whole pages: the page cache keeps them and the next pass maps
 * them again (a minor fault per 64 KiB of fault-around), so the process's resident size holds
 * the section in use, not the whole key. The coefficient section (about 70% of a key) is read in
 * chunks of COEFF_CHUNK entries, each dropped by whichever of the two matrices' tasks passes it
 * second (a counter per chunk, so neither task waits for the other).
 */
#define _DEFAULT_SOURCE /* madvise, sysconf under -std=c11 */
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "pool.h"
#include "prover.h"

struct sb_groth16_key {
  uint32_t n_vars, n_public, domain_size;
  unsigned log_domain;
  g1_aff alpha1, beta1, delta1;
  g2_aff beta2, delta2;
  size_t n_coeffs;
  const uint8_t *coeffs; /* the caller's section 4 after its count */
  const g1_aff *a, *b1, *c, *h;
  const g2_aff *b2;
  void *owned[5]; /* aligned copies of point sections that were not 8-byte aligned */
  int file_mapped; /* SB_KEY_FILE_MAPPED: pages of the caller's sections may be dropped */
};

#define COEFF_BYTES (3 * 4 + 32)
/* Coefficients per chunk of the rows step and of the check (2.75 MiB of the section). */
#define COEFF_CHUNK ((size_t)1 << 16)
#define VK_BYTES (3 * g1_BYTES + 2 * g2_BYTES)

static uint32_t u32_le(const uint8_t *b) {
  return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
}

/* Drops the whole pages of the caller's [bytes, bytes + len) from this process's resident set
 * when the key's sections are a file mapping (else nothing: for anonymous memory MADV_DONTNEED
 * would zero them). The content stays in the page cache; a failure only leaves pages resident. */
static void release_pages(const sb_groth16_key *key, const void *bytes, size_t len) {
  if (!key->file_mapped || len == 0) {
    return;
  }
  uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
  uintptr_t lo = ((uintptr_t)bytes + page - 1) & ~(page - 1);
  uintptr_t hi = ((uintptr_t)bytes + len) & ~(page - 1);
  if (hi > lo) {
    madvise((void *)lo, hi - lo, MADV_DONTNEED);
  }
}

/* release_pages for point section `i` (0 A, 1 B1, 2 B2, 3 C, 4 H) unless it is an owned copy. */
static void release_points(const sb_groth16_key *key, int i, const void *points, size_t len) {
  if (key->owned[i] == NULL) {
    release_pages(key, points, len);
  }
}

/* Checks n points of a section (Montgomery layout, each on its curve) and points *out at them:
 * in place when the bytes are 8-byte aligned (the zkey's affine layout is the library's), else
 * at an aligned copy kept in *owned; then drops the section's pages (release_pages). */
#define CHECK_POINTS(G)                                                                        \
  static int G##_check_points(const sb_groth16_key *key, const G##_aff **out, void **owned,    \
                              const uint8_t *bytes, size_t len, size_t n) {                    \
    if (bytes == NULL) {                                                                       \
      return SB_ERR_NULL;                                                                      \
    }                                                                                          \
    if (len != n * G##_BYTES) {                                                                \
      return SB_ERR_LENGTH;                                                                    \
    }                                                                                          \
    for (size_t i = 0; i < n; i++) {                                                           \
      G##_aff p;                                                                               \
      int status = G##_read(&p, bytes + i * G##_BYTES, 1);                                     \
      if (status != SB_OK) {                                                                   \
        return status;                                                                         \
      }                                                                                        \
    }                                                                                          \
    if ((uintptr_t)bytes % sizeof(uint64_t) == 0) {                                            \
      *out = (const G##_aff *)(const void *)bytes;                                             \
    } else {                                                                                   \
      *owned = malloc(len > 0 ? len : 1);                                                      \
      if (*owned == NULL) {                                                                    \
        return SB_ERR_MEMORY;                                                                  \
      }                                                                                        \
      memcpy(*owned, bytes, len);                                                              \
      *out = *owned;                                                                           \
    }                                                                                          \
    release_pages(key, bytes, len);                                                            \
    return SB_OK;                                                                              \
  }
CHECK_POINTS(g1)
CHECK_POINTS(g2)

static int check_coefficients(sb_groth16_key *key, const uint8_t *bytes, size_t len) {
  if (bytes == NULL) {
    return SB_ERR_NULL;
  }
  if (len < 4) {
    return SB_ERR_LENGTH;
  }
  key->n_coeffs = u32_le(bytes);
  if (len != 4 + key->n_coeffs * COEFF_BYTES) {
    return SB_ERR_LENGTH;
  }
  key->coeffs = bytes + 4;
  for (size_t i = 0; i < key->n_coeffs; i++) {
    const uint8_t *entry = key->coeffs + i * COEFF_BYTES;
    fe value;
    if (u32_le(entry) > 1 || u32_le(entry + 4) >= key->domain_size ||
        u32_le(entry + 8) >= key->n_vars) {
      return SB_ERR_ARGUMENT;
    }
    if (fe_read_le(&sb_fr, value, entry + 12) != 0) {
      return SB_ERR_NONCANONICAL;
    }
    if ((i + 1) % COEFF_CHUNK == 0) {
      release_pages(key, entry + COEFF_BYTES - COEFF_CHUNK * COEFF_BYTES, COEFF_CHUNK * COEFF_BYTES);
    }
  }
  release_pages(key, bytes, len);
  return SB_OK;
}

SB_EXPORT void sb_groth16_key_free(sb_groth16_key *key) {
  if (key == NULL) {
    return;
  }
  for (int i = 0; i < 5; i++) {
    free(key->owned[i]);
  }
  free(key);
}

SB_EXPORT int sb_groth16_key_new(uint32_t n_vars, uint32_t n_public, uint32_t domain_size,
                                 const uint8_t *vk, size_t vk_len,
                                 const uint8_t *const *sections, const size_t *lengths,
                                 size_t count, uint32_t flags, sb_groth16_key **out) {
  if (out == NULL || vk == NULL || sections == NULL || lengths == NULL) {
    return SB_ERR_NULL;
  }
  if (count != SB_ZKEY_SECTIONS || (flags & ~(uint32_t)SB_KEY_FILE_MAPPED) != 0) {
    return SB_ERR_ARGUMENT;
  }
  *out = NULL;
  if (n_vars < n_public + 1 || n_vars > SB_MAX_COUNT || domain_size == 0 ||
      (domain_size & (domain_size - 1)) != 0 ||
      domain_size > ((uint32_t)1 << SB_FR_TWO_ADICITY)) {
    return SB_ERR_ARGUMENT;
  }
  if (vk_len != VK_BYTES) {
    return SB_ERR_LENGTH;
  }
  sb_groth16_key *key = calloc(1, sizeof(sb_groth16_key));
  if (key == NULL) {
    return SB_ERR_MEMORY;
  }
  key->file_mapped = (flags & SB_KEY_FILE_MAPPED) != 0;
  key->n_vars = n_vars;
  key->n_public = n_public;
  key->domain_size = domain_size;
  while (((uint32_t)1 << key->log_domain) < domain_size) {
    key->log_domain++;
  }
  g1_aff *vk1[3] = {&key->alpha1, &key->beta1, &key->delta1};
  g2_aff *vk2[2] = {&key->beta2, &key->delta2};
  int status = SB_OK;
  for (int i = 0; i < 3 && status == SB_OK; i++) {
    status = g1_read(vk1[i], vk + i * g1_BYTES, 1);
  }
  for (int i = 0; i < 2 && status == SB_OK; i++) {
    status = g2_read(vk2[i], vk + 3 * g1_BYTES + i * g2_BYTES, 1);
  }
  if (status == SB_OK) status = check_coefficients(key, sections[0], lengths[0]);
  if (status == SB_OK) {
    status = g1_check_points(key, &key->a, &key->owned[0], sections[1], lengths[1], n_vars);
  }
  if (status == SB_OK) {
    status = g1_check_points(key, &key->b1, &key->owned[1], sections[2], lengths[2], n_vars);
  }
  if (status == SB_OK) {
    status = g2_check_points(key, &key->b2, &key->owned[2], sections[3], lengths[3], n_vars);
  }
  if (status == SB_OK) {
    size_t privates = n_vars - n_public - 1;
    status = g1_check_points(key, &key->c, &key->owned[3], sections[4], lengths[4], privates);
  }
  if (status == SB_OK) {
    status = g1_check_points(key, &key->h, &key->owned[4], sections[5], lengths[5], domain_size);
  }
  if (status != SB_OK) {
    sb_groth16_key_free(key);
    return status;
  }
  *out = key;
  return SB_OK;
}

/* The quotient's work, in steps that each run on the pool: A and B from the coefficients (one
 * task per matrix), C = A o B and then the H scalars in ranges, the three coset moves. */
typedef struct {
  const sb_groth16_key *key;
  atomic_uint *passes; /* per chunk of COEFF_CHUNK coefficients: the rows tasks done with it */
  const fe *w;   /* canonical witness */
  fe *poly[3];   /* A, B, C: Montgomery values */
  fe *h;         /* canonical H scalars */
  size_t ranges; /* tasks of the pointwise steps */
  fe shift;
  int failed;
} quotient_job;

/* A rows task is done with chunk j of the coefficients: the second one drops its pages. */
static void chunk_done(quotient_job *job, size_t j) {
  const sb_groth16_key *key = job->key;
  if (atomic_fetch_add(&job->passes[j], 1) == 1) {
    size_t lo = j * COEFF_CHUNK;
    size_t hi = key->n_coeffs - lo > COEFF_CHUNK ? lo + COEFF_CHUNK : key->n_coeffs;
    release_pages(key, key->coeffs + lo * COEFF_BYTES, (hi - lo) * COEFF_BYTES);
  }
}

/* Adds each coefficient of matrix `index` (0 = A, 1 = B) times its wire into its row, chunk by
 * chunk (chunk_done). */
static void rows_task(void *ctx, size_t index) {
  quotient_job *job = ctx;
  const sb_groth16_key *key = job->key;
  fe *row = job->poly[index];
  for (size_t i = 0; i < key->n_coeffs; i++) {
    if (i > 0 && i % COEFF_CHUNK == 0) {
      chunk_done(job, i / COEFF_CHUNK - 1);
    }
    /* the key stores v R^2, so its Montgomery product with the canonical w is (v w) R, the
     * Montgomery form of v w */
    const uint8_t *entry = key->coeffs + i * COEFF_BYTES;
    if (u32_le(entry) != index) {
      continue;
    }
    fe value, t;
    memcpy(value, entry + 12, sizeof(fe));
    uint32_t constraint = u32_le(entry + 4);
    fe_mul(&sb_fr, t, value, job->w[u32_le(entry + 8)]);
    fe_add(&sb_fr, row[constraint], row[constraint], t);
  }
  if (key->n_coeffs > 0) {
    chunk_done(job, (key->n_coeffs - 1) / COEFF_CHUNK);
  }
}

static void product_task(void *ctx, size_t index) {
  quotient_job *job = ctx;
  size_t n = job->key->domain_size;
  for (size_t i = n * index / job->ranges; i < n * (index + 1) / job->ranges; i++) {
    fe_mul(&sb_fr, job->poly[2][i], job->poly[0][i], job->poly[1][i]);
  }
}

/* One of A, B, C from the domain to its coset: interpolate, scale coefficient i by shift^i,
 * evaluate. */
static void coset_task(void *ctx, size_t index) {
  quotient_job *job = ctx;
  fe *p = job->poly[index];
  if (fr_ntt(p, job->key->log_domain, 1) != SB_OK) {
    job->failed = 1;
    return;
  }
  fr_scale_powers(p, job->key->domain_size, job->shift);
  if (fr_ntt(p, job->key->log_domain, 0) != SB_OK) {
    job->failed = 1;
  }
}

static void scalars_task(void *ctx, size_t index) {
  quotient_job *job = ctx;
  size_t n = job->key->domain_size;
  for (size_t i = n * index / job->ranges; i < n * (index + 1) / job->ranges; i++) {
    fe_mul(&sb_fr, job->h[i], job->poly[0][i], job->poly[1][i]);
    fe_sub(&sb_fr, job->h[i], job->h[i], job->poly[2][i]);
    fe_from_mont(&sb_fr, job->h[i], job->h[i]);
  }
}

/* The H scalars (canonical) from the canonical witness. */
static int quotient_scalars(const sb_groth16_key *key, const fe *w, fe *h) {
  size_t n = key->domain_size;
  fe *abc = calloc(3 * n, sizeof(fe));
  atomic_uint *passes = calloc(key->n_coeffs / COEFF_CHUNK + 1, sizeof(atomic_uint));
  if (abc == NULL || passes == NULL) {
    free(passes);
    free(abc);
    return SB_ERR_MEMORY;
  }
  quotient_job job = {.key = key, .passes = passes, .w = w, .poly = {abc, abc + n, abc + 2 * n},
                      .h = h, .ranges = 4 * sb_pool_threads(), .failed = 0};
  if (key->log_domain < SB_FR_TWO_ADICITY) {
    fr_root_of_unity(job.shift, key->log_domain + 1);
  } else { /* ffjavascript's Fr.shift = nqr^2 = 25 */
    fe shift = {25, 0, 0, 0};
    fe_to_mont(&sb_fr, job.shift, shift);
  }
  sb_parallel_for(2, rows_task, &job);
  /* the pages that straddle two chunks */
  release_pages(key, key->coeffs, key->n_coeffs * COEFF_BYTES);
  sb_parallel_for(job.ranges, product_task, &job);
  sb_parallel_for(3, coset_task, &job);
  if (!job.failed) {
    sb_parallel_for(job.ranges, scalars_task, &job);
  }
  free(passes);
  free(abc);
  return job.failed ? SB_ERR_MEMORY : SB_OK;
}

/* out = p + q + [k] d for affine p (Jacobian in), affine q and d. */
static void g1_blind(g1_jac *out, const g1_aff *q, const g1_aff *d, const fe k) {
  g1_jac t;
  g1_add_mixed(out, out, q);
  g1_mul(&t, d, k);
  g1_add(out, out, &t);
}

SB_EXPORT int sb_groth16_prove(const sb_groth16_key *key, const uint8_t *witness,
                               size_t witness_len, const uint8_t *rs, size_t rs_len,
                               uint8_t *out, size_t out_len) {
  if (key == NULL || witness == NULL || rs == NULL || out == NULL) {
    return SB_ERR_NULL;
  }
  if (witness_len != (size_t)key->n_vars * 32 || rs_len != 64 ||
      out_len != 2 * g1_BYTES + g2_BYTES) {
    return SB_ERR_LENGTH;
  }
  fe r, s;
  if (fe_read_le(&sb_fr, r, rs) != 0 || fe_read_le(&sb_fr, s, rs + 32) != 0) {
    return SB_ERR_NONCANONICAL;
  }
  size_t n = key->n_vars;
  fe *w = malloc(n * sizeof(fe));
  fe *h = malloc((size_t)key->domain_size * sizeof(fe));
  int status = w != NULL && h != NULL ? SB_OK : SB_ERR_MEMORY;
  for (size_t i = 0; i < n && status == SB_OK; i++) {
    if (fe_read_le(&sb_fr, w[i], witness + 32 * i) != 0) {
      status = SB_ERR_NONCANONICAL;
    }
  }
  if (status == SB_OK) {
    status = quotient_scalars(key, w, h);
  }
  /* H first, so that its scalars are freed before the other four MSMs; each section's pages
   * are dropped after its MSM */
  g1_jac pi_a, b1, pi_c, res_h;
  g2_jac pi_b;
  size_t first = (size_t)key->n_public + 1;
  if (status == SB_OK) status = g1_msm(&res_h, key->h, h, key->domain_size);
  release_points(key, 4, key->h, (size_t)key->domain_size * g1_BYTES);
  free(h);
  if (status == SB_OK) status = g1_msm(&pi_a, key->a, w, n);
  release_points(key, 0, key->a, n * g1_BYTES);
  if (status == SB_OK) status = g1_msm(&b1, key->b1, w, n);
  release_points(key, 1, key->b1, n * g1_BYTES);
  if (status == SB_OK) status = g2_msm(&pi_b, key->b2, w, n);
  release_points(key, 2, key->b2, n * g2_BYTES);
  if (status == SB_OK) status = g1_msm(&pi_c, key->c, w + first, n - first);
  release_points(key, 3, key->c, (n - first) * g1_BYTES);
  if (status == SB_OK) {
    g1_aff a_aff, b1_aff, c_aff;
    g2_aff b_aff;
    g1_blind(&pi_a, &key->alpha1, &key->delta1, r);
    g1_blind(&b1, &key->beta1, &key->delta1, s);
    g2_jac t2;
    g2_add_mixed(&pi_b, &pi_b, &key->beta2);
    g2_mul(&t2, &key->delta2, s);
    g2_add(&pi_b, &pi_b, &t2);
    g1_to_affine(&a_aff, &pi_a);
    g1_to_affine(&b1_aff, &b1);
    g1_jac t;
    g1_add(&pi_c, &pi_c, &res_h);
    g1_mul(&t, &a_aff, s);
    g1_add(&pi_c, &pi_c, &t);
    g1_mul(&t, &b1_aff, r);
    g1_add(&pi_c, &pi_c, &t);
    fe rm, sm, neg_rs;
    fe_to_mont(&sb_fr, rm, r);
    fe_to_mont(&sb_fr, sm, s);
    fe_mul(&sb_fr, neg_rs, rm, sm);
    fe_from_mont(&sb_fr, neg_rs, neg_rs);
    fe_neg(&sb_fr, neg_rs, neg_rs);
    g1_mul(&t, &key->delta1, neg_rs);
    g1_add(&pi_c, &pi_c, &t);
    g1_to_affine(&c_aff, &pi_c);
    g2_to_affine(&b_aff, &pi_b);
    g1_write(out, &a_aff, 0);
    g2_write(out + g1_BYTES, &b_aff, 0);
    g1_write(out + g1_BYTES + g2_BYTES, &c_aff, 0);
  }
  free(w);
  return status;
}
