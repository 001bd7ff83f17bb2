/*
 * The two Montgomery multiplies as inline functions, so that hot loops (the Poseidon2
 * permutation) can be compiled once per path with the multiply inlined; field.c wraps them as
 * sb_mont_mul_portable and sb_mont_mul_adx. CIOS (coarsely integrated operand scanning) with
 * the "no-carry" shortcut: p < 2^254, so every intermediate fits in five limbs and the result
 * is below 2p before the final conditional subtraction. Internal header of libslotbeam.
 */
#ifndef SB_FIELD_MUL_H
#define SB_FIELD_MUL_H

#include "field.h"

/* a b / R mod p, left in [0, 2p) ("lazy"): inputs below 2p are fine too, since 4p < R makes
 * (a b + m p) / R < 2p. */
static inline __attribute__((always_inline)) void mont_mul_portable_lazy(
    const sb_field *f, uint64_t *out, const uint64_t *a, const uint64_t *b) {
  typedef unsigned __int128 u128;
  uint64_t t0 = 0, t1 = 0, t2 = 0, t3 = 0;
  const uint64_t *p = f->p;
  for (int i = 0; i < 4; i++) {
    u128 acc = (u128)a[0] * b[i] + t0;
    t0 = (uint64_t)acc;
    acc = (u128)a[1] * b[i] + t1 + (acc >> 64);
    t1 = (uint64_t)acc;
    acc = (u128)a[2] * b[i] + t2 + (acc >> 64);
    t2 = (uint64_t)acc;
    acc = (u128)a[3] * b[i] + t3 + (acc >> 64);
    t3 = (uint64_t)acc;
    uint64_t t4 = (uint64_t)(acc >> 64);

    uint64_t m = t0 * f->inv;
    acc = (u128)m * p[0] + t0;
    acc = (u128)m * p[1] + t1 + (acc >> 64);
    t0 = (uint64_t)acc;
    acc = (u128)m * p[2] + t2 + (acc >> 64);
    t1 = (uint64_t)acc;
    acc = (u128)m * p[3] + t3 + (acc >> 64);
    t2 = (uint64_t)acc;
    t3 = t4 + (uint64_t)(acc >> 64);
  }
  out[0] = t0;
  out[1] = t1;
  out[2] = t2;
  out[3] = t3;
}

static inline __attribute__((always_inline)) void mont_mul_portable(
    const sb_field *f, uint64_t *out, const uint64_t *a, const uint64_t *b) {
  mont_mul_portable_lazy(f, out, a, b);
  fe_reduce_once(f, out, out);
}

/* One row t += a * b[k] (limb offset K bytes): the low halves of the products go through the
 * OF chain (adox), the high halves through the CF chain (adcx); t4 takes the top. */
#define SB_MUL_ROW(K)                      \
  "movq " #K "(%[b]), %%rdx\n\t"           \
  "xorl %%eax, %%eax\n\t"                  \
  "mulxq 0(%[a]), %%rax, %[tmp]\n\t"       \
  "adoxq %%rax, %[t0]\n\t"                 \
  "adcxq %[tmp], %[t1]\n\t"                \
  "mulxq 8(%[a]), %%rax, %[tmp]\n\t"       \
  "adoxq %%rax, %[t1]\n\t"                 \
  "adcxq %[tmp], %[t2]\n\t"                \
  "mulxq 16(%[a]), %%rax, %[tmp]\n\t"      \
  "adoxq %%rax, %[t2]\n\t"                 \
  "adcxq %[tmp], %[t3]\n\t"                \
  "mulxq 24(%[a]), %%rax, %[t4]\n\t"       \
  "adoxq %%rax, %[t3]\n\t"                 \
  "movl $0, %%eax\n\t"                     \
  "adcxq %%rax, %[t4]\n\t"                 \
  "adoxq %%rax, %[t4]\n\t"

/* t = (t + m p) / 2^64 with m = t0 * inv mod 2^64, the same two carry chains. */
#define SB_MUL_REDUCE                      \
  "movq %[t0], %%rdx\n\t"                  \
  "imulq %[inv], %%rdx\n\t"                \
  "xorl %%eax, %%eax\n\t"                  \
  "mulxq 0(%[p]), %%rax, %[tmp]\n\t"       \
  "adcxq %[t0], %%rax\n\t"                 \
  "movq %[tmp], %[t0]\n\t"                 \
  "adcxq %[t1], %[t0]\n\t"                 \
  "mulxq 8(%[p]), %%rax, %[t1]\n\t"        \
  "adoxq %%rax, %[t0]\n\t"                 \
  "adcxq %[t2], %[t1]\n\t"                 \
  "mulxq 16(%[p]), %%rax, %[t2]\n\t"       \
  "adoxq %%rax, %[t1]\n\t"                 \
  "adcxq %[t3], %[t2]\n\t"                 \
  "mulxq 24(%[p]), %%rax, %[t3]\n\t"       \
  "adoxq %%rax, %[t2]\n\t"                 \
  "movl $0, %%eax\n\t"                     \
  "adcxq %%rax, %[t3]\n\t"                 \
  "adoxq %[t4], %[t3]\n\t"

/* The BMI2/ADX multiply (mulx, adcx, adox), lazy as mont_mul_portable_lazy; only call it when
 * the CPU has both (cpu.c). */
static inline __attribute__((always_inline)) void mont_mul_adx_lazy(
    const sb_field *f, uint64_t *out, const uint64_t *a, const uint64_t *b) {
  uint64_t t0, t1, t2, t3, t4, tmp;
  __asm__(
      /* row 0 starts from t = 0 */
      "movq 0(%[b]), %%rdx\n\t"
      "xorl %%eax, %%eax\n\t"
      "mulxq 0(%[a]), %[t0], %[t1]\n\t"
      "mulxq 8(%[a]), %%rax, %[t2]\n\t"
      "adoxq %%rax, %[t1]\n\t"
      "mulxq 16(%[a]), %%rax, %[t3]\n\t"
      "adoxq %%rax, %[t2]\n\t"
      "mulxq 24(%[a]), %%rax, %[t4]\n\t"
      "adoxq %%rax, %[t3]\n\t"
      "movl $0, %%eax\n\t"
      "adoxq %%rax, %[t4]\n\t"
      SB_MUL_REDUCE
      SB_MUL_ROW(8)
      SB_MUL_REDUCE
      SB_MUL_ROW(16)
      SB_MUL_REDUCE
      SB_MUL_ROW(24)
      SB_MUL_REDUCE
      : [t0] "=&r"(t0), [t1] "=&r"(t1), [t2] "=&r"(t2), [t3] "=&r"(t3), [t4] "=&r"(t4),
        [tmp] "=&r"(tmp)
      : [a] "r"(a), [b] "r"(b), [p] "r"(f->p), [inv] "m"(f->inv)
      : "rax", "rdx", "cc", "memory");
  out[0] = t0;
  out[1] = t1;
  out[2] = t2;
  out[3] = t3;
}

static inline __attribute__((always_inline)) void mont_mul_adx(
    const sb_field *f, uint64_t *out, const uint64_t *a, const uint64_t *b) {
  mont_mul_adx_lazy(f, out, a, b);
  fe_reduce_once(f, out, out);
}

#undef SB_MUL_ROW
#undef SB_MUL_REDUCE

#endif
