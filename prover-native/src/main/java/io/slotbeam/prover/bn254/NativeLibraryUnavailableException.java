package io.slotbeam.prover.bn254;

/** libslotbeam could not be loaded or initialised; the message names where it was looked for. */
public final class NativeLibraryUnavailableException extends RuntimeException {
  public NativeLibraryUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
