package io.slotbeam.prover.bn254;

import com.sun.jna.Native;

/**
 * The prover functions of libslotbeam ({@link ProverLibrary}), loaded after {@link
 * SlotbeamNative} has found the library and checked its API version, so both bindings use the
 * same checked library.
 */
public final class ProverNative {
  private ProverNative() {}

  private static final class Holder {
    static final ProverLibrary LIBRARY = load();

    private static ProverLibrary load() {
      SlotbeamNative.library();
      return Native.load("slotbeam", ProverLibrary.class);
    }
  }

  /** The library; throws {@link NativeLibraryUnavailableException} when it cannot be loaded. */
  public static ProverLibrary library() {
    SlotbeamNative.library();
    return Holder.LIBRARY;
  }

  /** The threads of the library's shared pool (sized to the CPUs this process may use). */
  public static int threads() {
    return library().sb_prover_threads();
  }
}
