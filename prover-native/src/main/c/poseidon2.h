/*
 * Poseidon2 over BN254 Fr with t = 3 (spec datapath §4.4–§4.8): the permutation, the keyed
 * 2-to-1 compression, the rate-1/2 sponge, the 31-byte packing, the keyed Merkle root and the
 * block root. States and elements are Montgomery-form Fr. Internal header of libslotbeam.
 */
#ifndef SB_POSEIDON2_H
#define SB_POSEIDON2_H

#include "field.h"

#define P2_EXTERNAL_CONSTANTS 24
#define P2_INTERNAL_CONSTANTS 56
#define P2_PARAMS (P2_EXTERNAL_CONSTANTS + P2_INTERNAL_CONSTANTS + 3)

/* Loads the round constants and the internal diagonal, canonical, as sb_poseidon2_init
 * documents them; returns SB_OK or an SB_ERR_*. */
int p2_init(const fe *canonical_params);
int p2_ready(void);

void p2_permute(fe state[3]);
void p2_compress(fe out, const fe left, const fe right, int key);
/* Sponge of n elements at rate 1 or 2. */
void p2_sponge(fe out, int rate, const fe *elements, size_t n);
/* Rate-2 sponge of bytes packed 31 per element with 10* padding. */
void p2_hash_bytes(fe out, const uint8_t *data, size_t len);

/* Keyed Merkle root of leaves given one by one, in memory logarithmic in their number. */
typedef struct {
  fe pending[64];
  uint64_t present; /* bit l: pending[l] holds a left node */
  uint64_t count;
} p2_merkle;

void p2_merkle_start(p2_merkle *m);
void p2_merkle_add(p2_merkle *m, const fe leaf);
/* The root; count must be at least 1. */
void p2_merkle_root(p2_merkle *m, fe out);

/* The SpongeMerkle digest of data in cells of cell_size bytes (cell_size > 0). */
void p2_block_root(fe out, const uint8_t *data, size_t len, size_t cell_size);

#endif
