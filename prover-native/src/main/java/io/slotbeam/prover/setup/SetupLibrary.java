package io.slotbeam.prover.setup;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.slotbeam.prover.bn254.SlotbeamNative;

/**
 * The JNA mapping of libslotbeam's development setup ({@code src/main/c/dev_setup.h}, which
 * documents the function), kept apart from {@link io.slotbeam.prover.bn254.SlotbeamLibrary} so
 * that the setup stays in its own files. {@code uint32_t} maps to {@code int}, {@code size_t} to
 * {@code long}. The toxic waste goes in as a {@link Pointer} to native memory the caller owns and
 * wipes: a {@code byte[]} argument would be copied by JNA into a temporary buffer that it frees
 * without clearing.
 */
interface SetupLibrary extends Library {
  int TERM_BYTES = 44;
  int KEY_POINT_BYTES = 64 * 3 + 128 * 3;
  int MAX_DOMAIN = 1 << 27;

  int sb_groth16_dev_setup(
      Pointer toxic, long toxicLen,
      int constraints, int variables, int publicSignals, int domainSize,
      byte[] terms, long termsLen,
      byte[] keyPoints, long keyPointsLen,
      byte[] ic, long icLen,
      byte[] a, long aLen,
      byte[] b1, long b1Len,
      byte[] b2, long b2Len,
      byte[] c, long cLen,
      byte[] h, long hLen);

  /** The library, after {@link SlotbeamNative} has loaded and version-checked it. */
  static SetupLibrary load() {
    SlotbeamNative.library();
    return Holder.LIBRARY;
  }

  /** Loads once per JVM, on first use. */
  final class Holder {
    static final SetupLibrary LIBRARY = Native.load("slotbeam", SetupLibrary.class);

    private Holder() {}
  }
}
