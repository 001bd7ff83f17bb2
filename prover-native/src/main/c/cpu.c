/*
 * Run-time dispatch: the library is built for any x86-64 (no -march=native) and switches the
 * Montgomery multiply to the BMI2/ADX path when the CPU has those instructions. Also sets up the
 * field and curve constants once, when the library is loaded.
 */
#include "curve.h"
#include "field.h"
#include "slotbeam.h"

static int has_adx(void) {
  __builtin_cpu_init();
  return __builtin_cpu_supports("bmi2") && __builtin_cpu_supports("adx");
}

__attribute__((constructor)) static void sb_library_init(void) {
  sb_field_setup(&sb_fp);
  sb_field_setup(&sb_fr);
  sb_curve_setup();
  sb_mont_mul = has_adx() ? sb_mont_mul_adx : sb_mont_mul_portable;
}

SB_EXPORT int sb_cpu_has_adx(void) { return has_adx(); }

SB_EXPORT int sb_set_dispatch(int mode) {
  switch (mode) {
    case SB_DISPATCH_AUTO:
      sb_mont_mul = has_adx() ? sb_mont_mul_adx : sb_mont_mul_portable;
      return SB_OK;
    case SB_DISPATCH_PORTABLE:
      sb_mont_mul = sb_mont_mul_portable;
      return SB_OK;
    case SB_DISPATCH_ADX:
      if (!has_adx()) {
        return SB_ERR_UNSUPPORTED;
      }
      sb_mont_mul = sb_mont_mul_adx;
      return SB_OK;
    default:
      return SB_ERR_ARGUMENT;
  }
}

SB_EXPORT int sb_dispatch(void) {
  return sb_mont_mul == sb_mont_mul_adx ? SB_DISPATCH_ADX : SB_DISPATCH_PORTABLE;
}
