/*
 * The exported C API of libslotbeam, the native BN254 library of slotbeam (Java binding:
 * io.slotbeam.prover.bn254.SlotbeamLibrary). Every function returns an int status: SB_OK or a
 * negative SB_ERR_*; every buffer comes with its length in bytes, which the function checks.
 * Field elements cross the API as 32-byte little-endian canonical integers (core's Fr.toBytes
 * layout) unless a function says Montgomery form.
 */
#ifndef SLOTBEAM_H
#define SLOTBEAM_H

#include <stddef.h>
#include <stdint.h>

#define SB_EXPORT __attribute__((visibility("default")))

enum {
  SB_OK = 0,
  SB_ERR_NULL = -1,           /* a required pointer is NULL */
  SB_ERR_LENGTH = -2,         /* a buffer length does not match the counts */
  SB_ERR_NONCANONICAL = -3,   /* an integer is not below the field modulus */
  SB_ERR_NOT_ON_CURVE = -4,   /* a point is not on the curve */
  SB_ERR_ARGUMENT = -5,       /* an enum, count or size is out of range */
  SB_ERR_UNSUPPORTED = -6,    /* the CPU lacks what was asked for */
  SB_ERR_NOT_INITIALISED = -7,/* sb_poseidon2_init has not been called */
  SB_ERR_MEMORY = -8          /* an allocation failed */
};

/* Fields of sb_field_op. */
enum { SB_FIELD_FP = 0, SB_FIELD_FR = 1 };

/* Operations of sb_field_op and sb_fp2_op. Unary operations ignore b (pass NULL, length 0). */
enum {
  SB_OP_ADD = 0,
  SB_OP_SUB = 1,
  SB_OP_MUL = 2,
  SB_OP_SQR = 3,
  SB_OP_INV = 4,            /* the inverse of zero is zero */
  SB_OP_NEG = 5,
  SB_OP_MONT_ROUND_TRIP = 6 /* into Montgomery form and back */
};

/* Operations of sb_g1_op and sb_g2_op on affine points. */
enum {
  SB_OP_POINT_ADD = 0,       /* Jacobian + Jacobian (both with Z != 1) */
  SB_OP_POINT_ADD_MIXED = 1, /* Jacobian (Z != 1) + affine */
  SB_OP_POINT_DOUBLE = 2,    /* unary */
  SB_OP_POINT_BATCH_ADD = 3  /* all pairs in affine coordinates, one shared inversion */
};

/* Directions of sb_g1_convert and sb_g2_convert. */
enum { SB_TO_SNARKJS = 0, SB_FROM_SNARKJS = 1 };

/* Dispatch modes of sb_set_dispatch. */
enum { SB_DISPATCH_AUTO = 0, SB_DISPATCH_PORTABLE = 1, SB_DISPATCH_ADX = 2 };

/* Largest element or point count of one call, so that lengths never overflow. */
#define SB_MAX_COUNT ((size_t)1 << 26)

/* Version of this API; the Java binding refuses a library of another version. */
SB_EXPORT int sb_api_version(void);

/* 1 when the CPU has BMI2 and ADX, else 0. */
SB_EXPORT int sb_cpu_has_adx(void);

/* Selects the multiply: SB_DISPATCH_AUTO picks ADX when the CPU has it. For tests and benchmarks;
 * not thread-safe against running computations. */
SB_EXPORT int sb_set_dispatch(int mode);

/* The dispatch in use: SB_DISPATCH_PORTABLE or SB_DISPATCH_ADX. */
SB_EXPORT int sb_dispatch(void);

/* out[i] = a[i] op b[i] for n elements of the field; a, b, out hold 32 n bytes. */
SB_EXPORT int sb_field_op(int field, int op, const uint8_t *a, size_t a_len, const uint8_t *b,
                          size_t b_len, uint8_t *out, size_t out_len);

/* Multiplies acc by b, iterations times in a row, in Fr (a dependent chain, for benchmarks). */
SB_EXPORT int sb_fr_mul_chain(uint8_t *acc, size_t acc_len, const uint8_t *b, size_t b_len,
                              uint64_t iterations);

/* sb_field_op over Fp2: each element is 64 bytes, c0 then c1. */
SB_EXPORT int sb_fp2_op(int op, const uint8_t *a, size_t a_len, const uint8_t *b, size_t b_len,
                        uint8_t *out, size_t out_len);

/* out[i] = a[i] op b[i] on affine points (G1: x || y, 64 bytes; G2: x.c0 || x.c1 || y.c0 || y.c1,
 * 128 bytes; canonical integers; all zeros = infinity). Every input point is checked on the curve. */
SB_EXPORT int sb_g1_op(int op, const uint8_t *a, size_t a_len, const uint8_t *b, size_t b_len,
                       uint8_t *out, size_t out_len);
SB_EXPORT int sb_g2_op(int op, const uint8_t *a, size_t a_len, const uint8_t *b, size_t b_len,
                       uint8_t *out, size_t out_len);

/* out[i] = [k_i] p_i with 32-byte little-endian scalars k_i (any 256-bit integer). */
SB_EXPORT int sb_g1_mul(const uint8_t *points, size_t points_len, const uint8_t *scalars,
                        size_t scalars_len, uint8_t *out, size_t out_len);
SB_EXPORT int sb_g2_mul(const uint8_t *points, size_t points_len, const uint8_t *scalars,
                        size_t scalars_len, uint8_t *out, size_t out_len);

/* Converts affine points between the canonical layout above and the snarkjs zkey layout (same
 * order, coordinates in Montgomery form), checking each point. */
SB_EXPORT int sb_g1_convert(int direction, const uint8_t *in, size_t in_len, uint8_t *out,
                            size_t out_len);
SB_EXPORT int sb_g2_convert(int direction, const uint8_t *in, size_t in_len, uint8_t *out,
                            size_t out_len);

/* Loads the Poseidon2 (t = 3) parameters once: 24 external round constants (round-major),
 * 56 internal round constants and the diagonal of the internal matrix (each entry below 16),
 * 83 canonical Fr elements in all (spec datapath §4.4). */
SB_EXPORT int sb_poseidon2_init(const uint8_t *params, size_t params_len);

/* Permutes each 96-byte state (s0 || s1 || s2) in place, rounds times in a row. */
SB_EXPORT int sb_poseidon2_permute(uint8_t *states, size_t states_len, uint64_t rounds);

/* The sponge of n elements at rate 1 or 2 (spec datapath §4.6). */
SB_EXPORT int sb_poseidon2_sponge(int rate, const uint8_t *elements, size_t elements_len,
                                  uint8_t *out, size_t out_len);

/* The keyed Poseidon2 Merkle root of n >= 1 leaves (spec datapath §3.2, §4.7). */
SB_EXPORT int sb_poseidon2_merkle_root(const uint8_t *leaves, size_t leaves_len, uint8_t *out,
                                       size_t out_len);

/* The rate-2 sponge of bytes packed 31 to an element with 10* padding (spec §4.3). */
SB_EXPORT int sb_poseidon2_hash_bytes(const uint8_t *data, size_t data_len, uint8_t *out,
                                      size_t out_len);

/* The block root (SpongeMerkle digest, spec §4.8) of data cut into cells of cell_size bytes. */
SB_EXPORT int sb_block_root(const uint8_t *data, size_t data_len, uint32_t cell_size,
                            uint8_t *out, size_t out_len);

/* The block roots of consecutive blocks of block_size bytes (out holds 32 per block). */
SB_EXPORT int sb_block_roots(const uint8_t *data, size_t data_len, uint32_t block_size,
                             uint32_t cell_size, uint8_t *out, size_t out_len);

#endif
