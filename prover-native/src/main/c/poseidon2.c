/*
 * Poseidon2 (poseidon2.h). The round constants are not written here: the Java side hands over
 * core's table (io.slotbeam.core.hash.Poseidon2Parameters) once through sb_poseidon2_init.
 * Round structure as core's Poseidon2Permutation: the external layer once, 4 external rounds,
 * 56 internal rounds, 4 external rounds; S-box x^5.
 */
#include "poseidon2.h"

#include <string.h>

#include "field_mul.h"

#include "slotbeam.h"

static fe external_c[P2_EXTERNAL_CONSTANTS];
static fe internal_c[P2_INTERNAL_CONSTANTS];
static unsigned internal_extra[3]; /* diagonal entry minus one: s_i <- extra_i * s_i + sum */
static fe key_mont[4];
static fe iv_mont[3];              /* index = rate */
static int ready;

int p2_ready(void) { return ready; }

int p2_init(const fe *params) {
  fe limit = {16, 0, 0, 0};
  for (int i = 0; i < 3; i++) {
    const uint64_t *d = params[P2_EXTERNAL_CONSTANTS + P2_INTERNAL_CONSTANTS + i];
    if (d[1] | d[2] | d[3] || d[0] == 0 || d[0] >= limit[0]) {
      return SB_ERR_ARGUMENT;
    }
    internal_extra[i] = (unsigned)d[0] - 1;
  }
  for (int i = 0; i < P2_EXTERNAL_CONSTANTS; i++) {
    fe_to_mont(&sb_fr, external_c[i], params[i]);
  }
  for (int i = 0; i < P2_INTERNAL_CONSTANTS; i++) {
    fe_to_mont(&sb_fr, internal_c[i], params[P2_EXTERNAL_CONSTANTS + i]);
  }
  for (uint64_t k = 0; k < 4; k++) {
    fe key = {k, 0, 0, 0};
    fe_to_mont(&sb_fr, key_mont[k], key);
  }
  for (uint64_t rate = 1; rate <= 2; rate++) {
    fe iv = {256 * 3 + rate, 1, 0, 0}; /* 2^64 + 256 t + rate (spec §4.6) */
    fe_to_mont(&sb_fr, iv_mont[rate], iv);
  }
  ready = 1;
  return SB_OK;
}

/* The permutation is compiled once per multiply (field_mul.h) with the multiply inlined: the
 * helpers below are always inlined and take the multiply as a compile-time constant. */
#define P2_LANES 4

typedef void (*mul_fn)(const sb_field *, uint64_t *, const uint64_t *, const uint64_t *);
#define INLINE static inline __attribute__((always_inline))

/* x^5; x^2 and x^4 stay unreduced in [0, 2p), which the multiply accepts (field_mul.h). */
INLINE void sbox(uint64_t *x, mul_fn mul, mul_fn mul_lazy) {
  fe x2, x4;
  mul_lazy(&sb_fr, x2, x, x);
  mul_lazy(&sb_fr, x4, x2, x2);
  mul(&sb_fr, x, x4, x);
}

/* The external matrix [[2,1,1],[1,2,1],[1,1,2]]: add s0 + s1 + s2 to each element. */
INLINE void linear_external(fe s[3]) {
  fe sum;
  fe_add(&sb_fr, sum, s[0], s[1]);
  fe_add(&sb_fr, sum, sum, s[2]);
  for (int k = 0; k < 3; k++) {
    fe_add(&sb_fr, s[k], s[k], sum);
  }
}

INLINE void external_round(fe s[3], int round, mul_fn mul, mul_fn mul_lazy) {
  for (int k = 0; k < 3; k++) {
    fe_add(&sb_fr, s[k], s[k], external_c[3 * round + k]);
    sbox(s[k], mul, mul_lazy);
  }
  linear_external(s);
}

INLINE void internal_round(fe s[3], int round, mul_fn mul, mul_fn mul_lazy) {
  fe sum;
  fe_add(&sb_fr, s[0], s[0], internal_c[round]);
  sbox(s[0], mul, mul_lazy);
  fe_add(&sb_fr, sum, s[0], s[1]);
  fe_add(&sb_fr, sum, sum, s[2]);
  for (int k = 0; k < 3; k++) {
    fe t;
    fe_copy(t, sum);
    for (unsigned e = 0; e < internal_extra[k]; e++) {
      fe_add(&sb_fr, t, t, s[k]);
    }
    fe_copy(s[k], t);
  }
}

INLINE void permute_with(fe s[3], mul_fn mul, mul_fn mul_lazy) {
  linear_external(s);
  for (int r = 0; r < 4; r++) {
    external_round(s, r, mul, mul_lazy);
  }
  for (int j = 0; j < P2_INTERNAL_CONSTANTS; j++) {
    internal_round(s, j, mul, mul_lazy);
  }
  for (int r = 4; r < 8; r++) {
    external_round(s, r, mul, mul_lazy);
  }
}

/* P2_LANES independent states, round by round: one state's internal rounds are a chain of
 * dependent multiplies, so interleaving states lets the CPU overlap their latencies. */
INLINE void permute_lanes_with(fe s[P2_LANES][3], mul_fn mul, mul_fn mul_lazy) {
  for (int l = 0; l < P2_LANES; l++) {
    linear_external(s[l]);
  }
  for (int r = 0; r < 4; r++) {
    for (int l = 0; l < P2_LANES; l++) {
      external_round(s[l], r, mul, mul_lazy);
    }
  }
  for (int j = 0; j < P2_INTERNAL_CONSTANTS; j++) {
    for (int l = 0; l < P2_LANES; l++) {
      internal_round(s[l], j, mul, mul_lazy);
    }
  }
  for (int r = 4; r < 8; r++) {
    for (int l = 0; l < P2_LANES; l++) {
      external_round(s[l], r, mul, mul_lazy);
    }
  }
}

static void permute_portable(fe s[3]) { permute_with(s, mont_mul_portable, mont_mul_portable_lazy); }

static void permute_adx(fe s[3]) { permute_with(s, mont_mul_adx, mont_mul_adx_lazy); }

static void permute_lanes_portable(fe s[P2_LANES][3]) {
  permute_lanes_with(s, mont_mul_portable, mont_mul_portable_lazy);
}

static void permute_lanes_adx(fe s[P2_LANES][3]) { permute_lanes_with(s, mont_mul_adx, mont_mul_adx_lazy); }

void p2_permute(fe s[3]) {
  if (sb_mont_mul == sb_mont_mul_adx) {
    permute_adx(s);
  } else {
    permute_portable(s);
  }
}

/* Permutes the first n <= P2_LANES states. */
static void permute_n(fe s[P2_LANES][3], int n) {
  if (n < P2_LANES) {
    for (int l = 0; l < n; l++) {
      p2_permute(s[l]);
    }
  } else if (sb_mont_mul == sb_mont_mul_adx) {
    permute_lanes_adx(s);
  } else {
    permute_lanes_portable(s);
  }
}

void p2_compress(fe out, const fe left, const fe right, int key) {
  fe s[3];
  fe_copy(s[0], left);
  fe_copy(s[1], right);
  fe_copy(s[2], key_mont[key]);
  p2_permute(s);
  fe_copy(out, s[0]);
}

/* Element i of input lane l, written to out (Montgomery form). */
typedef void (*element_loader)(const void *ctx, int lane, size_t i, fe out);

/* The sponges of n <= P2_LANES inputs of count elements each, side by side; see spec §4.6 for
 * the 10* padding on elements. */
static void sponge(fe *out, int n, int rate, size_t count, element_loader load, const void *ctx) {
  fe s[P2_LANES][3];
  for (int l = 0; l < n; l++) {
    fe_set_zero(s[l][0]);
    fe_set_zero(s[l][1]);
    fe_copy(s[l][2], iv_mont[rate]);
  }
  size_t padded = (count + (size_t)rate) / (size_t)rate * (size_t)rate;
  for (size_t i = 0; i < padded; i++) {
    int k = (int)(i % (size_t)rate);
    for (int l = 0; l < n; l++) {
      if (i < count) {
        fe e;
        load(ctx, l, i, e);
        fe_add(&sb_fr, s[l][k], s[l][k], e);
      } else if (i == count) {
        fe_add(&sb_fr, s[l][k], s[l][k], sb_fr.one);
      }
    }
    if (k == rate - 1) {
      permute_n(s, n);
    }
  }
  for (int l = 0; l < n; l++) {
    fe_copy(out[l], s[l][0]);
  }
}

static void load_element(const void *ctx, int lane, size_t i, fe out) {
  (void)lane;
  fe_copy(out, ((const fe *)ctx)[i]);
}

void p2_sponge(fe out, int rate, const fe *elements, size_t n) {
  sponge((fe *)out, 1, rate, n, load_element, elements);
}

/* Lane l hashes data[l * stride, l * stride + len). */
typedef struct {
  const uint8_t *data;
  size_t len;
  size_t stride;
} byte_source;

/* Element i of the bytes: 31 little-endian bytes, or the 0..30 tail bytes then 0x01 (§4.3). */
static void load_packed(const void *ctx, int lane, size_t i, fe out) {
  const byte_source *src = ctx;
  uint8_t chunk[32] = {0};
  size_t start = 31 * i;
  size_t available = src->len - start < 31 ? src->len - start : 31;
  memcpy(chunk, src->data + (size_t)lane * src->stride + start, available);
  if (available < 31) {
    chunk[available] = 1;
  }
  fe_read_le(&sb_fr, out, chunk); /* below 2^248 < r */
  fe_to_mont(&sb_fr, out, out);
}

/* The byte sponges of n <= P2_LANES consecutive cells of len bytes. */
static void hash_cells(fe *out, int n, const uint8_t *data, size_t len) {
  byte_source src = {data, len, len};
  sponge(out, n, 2, len / 31 + 1, load_packed, &src);
}

void p2_hash_bytes(fe out, const uint8_t *data, size_t len) {
  hash_cells((fe *)out, 1, data, len);
}

/* Key bits (spec §3.1, §4.7): 1 = bottom layer, 2 = odd last node with a zero sibling. */
static int merkle_key(int bottom, int odd) { return (bottom ? 1 : 0) | (odd ? 2 : 0); }

void p2_merkle_start(p2_merkle *m) {
  m->present = 0;
  m->count = 0;
}

void p2_merkle_add(p2_merkle *m, const fe leaf) {
  fe node;
  fe_copy(node, leaf);
  int level = 0;
  while ((m->present >> level) & 1) {
    p2_compress(node, m->pending[level], node, merkle_key(level == 0, 0));
    m->present &= ~(1ULL << level);
    level++;
  }
  fe_copy(m->pending[level], node);
  m->present |= 1ULL << level;
  m->count++;
}

/* Same closing walk as core's MerkleRootAccumulator.root(). */
void p2_merkle_root(p2_merkle *m, fe out) {
  int depth = 0;
  uint64_t size = m->count;
  do {
    size = (size + 1) / 2;
    depth++;
  } while (size > 1);
  static const fe zero = {0, 0, 0, 0};
  fe carry;
  int have_carry = 0;
  for (int level = 0; level < depth; level++) {
    int have_left = (m->present >> level) & 1;
    int bottom = level == 0;
    if (have_left && have_carry) {
      p2_compress(carry, m->pending[level], carry, merkle_key(bottom, 0));
    } else if (have_left || have_carry) {
      if (have_left) {
        fe_copy(carry, m->pending[level]);
      }
      p2_compress(carry, carry, zero, merkle_key(bottom, 1));
      have_carry = 1;
    }
  }
  fe_copy(out, have_carry ? carry : m->pending[depth]);
}

void p2_block_root(fe out, const uint8_t *data, size_t len, size_t cell_size) {
  p2_merkle m;
  p2_merkle_start(&m);
  size_t full = len / cell_size;
  for (size_t i = 0; i < full; i += P2_LANES) {
    int n = full - i < P2_LANES ? (int)(full - i) : P2_LANES;
    fe h[P2_LANES];
    hash_cells(h, n, data + i * cell_size, cell_size);
    for (int l = 0; l < n; l++) {
      p2_merkle_add(&m, h[l]);
    }
  }
  size_t tail = len - full * cell_size;
  if (tail > 0 || len == 0) {
    fe h;
    p2_hash_bytes(h, data + full * cell_size, tail);
    p2_merkle_add(&m, h);
  }
  p2_merkle_root(&m, out);
}
