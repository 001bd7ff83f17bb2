/*
 * Multi-scalar multiplication in G1 and G2 (prover.h): msm_impl.h instantiated per group, with
 * the scalar recoding and window choice shared here.
 */
#include <stdlib.h>

#include "pool.h"
#include "prover.h"

/* Affine additions per shared inversion in a bucket task: at most MAX (an eighth of the
 * buckets, so that few points find their bucket already waiting), and batching only pays from
 * MIN on (one inversion costs about 250 multiplications). */
#define MSM_MAX_BATCH 1024
#define MSM_MIN_BATCH 64

/* Scalars are below 2^254 (r < 2^254). */
#define SCALAR_BITS 254

/* Windows of c bits that hold a signed recoding of any scalar below 2^254: the top window's
 * digit stays within 2^(c-1) once the windows cover 255 bits. */
static unsigned msm_windows(unsigned c) { return SCALAR_BITS / c + 1; }

/* The window width with the fewest additions for m terms: each window costs m bucket additions
 * and 2 * 2^(c-1) to sum its buckets. */
static unsigned msm_window_bits(size_t m) {
  unsigned best = 2;
  double best_cost = 0;
  for (unsigned c = 2; c <= 20; c++) {
    double cost = (double)msm_windows(c) * ((double)m + (double)((size_t)1 << c));
    if (c == 2 || cost < best_cost) {
      best = c;
      best_cost = cost;
    }
  }
  return best;
}

/* c bits of k from bit position `bit` (bits above 255 read as zero). */
static uint32_t scalar_bits(const uint64_t *k, unsigned bit, unsigned c) {
  unsigned limb = bit / 64, shift = bit % 64;
  if (limb >= 4) {
    return 0;
  }
  uint64_t v = k[limb] >> shift;
  if (shift + c > 64 && limb + 1 < 4) {
    v |= k[limb + 1] << (64 - shift);
  }
  return (uint32_t)(v & (((uint64_t)1 << c) - 1));
}

/* digits[w * m + i] for the scalars of the m indexed terms: sum of d_w 2^(c w) equals k with
 * every d_w in [-2^(c-1) + 1, 2^(c-1)]. */
static void msm_recode(int32_t *digits, const fe *scalars, const uint32_t *index, size_t m,
                       unsigned c, unsigned windows) {
  int32_t half = (int32_t)1 << (c - 1), full = (int32_t)1 << c;
  for (size_t i = 0; i < m; i++) {
    const uint64_t *k = scalars[index[i]];
    int32_t carry = 0;
    for (unsigned w = 0; w < windows; w++) {
      int32_t d = (int32_t)scalar_bits(k, w * c, c) + carry;
      carry = d > half;
      digits[(size_t)w * m + i] = carry ? d - full : d;
    }
  }
}

#define G g1
#define E fe
#define E_NEG(o, a) fe_neg(&sb_fp, o, a)
#include "msm_impl.h"
#undef G
#undef E
#undef E_NEG

#define G g2
#define E fp2
#define E_NEG fp2_neg
#include "msm_impl.h"
#undef G
#undef E
#undef E_NEG

/* The exported MSM of one group: reads and checks points and scalars, then G##_msm. */
#define SB_MSM_EXPORT(G)                                                                       \
  SB_EXPORT int sb_##G##_msm(const uint8_t *points, size_t points_len, const uint8_t *scalars, \
                             size_t scalars_len, uint8_t *out, size_t out_len) {               \
    if (points == NULL || scalars == NULL || out == NULL) {                                    \
      return SB_ERR_NULL;                                                                      \
    }                                                                                          \
    size_t n = scalars_len / 32;                                                               \
    if (scalars_len % 32 != 0 || n > SB_MAX_COUNT || points_len != n * G##_BYTES ||            \
        out_len != G##_BYTES) {                                                                \
      return SB_ERR_LENGTH;                                                                    \
    }                                                                                          \
    G##_aff *p = malloc((n > 0 ? n : 1) * sizeof(G##_aff));                                    \
    fe *k = malloc((n > 0 ? n : 1) * sizeof(fe));                                              \
    int status = p != NULL && k != NULL ? SB_OK : SB_ERR_MEMORY;                               \
    for (size_t i = 0; i < n && status == SB_OK; i++) {                                        \
      status = G##_read(&p[i], points + i * G##_BYTES, 0);                                     \
      if (status == SB_OK && fe_read_le(&sb_fr, k[i], scalars + 32 * i) != 0) {                \
        status = SB_ERR_NONCANONICAL;                                                          \
      }                                                                                        \
    }                                                                                          \
    G##_jac sum;                                                                               \
    if (status == SB_OK) {                                                                     \
      status = G##_msm(&sum, p, k, n);                                                         \
    }                                                                                          \
    if (status == SB_OK) {                                                                     \
      G##_aff affine;                                                                          \
      G##_to_affine(&affine, &sum);                                                            \
      G##_write(out, &affine, 0);                                                              \
    }                                                                                          \
    free(k);                                                                                   \
    free(p);                                                                                   \
    return status;                                                                             \
  }

SB_MSM_EXPORT(g1)
SB_MSM_EXPORT(g2)

SB_EXPORT int sb_prover_threads(void) { return (int)sb_pool_threads(); }
