/*
 * Pippenger's bucket method for one group, included by msm.c once per group with G (g1, g2)
 * and E_NEG(out, a) (negation of a coordinate) defined. Scalars are recoded into signed
 * c-bit digits in [-2^(c-1), 2^(c-1)], so each window needs 2^(c-1) buckets and a negative
 * digit adds the negated point; zero scalars and infinity points are dropped up front, and a
 * zero digit costs nothing, so the many 0/1 wires of a circom witness are almost free.
 * Work is split into (window, point range) tasks on the shared pool; buckets are Jacobian,
 * filled with mixed additions.
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

static void MFN(msm_task)(void *ctx, size_t task) {
  MFN(msm_job) *job = ctx;
  size_t w = task / job->chunks, chunk = task % job->chunks;
  size_t lo = job->m * chunk / job->chunks, hi = job->m * (chunk + 1) / job->chunks;
  size_t count = (size_t)1 << (job->c - 1);
  MJAC *buckets = malloc(count * sizeof(MJAC));
  if (buckets == NULL) {
    job->failed = 1;
    return;
  }
  for (size_t b = 0; b < count; b++) {
    MFN(set_infinity)(&buckets[b]);
  }
  const int32_t *digits = job->digits + w * job->m;
  for (size_t i = lo; i < hi; i++) {
    int32_t d = digits[i];
    if (d == 0) {
      continue;
    }
    const MAFF *p = &job->points[job->index[i]];
    if (d > 0) {
      MFN(add_mixed)(&buckets[d - 1], &buckets[d - 1], p);
    } else {
      MAFF negated = *p;
      E_NEG(negated.y, p->y);
      MFN(add_mixed)(&buckets[-d - 1], &buckets[-d - 1], &negated);
    }
  }
  /* sum of (b + 1) * bucket[b] as a running sum from the top bucket down */
  MJAC running, sum;
  MFN(set_infinity)(&running);
  MFN(set_infinity)(&sum);
  for (size_t b = count; b-- > 0;) {
    MFN(add)(&running, &running, &buckets[b]);
    MFN(add)(&sum, &sum, &running);
  }
  job->partial[task] = sum;
  free(buckets);
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
