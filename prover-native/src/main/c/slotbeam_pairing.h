/*
 * The exported pairing and Groth16 API of libslotbeam (Java binding:
 * io.slotbeam.prover.bn254.PairingLibrary). Same conventions as slotbeam.h: an int status,
 * buffers with their byte lengths, canonical 32-byte little-endian coordinates, G1 points as
 * x || y (64 bytes), G2 points as x.c0 || x.c1 || y.c0 || y.c1 (128 bytes), all zeros =
 * infinity.
 */
#ifndef SLOTBEAM_PAIRING_H
#define SLOTBEAM_PAIRING_H

#include "slotbeam.h"

/* A further status: a point on the twist whose order is not r (not in G2). */
enum { SB_ERR_NOT_IN_SUBGROUP = -9 };

/* Bytes of an Fp12 value: twelve coordinates. */
#define SB_FP12_BYTES 384

/* out = e(P, Q), the reduced optimal ate pairing, as twelve canonical 32-byte integers in
 * snarkjs's Gt.toObject order (c0.a0.c0, c0.a0.c1, c0.a1.c0, ..., c1.a2.c1; tower: Fp6 =
 * Fp2[v]/(v^3 - (9 + u)), Fp12 = Fp6[w]/(w^2 - v)). P is checked on G1, Q on the twist and in
 * G2. */
SB_EXPORT int sb_pairing(const uint8_t *g1, size_t g1_len, const uint8_t *g2, size_t g2_len,
                         uint8_t *out, size_t out_len);

/* The Groth16 check of spec datapath §11.3 for n public inputs (inputs: n canonical 32-byte
 * integers below r):
 *   vk_x = IC[0] + sum_i inputs[i] IC[i+1],  e(-A, B) e(alpha, beta) e(vk_x, gamma) e(C, delta) = 1
 * vk = alpha (G1) || beta || gamma || delta (G2) || IC[0..n] (G1), 448 + 64 (n + 1) bytes;
 * proof = A (G1) || B (G2) || C (G1), 256 bytes. Every point is checked on its curve and G2
 * points in G2 before any pairing. On SB_OK, *valid is 1 when the equation holds, else 0. On
 * SB_ERR_NONCANONICAL, SB_ERR_NOT_ON_CURVE or SB_ERR_NOT_IN_SUBGROUP, *bad_item names the first
 * bad item: 0 A, 1 B, 2 C, 3 alpha, 4 beta, 5 gamma, 6 delta, 7 + i IC[i], 8 + n + j inputs[j]. */
SB_EXPORT int sb_groth16_verify(const uint8_t *vk, size_t vk_len, const uint8_t *proof,
                                size_t proof_len, const uint8_t *inputs, size_t inputs_len,
                                int32_t *valid, int64_t *bad_item);

#endif
