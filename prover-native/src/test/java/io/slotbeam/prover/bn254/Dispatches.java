package io.slotbeam.prover.bn254;

import java.util.ArrayList;
import java.util.List;

/** The multiply paths this CPU can run, for tests that force each one. */
final class Dispatches {
  private Dispatches() {}

  /** Portable always; ADX when the CPU has BMI2 and ADX. */
  static List<Integer> available() {
    List<Integer> modes = new ArrayList<>(List.of(SlotbeamLibrary.SB_DISPATCH_PORTABLE));
    if (SlotbeamNative.library().sb_cpu_has_adx() == 1) {
      modes.add(SlotbeamLibrary.SB_DISPATCH_ADX);
    }
    return modes;
  }

  static void use(int mode) {
    NativeStatus.check(SlotbeamNative.library().sb_set_dispatch(mode), "sb_set_dispatch");
  }

  static void reset() {
    use(SlotbeamLibrary.SB_DISPATCH_AUTO);
  }
}
