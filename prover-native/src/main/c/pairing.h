/*
 * The BN254 optimal ate pairing (pairing.c): a multi-Miller loop over pairs (P_i, Q_i) and the
 * final exponentiation. Points are affine, Montgomery form, already checked: P_i on G1, Q_i in
 * G2 (on the twist and of order r). Internal header of libslotbeam.
 */
#ifndef SB_PAIRING_H
#define SB_PAIRING_H

#include "curve.h"
#include "tower.h"

/* out = prod_i f_{6x+2, Q_i}(P_i) times the two Frobenius lines; pairs with a point at infinity
 * contribute 1. Returns SB_OK or SB_ERR_MEMORY. */
int miller_loop(fp12 *out, const g1_aff *p, const g2_aff *q, size_t n);

/* out = f^((p^12 - 1)/r) up to the fixed exponent snarkjs also uses (see pairing.c). */
void final_exponentiation(fp12 *out, const fp12 *f);

/* Whether an affine point on the twist (not infinity) has order r. */
int g2_in_subgroup(const g2_aff *q);

#endif
