package io.slotbeam.prover.bn254;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Loading libslotbeam, and the error that names where it looked when it cannot. */
class LibraryLoadingTest {

  @Test
  void theBuiltLibraryLoadsAndReportsItsVersion() {
    assertTrue(SlotbeamNative.isAvailable());
    assertEquals(Optional.empty(), SlotbeamNative.unavailableReason());
    assertEquals(SlotbeamNative.API_VERSION, SlotbeamNative.library().sb_api_version());
  }

  @Test
  void aMissingLibraryIsAnErrorNamingWhereItLooked() {
    NativeLibraryUnavailableException e =
        assertThrows(
            NativeLibraryUnavailableException.class, () -> SlotbeamNative.load("slotbeam-absent"));
    String message = e.getMessage();
    assertTrue(
        message.startsWith(
            "libslotbeam could not be loaded; looked in jna.library.path="
                + System.getProperty("jna.library.path")
                + ", the system library path, and on the classpath at"
                + " linux-x86-64/libslotbeam-absent.so (that resource is absent): "),
        message);
    assertTrue(message.contains("slotbeam-absent"), message);
  }
}
