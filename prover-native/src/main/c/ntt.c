/*
 * Radix-2 number-theoretic transforms over Fr (prover.h). The roots of unity are ffjavascript's
 * (node_modules/ffjavascript/src/wasm_field1.js: nqr is the least quadratic non-residue, 5 for
 * BN254 r; w[s] = nqr^t with r - 1 = t * 2^s, s = 28; w[i] = w[i+1]^2), so that our domain is
 * the one snarkjs's H points were made for.
 */
#include <pthread.h>
#include <stdlib.h>

#include "prover.h"

static fe root_max; /* w[28], Montgomery form */
static pthread_once_t roots_ready = PTHREAD_ONCE_INIT;

static void setup_roots(void) {
  /* t = (r - 1) >> 28 */
  uint64_t t[4];
  for (int i = 0; i < 4; i++) {
    t[i] = sb_fr.p[i] >> SB_FR_TWO_ADICITY;
    if (i < 3) {
      t[i] |= sb_fr.p[i + 1] << (64 - SB_FR_TWO_ADICITY);
    }
  }
  fe nqr = {5, 0, 0, 0};
  fe_to_mont(&sb_fr, nqr, nqr);
  fe_pow(&sb_fr, root_max, nqr, t);
}

void fr_root_of_unity(fe out, unsigned log_n) {
  pthread_once(&roots_ready, setup_roots);
  fe_copy(out, root_max);
  for (unsigned i = log_n; i < SB_FR_TWO_ADICITY; i++) {
    fe_sqr(&sb_fr, out, out);
  }
}

static void bit_reverse(fe *a, size_t n, unsigned log_n) {
  for (size_t i = 0; i < n; i++) {
    size_t j = 0;
    for (unsigned b = 0; b < log_n; b++) {
      j |= ((i >> b) & 1) << (log_n - 1 - b);
    }
    if (i < j) {
      fe t;
      fe_copy(t, a[i]);
      fe_copy(a[i], a[j]);
      fe_copy(a[j], t);
    }
  }
}

int fr_ntt(fe *a, unsigned log_n, int inverse) {
  size_t n = (size_t)1 << log_n;
  if (n == 1) {
    return SB_OK;
  }
  fe *twiddles = malloc(n / 2 * sizeof(fe)); /* w^j, j < n/2 */
  if (twiddles == NULL) {
    return SB_ERR_MEMORY;
  }
  fe w;
  fr_root_of_unity(w, log_n);
  if (inverse) {
    fe_inv(&sb_fr, w, w);
  }
  fe_copy(twiddles[0], sb_fr.one);
  for (size_t j = 1; j < n / 2; j++) {
    fe_mul(&sb_fr, twiddles[j], twiddles[j - 1], w);
  }
  bit_reverse(a, n, log_n);
  for (size_t len = 2; len <= n; len <<= 1) {
    size_t half = len / 2, step = n / len;
    for (size_t i = 0; i < n; i += len) {
      for (size_t j = 0; j < half; j++) {
        fe v;
        fe_mul(&sb_fr, v, a[i + j + half], twiddles[j * step]);
        fe_sub(&sb_fr, a[i + j + half], a[i + j], v);
        fe_add(&sb_fr, a[i + j], a[i + j], v);
      }
    }
  }
  free(twiddles);
  if (inverse) {
    fe n_inv = {n, 0, 0, 0};
    fe_to_mont(&sb_fr, n_inv, n_inv);
    fe_inv(&sb_fr, n_inv, n_inv);
    for (size_t i = 0; i < n; i++) {
      fe_mul(&sb_fr, a[i], a[i], n_inv);
    }
  }
  return SB_OK;
}

void fr_scale_powers(fe *a, size_t n, const fe g) {
  fe power;
  fe_copy(power, sb_fr.one);
  for (size_t i = 0; i < n; i++) {
    fe_mul(&sb_fr, a[i], a[i], power);
    fe_mul(&sb_fr, power, power, g);
  }
}

SB_EXPORT int sb_fr_ntt(int inverse, uint8_t *values, size_t values_len) {
  if (values == NULL) {
    return SB_ERR_NULL;
  }
  size_t n = values_len / 32;
  if (values_len % 32 != 0 || n == 0 || (n & (n - 1)) != 0 ||
      n > ((size_t)1 << SB_FR_TWO_ADICITY)) {
    return SB_ERR_LENGTH;
  }
  unsigned log_n = 0;
  while (((size_t)1 << log_n) < n) {
    log_n++;
  }
  fe *a = malloc(n * sizeof(fe));
  if (a == NULL) {
    return SB_ERR_MEMORY;
  }
  for (size_t i = 0; i < n; i++) {
    if (fe_read_le(&sb_fr, a[i], values + 32 * i) != 0) {
      free(a);
      return SB_ERR_NONCANONICAL;
    }
    fe_to_mont(&sb_fr, a[i], a[i]);
  }
  int status = fr_ntt(a, log_n, inverse);
  if (status == SB_OK) {
    for (size_t i = 0; i < n; i++) {
      fe_from_mont(&sb_fr, a[i], a[i]);
      fe_write_le(values + 32 * i, a[i]);
    }
  }
  free(a);
  return status;
}
