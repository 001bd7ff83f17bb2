package io.slotbeam.prover.bn254;

import com.sun.jna.Native;

/**
 * Loads {@link PairingLibrary} once per JVM, after {@link SlotbeamNative#library()} has found
 * libslotbeam and checked its API version: JNA then maps the second interface onto the library
 * already loaded.
 */
public final class PairingNative {
  private PairingNative() {}

  private static final class Holder {
    static final PairingLibrary LIBRARY = load();

    private static PairingLibrary load() {
      SlotbeamNative.library();
      return Native.load("slotbeam", PairingLibrary.class);
    }
  }

  /** The library; throws {@link NativeLibraryUnavailableException} when it cannot be loaded. */
  public static PairingLibrary library() {
    SlotbeamNative.library(); // throws with the loader's reason before Holder is touched
    return Holder.LIBRARY;
  }
}
