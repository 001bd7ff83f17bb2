/*
 * The exported functions of slotbeam.h for fields, curves and Poseidon2: each checks its
 * pointers and lengths, converts between the byte layouts and the internal Montgomery form,
 * and reports bad input as a status, never by aborting.
 */
#include <stdlib.h>
#include <string.h>

#include "curve.h"
#include "field_mul.h"
#include "poseidon2.h"
#include "slotbeam.h"

#define SB_API_VERSION 2

SB_EXPORT int sb_api_version(void) { return SB_API_VERSION; }

/* *count = len / unit when len is a multiple of unit and the count is within SB_MAX_COUNT. */
static int count_of(size_t len, size_t unit, size_t *count) {
  if (len % unit != 0 || len / unit > SB_MAX_COUNT) {
    return SB_ERR_LENGTH;
  }
  *count = len / unit;
  return SB_OK;
}

static int is_unary(int op) {
  return op == SB_OP_SQR || op == SB_OP_INV || op == SB_OP_NEG || op == SB_OP_MONT_ROUND_TRIP;
}

/* Checks a (unary) or a and b (binary) against out, which must hold n elements of unit bytes. */
static int check_operands(int unary, const uint8_t *a, size_t a_len, const uint8_t *b,
                          size_t b_len, const uint8_t *out, size_t out_len, size_t unit,
                          size_t *n) {
  if (a == NULL || out == NULL || (!unary && b == NULL)) {
    return SB_ERR_NULL;
  }
  int status = count_of(a_len, unit, n);
  if (status != SB_OK) {
    return status;
  }
  if (out_len != a_len || (unary ? b_len != 0 : b_len != a_len)) {
    return SB_ERR_LENGTH;
  }
  return SB_OK;
}

static int read_elements(const sb_field *f, fe *out, const uint8_t *bytes, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (fe_read_le(f, out[i], bytes + 32 * i) != 0) {
      return SB_ERR_NONCANONICAL;
    }
    fe_to_mont(f, out[i], out[i]);
  }
  return SB_OK;
}

static void write_element(const sb_field *f, uint8_t *bytes, const fe mont) {
  fe canonical;
  fe_from_mont(f, canonical, mont);
  fe_write_le(bytes, canonical);
}

SB_EXPORT int sb_field_op(int field, int op, const uint8_t *a, size_t a_len, const uint8_t *b,
                          size_t b_len, uint8_t *out, size_t out_len) {
  if ((field != SB_FIELD_FP && field != SB_FIELD_FR) || op < SB_OP_ADD ||
      op > SB_OP_MONT_ROUND_TRIP) {
    return SB_ERR_ARGUMENT;
  }
  const sb_field *f = field == SB_FIELD_FP ? &sb_fp : &sb_fr;
  size_t n;
  int status = check_operands(is_unary(op), a, a_len, b, b_len, out, out_len, 32, &n);
  if (status != SB_OK) {
    return status;
  }
  for (size_t i = 0; i < n; i++) { /* check everything before writing anything */
    fe x;
    if (fe_read_le(f, x, a + 32 * i) != 0 || (!is_unary(op) && fe_read_le(f, x, b + 32 * i))) {
      return SB_ERR_NONCANONICAL;
    }
  }
  for (size_t i = 0; i < n; i++) {
    fe x, y = {0, 0, 0, 0}, r;
    read_elements(f, &x, a + 32 * i, 1);
    if (!is_unary(op)) {
      read_elements(f, &y, b + 32 * i, 1);
    }
    switch (op) {
      case SB_OP_ADD: fe_add(f, r, x, y); break;
      case SB_OP_SUB: fe_sub(f, r, x, y); break;
      case SB_OP_MUL: fe_mul(f, r, x, y); break;
      case SB_OP_SQR: fe_sqr(f, r, x); break;
      case SB_OP_INV: fe_inv(f, r, x); break;
      case SB_OP_NEG: fe_neg(f, r, x); break;
      default: fe_copy(r, x); break; /* the round trip is read_elements + write_element */
    }
    write_element(f, out + 32 * i, r);
  }
  return SB_OK;
}

SB_EXPORT int sb_fr_mul_chain(uint8_t *acc, size_t acc_len, const uint8_t *b, size_t b_len,
                              uint64_t iterations) {
  if (acc == NULL || b == NULL) {
    return SB_ERR_NULL;
  }
  if (acc_len != 32 || b_len != 32) {
    return SB_ERR_LENGTH;
  }
  fe x, y;
  if (read_elements(&sb_fr, &x, acc, 1) != SB_OK || read_elements(&sb_fr, &y, b, 1) != SB_OK) {
    return SB_ERR_NONCANONICAL;
  }
  /* the multiply inlined into the loop, as hot loops use it (field_mul.h) */
  if (sb_mont_mul == sb_mont_mul_adx) {
    for (uint64_t i = 0; i < iterations; i++) {
      mont_mul_adx(&sb_fr, x, x, y);
    }
  } else {
    for (uint64_t i = 0; i < iterations; i++) {
      mont_mul_portable(&sb_fr, x, x, y);
    }
  }
  write_element(&sb_fr, acc, x);
  return SB_OK;
}

SB_EXPORT int sb_fp2_op(int op, const uint8_t *a, size_t a_len, const uint8_t *b, size_t b_len,
                        uint8_t *out, size_t out_len) {
  if (op < SB_OP_ADD || op > SB_OP_MONT_ROUND_TRIP) {
    return SB_ERR_ARGUMENT;
  }
  size_t n;
  int status = check_operands(is_unary(op), a, a_len, b, b_len, out, out_len, 64, &n);
  if (status != SB_OK) {
    return status;
  }
  for (size_t i = 0; i < n; i++) {
    fe x;
    for (int k = 0; k < 2; k++) {
      if (fe_read_le(&sb_fp, x, a + 64 * i + 32 * k) != 0 ||
          (!is_unary(op) && fe_read_le(&sb_fp, x, b + 64 * i + 32 * k) != 0)) {
        return SB_ERR_NONCANONICAL;
      }
    }
  }
  for (size_t i = 0; i < n; i++) {
    fp2 x, y = {0}, r;
    read_elements(&sb_fp, (fe *)x, a + 64 * i, 2);
    if (!is_unary(op)) {
      read_elements(&sb_fp, (fe *)y, b + 64 * i, 2);
    }
    switch (op) {
      case SB_OP_ADD: fp2_add(r, x, y); break;
      case SB_OP_SUB: fp2_sub(r, x, y); break;
      case SB_OP_MUL: fp2_mul(r, x, y); break;
      case SB_OP_SQR: fp2_sqr(r, x); break;
      case SB_OP_INV: fp2_inv(r, x); break;
      case SB_OP_NEG: fp2_neg(r, x); break;
      default: fp2_copy(r, x); break;
    }
    write_element(&sb_fp, out + 64 * i, r);
    write_element(&sb_fp, out + 64 * i + 32, r + 4);
  }
  return SB_OK;
}

/* The exported point functions, once per group. */
#define SB_CURVE_API(G, E)                                                                      \
  static int G##_read_all(G##_aff *out, const uint8_t *bytes, size_t n, int montgomery) {      \
    for (size_t i = 0; i < n; i++) {                                                           \
      int status = G##_read(&out[i], bytes + G##_BYTES * i, montgomery);                        \
      if (status != SB_OK) {                                                                   \
        return status;                                                                         \
      }                                                                                        \
    }                                                                                          \
    return SB_OK;                                                                              \
  }                                                                                            \
                                                                                               \
  /* A Jacobian copy of p with Z = y + 1 (or 1), so that Jacobian formulas see Z != 1. */      \
  static void G##_scaled(G##_jac *out, const G##_aff *p) {                                     \
    G##_from_affine(out, p);                                                                   \
    if (G##_is_infinity(out)) {                                                                \
      return;                                                                                  \
    }                                                                                          \
    E z, z2;                                                                                   \
    memcpy(z, p->y, sizeof(E));                                                                \
    z[0] ^= 1; /* any change gives another non-zero Z unless y was 0 or 1 in Montgomery form */ \
    if (G##_E_IS_ZERO(z)) {                                                                    \
      return;                                                                                  \
    }                                                                                          \
    G##_E_SQR(z2, z);                                                                          \
    G##_E_MUL(out->x, out->x, z2);                                                             \
    G##_E_MUL(z2, z2, z);                                                                      \
    G##_E_MUL(out->y, out->y, z2);                                                             \
    memcpy(out->z, z, sizeof(E));                                                              \
  }                                                                                            \
                                                                                               \
  SB_EXPORT int sb_##G##_op(int op, const uint8_t *a, size_t a_len, const uint8_t *b,          \
                            size_t b_len, uint8_t *out, size_t out_len) {                      \
    if (op < SB_OP_POINT_ADD || op > SB_OP_POINT_BATCH_ADD) {                                  \
      return SB_ERR_ARGUMENT;                                                                  \
    }                                                                                          \
    size_t n;                                                                                  \
    int unary = op == SB_OP_POINT_DOUBLE;                                                      \
    int status = check_operands(unary, a, a_len, b, b_len, out, out_len, G##_BYTES, &n);       \
    if (status != SB_OK) {                                                                     \
      return status;                                                                           \
    }                                                                                          \
    G##_aff *pa = calloc(2 * n + 1, sizeof(G##_aff));                                             \
    E *scratch = malloc((3 * n + 1) * sizeof(E));                                              \
    if (pa == NULL || scratch == NULL) {                                                       \
      free(pa);                                                                                \
      free(scratch);                                                                           \
      return SB_ERR_MEMORY;                                                                    \
    }                                                                                          \
    G##_aff *pb = pa + n;                                                                      \
    status = G##_read_all(pa, a, n, 0);                                                        \
    if (status == SB_OK && !unary) {                                                           \
      status = G##_read_all(pb, b, n, 0);                                                      \
    }                                                                                          \
    if (status == SB_OK && op == SB_OP_POINT_BATCH_ADD) {                                      \
      G##_batch_add_affine(pa, pa, pb, scratch, n);                                            \
    } else if (status == SB_OK) {                                                              \
      for (size_t i = 0; i < n; i++) {                                                         \
        G##_jac p, q;                                                                          \
        G##_scaled(&p, &pa[i]);                                                                \
        if (op == SB_OP_POINT_DOUBLE) {                                                        \
          G##_dbl(&p, &p);                                                                     \
        } else if (op == SB_OP_POINT_ADD_MIXED) {                                              \
          G##_add_mixed(&p, &p, &pb[i]);                                                       \
        } else {                                                                               \
          G##_scaled(&q, &pb[i]);                                                              \
          G##_add(&p, &p, &q);                                                                 \
        }                                                                                      \
        G##_to_affine(&pa[i], &p);                                                             \
      }                                                                                        \
    }                                                                                          \
    if (status == SB_OK) {                                                                     \
      for (size_t i = 0; i < n; i++) {                                                         \
        G##_write(out + G##_BYTES * i, &pa[i], 0);                                             \
      }                                                                                        \
    }                                                                                          \
    free(pa);                                                                                  \
    free(scratch);                                                                             \
    return status;                                                                             \
  }                                                                                            \
                                                                                               \
  SB_EXPORT int sb_##G##_mul(const uint8_t *points, size_t points_len, const uint8_t *scalars, \
                             size_t scalars_len, uint8_t *out, size_t out_len) {               \
    if (points == NULL || scalars == NULL || out == NULL) {                                    \
      return SB_ERR_NULL;                                                                      \
    }                                                                                          \
    size_t n;                                                                                  \
    int status = count_of(points_len, G##_BYTES, &n);                                          \
    if (status != SB_OK) {                                                                     \
      return status;                                                                           \
    }                                                                                          \
    if (scalars_len != 32 * n || out_len != points_len) {                                      \
      return SB_ERR_LENGTH;                                                                    \
    }                                                                                          \
    for (size_t i = 0; i < n; i++) {                                                           \
      G##_aff p;                                                                               \
      status = G##_read(&p, points + G##_BYTES * i, 0);                                        \
      if (status != SB_OK) {                                                                   \
        return status;                                                                         \
      }                                                                                        \
    }                                                                                          \
    for (size_t i = 0; i < n; i++) {                                                           \
      G##_aff p;                                                                               \
      G##_jac r;                                                                               \
      fe k;                                                                                    \
      G##_read(&p, points + G##_BYTES * i, 0);                                                 \
      for (int l = 0; l < 4; l++) {                                                            \
        uint64_t limb = 0;                                                                     \
        for (int byte = 7; byte >= 0; byte--) {                                                \
          limb = (limb << 8) | scalars[32 * i + 8 * l + byte];                                 \
        }                                                                                      \
        k[l] = limb;                                                                           \
      }                                                                                        \
      G##_mul(&r, &p, k);                                                                      \
      G##_to_affine(&p, &r);                                                                   \
      G##_write(out + G##_BYTES * i, &p, 0);                                                   \
    }                                                                                          \
    return SB_OK;                                                                              \
  }                                                                                            \
                                                                                               \
  SB_EXPORT int sb_##G##_convert(int direction, const uint8_t *in, size_t in_len,              \
                                 uint8_t *out, size_t out_len) {                               \
    if (direction != SB_TO_SNARKJS && direction != SB_FROM_SNARKJS) {                          \
      return SB_ERR_ARGUMENT;                                                                  \
    }                                                                                          \
    if (in == NULL || out == NULL) {                                                           \
      return SB_ERR_NULL;                                                                      \
    }                                                                                          \
    size_t n;                                                                                  \
    int status = count_of(in_len, G##_BYTES, &n);                                              \
    if (status != SB_OK || out_len != in_len) {                                                \
      return SB_ERR_LENGTH;                                                                    \
    }                                                                                          \
    int from_montgomery = direction == SB_FROM_SNARKJS;                                        \
    for (size_t i = 0; i < n; i++) {                                                           \
      G##_aff p;                                                                               \
      status = G##_read(&p, in + G##_BYTES * i, from_montgomery);                              \
      if (status != SB_OK) {                                                                   \
        return status;                                                                         \
      }                                                                                        \
    }                                                                                          \
    for (size_t i = 0; i < n; i++) {                                                           \
      G##_aff p;                                                                               \
      G##_read(&p, in + G##_BYTES * i, from_montgomery);                                       \
      G##_write(out + G##_BYTES * i, &p, !from_montgomery);                                    \
    }                                                                                          \
    return SB_OK;                                                                              \
  }

#define g1_E_IS_ZERO fe_is_zero
#define g1_E_SQR(o, a) fe_sqr(&sb_fp, o, a)
#define g1_E_MUL(o, a, b) fe_mul(&sb_fp, o, a, b)
#define g2_E_IS_ZERO fp2_is_zero
#define g2_E_SQR fp2_sqr
#define g2_E_MUL fp2_mul

SB_CURVE_API(g1, fe)
SB_CURVE_API(g2, fp2)

SB_EXPORT int sb_poseidon2_init(const uint8_t *params, size_t params_len) {
  if (params == NULL) {
    return SB_ERR_NULL;
  }
  if (params_len != 32 * P2_PARAMS) {
    return SB_ERR_LENGTH;
  }
  fe canonical[P2_PARAMS];
  for (size_t i = 0; i < P2_PARAMS; i++) {
    if (fe_read_le(&sb_fr, canonical[i], params + 32 * i) != 0) {
      return SB_ERR_NONCANONICAL;
    }
  }
  return p2_init(canonical);
}

/* Checks the common preconditions of the hashing functions: initialised, non-NULL, a 32-byte out. */
static int check_hash_call(const void *in, size_t in_len, const uint8_t *out, size_t out_len,
                           size_t want_out) {
  if (!p2_ready()) {
    return SB_ERR_NOT_INITIALISED;
  }
  if ((in == NULL && in_len != 0) || out == NULL) {
    return SB_ERR_NULL;
  }
  return out_len == want_out ? SB_OK : SB_ERR_LENGTH;
}

SB_EXPORT int sb_poseidon2_permute(uint8_t *states, size_t states_len, uint64_t rounds) {
  size_t n;
  int status = check_hash_call(states, states_len, states, states_len, states_len);
  if (status == SB_OK) {
    status = count_of(states_len, 96, &n);
  }
  if (status != SB_OK) {
    return status;
  }
  for (size_t i = 0; i < 3 * n; i++) {
    fe x;
    if (fe_read_le(&sb_fr, x, states + 32 * i) != 0) {
      return SB_ERR_NONCANONICAL;
    }
  }
  for (size_t i = 0; i < n; i++) {
    fe s[3];
    read_elements(&sb_fr, s, states + 96 * i, 3);
    for (uint64_t r = 0; r < rounds; r++) {
      p2_permute(s);
    }
    for (int k = 0; k < 3; k++) {
      write_element(&sb_fr, states + 96 * i + 32 * k, s[k]);
    }
  }
  return SB_OK;
}

/* Reads n canonical Fr elements into a fresh array (freed by the caller). */
static int read_fr_array(const uint8_t *bytes, size_t len, fe **out, size_t *n) {
  int status = count_of(len, 32, n);
  if (status != SB_OK) {
    return status;
  }
  *out = malloc((*n + 1) * sizeof(fe));
  if (*out == NULL) {
    return SB_ERR_MEMORY;
  }
  status = read_elements(&sb_fr, *out, bytes, *n);
  if (status != SB_OK) {
    free(*out);
  }
  return status;
}

SB_EXPORT int sb_poseidon2_sponge(int rate, const uint8_t *elements, size_t elements_len,
                                  uint8_t *out, size_t out_len) {
  int status = check_hash_call(elements, elements_len, out, out_len, 32);
  if (status != SB_OK) {
    return status;
  }
  if (rate != 1 && rate != 2) {
    return SB_ERR_ARGUMENT;
  }
  fe *in, r;
  size_t n;
  status = read_fr_array(elements, elements_len, &in, &n);
  if (status != SB_OK) {
    return status;
  }
  p2_sponge(r, rate, in, n);
  free(in);
  write_element(&sb_fr, out, r);
  return SB_OK;
}

SB_EXPORT int sb_poseidon2_merkle_root(const uint8_t *leaves, size_t leaves_len, uint8_t *out,
                                       size_t out_len) {
  int status = check_hash_call(leaves, leaves_len, out, out_len, 32);
  if (status != SB_OK) {
    return status;
  }
  if (leaves_len == 0) {
    return SB_ERR_ARGUMENT; /* a tree needs a leaf */
  }
  fe *in, r;
  size_t n;
  status = read_fr_array(leaves, leaves_len, &in, &n);
  if (status != SB_OK) {
    return status;
  }
  p2_merkle m;
  p2_merkle_start(&m);
  for (size_t i = 0; i < n; i++) {
    p2_merkle_add(&m, in[i]);
  }
  free(in);
  p2_merkle_root(&m, r);
  write_element(&sb_fr, out, r);
  return SB_OK;
}

SB_EXPORT int sb_poseidon2_hash_bytes(const uint8_t *data, size_t data_len, uint8_t *out,
                                      size_t out_len) {
  int status = check_hash_call(data, data_len, out, out_len, 32);
  if (status != SB_OK) {
    return status;
  }
  fe r;
  p2_hash_bytes(r, data, data_len);
  write_element(&sb_fr, out, r);
  return SB_OK;
}

SB_EXPORT int sb_block_roots(const uint8_t *data, size_t data_len, uint32_t block_size,
                             uint32_t cell_size, uint8_t *out, size_t out_len) {
  if (block_size == 0 || cell_size == 0) {
    return SB_ERR_ARGUMENT;
  }
  size_t blocks = data_len / block_size;
  int status = check_hash_call(data, data_len, out, out_len, 32 * blocks);
  if (status != SB_OK || data_len % block_size != 0) {
    return status != SB_OK ? status : SB_ERR_LENGTH;
  }
  for (size_t b = 0; b < blocks; b++) {
    fe r;
    p2_block_root(r, data + (size_t)block_size * b, block_size, cell_size);
    write_element(&sb_fr, out + 32 * b, r);
  }
  return SB_OK;
}

SB_EXPORT int sb_block_root(const uint8_t *data, size_t data_len, uint32_t cell_size,
                            uint8_t *out, size_t out_len) {
  if (cell_size == 0) {
    return SB_ERR_ARGUMENT;
  }
  int status = check_hash_call(data, data_len, out, out_len, 32);
  if (status != SB_OK) {
    return status;
  }
  fe r;
  p2_block_root(r, data, data_len, cell_size);
  write_element(&sb_fr, out, r);
  return SB_OK;
}
