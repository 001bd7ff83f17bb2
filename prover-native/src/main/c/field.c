/*
 * Fp and Fr Montgomery arithmetic (see field.h): one implementation for both primes, with a
 * portable multiply on unsigned __int128 and a BMI2/ADX multiply (mulx, adcx/adox; both in
 * field_mul.h) that cpu.c selects when the CPU has those instructions.
 *
 * Moduli: BN254 q and r as ffjavascript names them (node_modules/ffjavascript/src/bn128.js).
 * Both are below 2^254, so a Montgomery product of inputs below p stays below 2p and needs no
 * fifth limb (the "no-carry" condition: the top limb of p is below 2^62).
 */
#include "field.h"

#include "field_mul.h"
#include <string.h>

typedef unsigned __int128 u128;

sb_field sb_fp = {.p = {0x3c208c16d87cfd47ULL, 0x97816a916871ca8dULL, 0xb85045b68181585dULL,
                        0x30644e72e131a029ULL}};
sb_field sb_fr = {.p = {0x43e1f593f0000001ULL, 0x2833e84879b97091ULL, 0xb85045b68181585dULL,
                        0x30644e72e131a029ULL}};

sb_mont_mul_fn sb_mont_mul = sb_mont_mul_portable;

/* out = a - b over 256 bits; returns the borrow. */
static uint64_t sub256(uint64_t *out, const uint64_t *a, const uint64_t *b) {
  uint64_t borrow = 0;
  for (int i = 0; i < 4; i++) {
    u128 d = (u128)a[i] - b[i] - borrow;
    out[i] = (uint64_t)d;
    borrow = (uint64_t)(d >> 64) & 1;
  }
  return borrow;
}

void sb_mont_mul_portable(const sb_field *f, uint64_t *out, const uint64_t *a,
                          const uint64_t *b) {
  mont_mul_portable(f, out, a, b);
}

void sb_mont_mul_adx(const sb_field *f, uint64_t *out, const uint64_t *a, const uint64_t *b) {
  mont_mul_adx(f, out, a, b);
}

void fe_pow(const sb_field *f, uint64_t *out, const uint64_t *a, const uint64_t *e) {
  uint64_t acc[4], base[4];
  fe_copy(acc, f->one);
  fe_copy(base, a);
  for (int bit = 255; bit >= 0; bit--) {
    fe_sqr(f, acc, acc);
    if ((e[bit / 64] >> (bit % 64)) & 1) {
      fe_mul(f, acc, acc, base);
    }
  }
  fe_copy(out, acc);
}

void fe_inv(const sb_field *f, uint64_t *out, const uint64_t *a) {
  uint64_t e[4];
  static const uint64_t two[4] = {2, 0, 0, 0};
  sub256(e, f->p, two);
  fe_pow(f, out, a, e);
}

void fe_to_mont(const sb_field *f, uint64_t *out, const uint64_t *canonical) {
  fe_mul(f, out, canonical, f->r2);
}

void fe_from_mont(const sb_field *f, uint64_t *out, const uint64_t *mont) {
  static const uint64_t one[4] = {1, 0, 0, 0};
  fe_mul(f, out, mont, one);
}

int fe_is_zero(const uint64_t *a) { return (a[0] | a[1] | a[2] | a[3]) == 0; }

int fe_equal(const uint64_t *a, const uint64_t *b) {
  return ((a[0] ^ b[0]) | (a[1] ^ b[1]) | (a[2] ^ b[2]) | (a[3] ^ b[3])) == 0;
}

void fe_set_zero(uint64_t *out) { memset(out, 0, 4 * sizeof(uint64_t)); }

int fe_read_le(const sb_field *f, uint64_t *out, const uint8_t *bytes) {
  for (int i = 0; i < 4; i++) {
    uint64_t limb = 0;
    for (int k = 7; k >= 0; k--) {
      limb = (limb << 8) | bytes[8 * i + k];
    }
    out[i] = limb;
  }
  uint64_t t[4];
  return sub256(t, out, f->p) ? 0 : -1;
}

void fe_write_le(uint8_t *bytes, const uint64_t *limbs) {
  for (int i = 0; i < 32; i++) {
    bytes[i] = (uint8_t)(limbs[i / 8] >> (8 * (i % 8)));
  }
}

void fe_batch_inv(const sb_field *f, fe *out, const fe *in, fe *scratch, size_t n) {
  uint64_t acc[4], inv[4], t[4];
  fe_copy(acc, f->one);
  for (size_t i = 0; i < n; i++) {
    fe_copy(scratch[i], acc); /* product of the non-zero inputs before i */
    if (!fe_is_zero(in[i])) {
      fe_mul(f, acc, acc, in[i]);
    }
  }
  fe_inv(f, inv, acc);
  for (size_t i = n; i-- > 0;) {
    if (fe_is_zero(in[i])) {
      fe_set_zero(out[i]);
      continue;
    }
    fe_mul(f, t, inv, scratch[i]);
    fe_mul(f, inv, inv, in[i]);
    fe_copy(out[i], t);
  }
}

void sb_field_setup(sb_field *f) {
  uint64_t x = f->p[0]; /* p0 * p0 = 1 mod 8: three correct bits, doubled by each step */
  for (int i = 0; i < 6; i++) {
    x *= 2 - f->p[0] * x;
  }
  f->inv = 0 - x;
  static const uint64_t zero[4] = {0, 0, 0, 0};
  uint64_t r[4];
  sub256(r, zero, f->p); /* 2^256 - p */
  uint64_t t[4];
  while (!sub256(t, r, f->p)) {
    fe_copy(r, t);
  }
  fe_copy(f->one, r);
  for (int i = 0; i < 256; i++) {
    fe_add(f, r, r, r);
  }
  fe_copy(f->r2, r);
}
