/*
 * BN254 G1 and G2 (curve.h): curve_impl.h instantiated once over Fp and once over Fp2.
 * b = 3 on G1 and b' = 3/(9+u) on the twist G2, as ffjavascript's curve uses them
 * (node_modules/wasmcurves/src/bn128/build_bn128.js: pG1b = 3, pG2b = 19485874751759354771024
 * 239261021720505790618469301721065564631296452457478373 + 266929791119991161246907387137283
 * 842545076965332900288569378510910307636690 u, which is 3/(9+u); a test checks it).
 */
#include "curve.h"

#include "slotbeam.h"

static fe g1_b;
static fp2 g2_b;

void sb_curve_setup(void) {
  fe three = {3, 0, 0, 0};
  fe_to_mont(&sb_fp, g1_b, three);
  fp2 xi = {9, 0, 0, 0, 1, 0, 0, 0}; /* 9 + u */
  fe_to_mont(&sb_fp, xi, xi);
  fe_to_mont(&sb_fp, xi + 4, xi + 4);
  fp2_inv(xi, xi);
  fe_mul(&sb_fp, g2_b, xi, g1_b);
  fe_mul(&sb_fp, g2_b + 4, xi + 4, g1_b);
}

#define G g1
#define E fe
#define E_ADD(o, a, b) fe_add(&sb_fp, o, a, b)
#define E_SUB(o, a, b) fe_sub(&sb_fp, o, a, b)
#define E_DBL(o, a) fe_dbl(&sb_fp, o, a)
#define E_MUL(o, a, b) fe_mul(&sb_fp, o, a, b)
#define E_SQR(o, a) fe_sqr(&sb_fp, o, a)
#define E_INV(o, a) fe_inv(&sb_fp, o, a)
#define E_COPY(o, a) fe_copy(o, a)
#define E_ZERO(o) fe_set_zero(o)
#define E_ONE(o) fe_copy(o, sb_fp.one)
#define E_IS_ZERO(a) fe_is_zero(a)
#define E_EQUAL(a, b) fe_equal(a, b)
#define E_B g1_b
#include "curve_impl.h"
#undef G
#undef E
#undef E_ADD
#undef E_SUB
#undef E_DBL
#undef E_MUL
#undef E_SQR
#undef E_INV
#undef E_COPY
#undef E_ZERO
#undef E_ONE
#undef E_IS_ZERO
#undef E_EQUAL
#undef E_B

#define G g2
#define E fp2
#define E_ADD fp2_add
#define E_SUB fp2_sub
#define E_DBL fp2_dbl
#define E_MUL fp2_mul
#define E_SQR fp2_sqr
#define E_INV fp2_inv
#define E_COPY fp2_copy
#define E_ZERO fp2_set_zero
#define E_ONE fp2_set_one
#define E_IS_ZERO fp2_is_zero
#define E_EQUAL fp2_equal
#define E_B g2_b
#include "curve_impl.h"
