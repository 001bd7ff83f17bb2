/*
 * Pippenger's bucket method for one group, included by msm.c once per group with G (g1, g2)
 * and E_NEG(out, a) (negation of a coordinate) defined. Scalars are recoded into signed
 * c-bit digits in [-2^(c-1), 2^(c-1)], so each window needs 2^(c-1) buckets and a negative
 * digit adds the negated point; zero scalars and infinity points are dropped up front, and a
 * zero digit costs nothing, so the many 0/1 wires of a circom witness are almost free.
 * Work is split into (window, point range) tasks on the shared pool; buckets are affine, filled
 * by batched affine additions (msm_task says how).
 */
#define MCAT_(a, b) a##_##b
#define MCAT(a, b) MCAT_(a, b)
#define MFN(name) MCAT(G, name)
#define MJAC MCAT(G, jac)
#define MAFF MCAT(G, aff)

typedef struct {
  const MAFF *points;
  const uint32_t *index; /* the m terms with a non-zero scalar and a finite point */
  const int32_t *digits; /* window-major: digits[w * m + i] */
  size_t m;
  unsigned c, chunks;
  MJAC *partial; /* one sum per task */
  int failed;
} MFN(msm_job);

/* Adds the pending pairs (bucket b[j] += point p[j], all buckets distinct) in affine
 * coordinates with one shared inversion; a bucket that becomes infinity is emptied. */
static void MFN(msm_flush)(MAFF *buckets, uint8_t *filled, uint8_t *busy, const uint32_t *b,
                           MAFF *lhs, const MAFF *p, E *scratch, size_t k) {
  for (size_t j = 0; j < k; j++) {
    lhs[j] = buckets[b[j]];
  }
  MFN(batch_add_affine)(lhs, lhs, p, scratch, k);
  for (size_t j = 0; j < k; j++) {
    buckets[b[j]] = lhs[j];
    filled[b[j]] = !MFN(aff_is_infinity)(&lhs[j]);
    busy[b[j]] = 0;
  }
}

static void MFN(msm_task)(void *ctx, size_t task) {
  MFN(msm_job) *job = ctx;
  size_t w = task / job->chunks, chunk = task % job->chunks;
  size_t lo = job->m * chunk / job->chunks, hi = job->m * (chunk + 1) / job->chunks;
  size_t count = (size_t)1 << (job->c - 1);
  /* Buckets are affine, filled in batches of distinct buckets (about 6 multiplications per
   * addition instead of 11 for a mixed Jacobian one); a point whose bucket already waits in the
   * batch goes to a Jacobian twin of the bucket instead. Few buckets (small windows) would make
   * batches too short to pay for their inversion: then everything goes to the Jacobian twins. */
  size_t batch = count / 8 > MSM_MAX_BATCH ? MSM_MAX_BATCH : count / 8;
  if (batch < MSM_MIN_BATCH) {
    batch = 0;
  }
  MJAC *twins = malloc(count * sizeof(MJAC));
  MAFF *buckets = malloc(count * sizeof(MAFF));
  uint8_t *flags = calloc(2 * count, 1); /* filled, then busy */
  uint32_t *pending = malloc((batch + 1) * sizeof(uint32_t));
  MAFF *pairs = malloc(2 * (batch + 1) * sizeof(MAFF)); /* points, then the buckets' copies */
  E *scratch = malloc(3 * (batch + 1) * sizeof(E));
  if (twins == NULL || buckets == NULL || flags == NULL || pending == NULL || pairs == NULL ||
      scratch == NULL) {
    job->failed = 1;
  } else {
    uint8_t *filled = flags, *busy = flags + count;
    MAFF *points = pairs, *lhs = pairs + batch + 1;
    for (size_t b = 0; b < count; b++) {
      MFN(set_infinity)(&twins[b]);
    }
    const int32_t *digits = job->digits + w * job->m;
    size_t k = 0;
    for (size_t i = lo; i < hi; i++) {
      int32_t d = digits[i];
      if (d == 0) {
        continue;
      }
      uint32_t b = (uint32_t)(d > 0 ? d : -d) - 1;
      MAFF p = job->points[job->index[i]];
      if (d < 0) {
        E_NEG(p.y, p.y);
      }
      if (batch == 0 || busy[b]) {
        MFN(add_mixed)(&twins[b], &twins[b], &p);
      } else if (!filled[b]) {
        buckets[b] = p;
        filled[b] = 1;
      } else {
        busy[b] = 1;
        pending[k] = b;
        points[k++] = p;
        if (k == batch) {
          MFN(msm_flush)(buckets, filled, busy, pending, lhs, points, scratch, k);
          k = 0;
        }
      }
    }
    MFN(msm_flush)(buckets, filled, busy, pending, lhs, points, scratch, k);
    /* sum of (b + 1) * bucket[b] as a running sum from the top bucket down */
    MJAC running, sum;
    MFN(set_infinity)(&running);
    MFN(set_infinity)(&sum);
    for (size_t b = count; b-- > 0;) {
      if (filled[b]) {
        MFN(add_mixed)(&running, &running, &buckets[b]);
      }
      MFN(add)(&running, &running, &twins[b]);
      MFN(add)(&sum, &sum, &running);
    }
    job->partial[task] = sum;
  }
  free(scratch);
  free(pairs);
  free(pending);
  free(flags);
  free(buckets);
  free(twins);
}

int MFN(msm)(MJAC *out, const MAFF *points, const fe *scalars, size_t n) {
  MFN(set_infinity)(out);
  uint32_t *index = malloc((n > 0 ? n : 1) * sizeof(uint32_t));
  if (index == NULL) {
    return SB_ERR_MEMORY;
  }
  size_t m = 0;
  for (size_t i = 0; i < n; i++) {
    if (!fe_is_zero(scalars[i]) && !MFN(aff_is_infinity)(&points[i])) {
      index[m++] = (uint32_t)i;
    }
  }
  if (m == 0) {
    free(index);
    return SB_OK;
  }
  unsigned c = msm_window_bits(m);
  unsigned windows = msm_windows(c);
  int32_t *digits = malloc(m * windows * sizeof(int32_t));
  size_t threads = sb_pool_threads();
  unsigned chunks = (unsigned)((2 * threads + windows - 1) / windows);
  MJAC *partial = malloc((size_t)windows * chunks * sizeof(MJAC));
  int status = SB_ERR_MEMORY;
  if (digits != NULL && partial != NULL) {
    msm_recode(digits, scalars, index, m, c, windows);
    MFN(msm_job) job = {.points = points, .index = index, .digits = digits, .m = m, .c = c,
                        .chunks = chunks, .partial = partial, .failed = 0};
    sb_parallel_for((size_t)windows * chunks, MFN(msm_task), &job);
    if (!job.failed) {
      for (unsigned w = windows; w-- > 0;) {
        for (unsigned k = 0; k < c; k++) {
          MFN(dbl)(out, out);
        }
        for (unsigned k = 0; k < chunks; k++) {
          MFN(add)(out, out, &partial[(size_t)w * chunks + k]);
        }
      }
      status = SB_OK;
    }
  }
  free(partial);
  free(digits);
  free(index);
  return status;
}

#undef MCAT_
#undef MCAT
#undef MFN
#undef MJAC
#undef MAFF
