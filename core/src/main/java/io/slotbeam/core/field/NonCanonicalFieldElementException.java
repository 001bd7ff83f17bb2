package io.slotbeam.core.field;

/** An encoding of a field element whose integer is not below the modulus r, or is malformed. */
public final class NonCanonicalFieldElementException extends IllegalArgumentException {
  public NonCanonicalFieldElementException(String message) {
    super(message);
  }

  public NonCanonicalFieldElementException(String message, Throwable cause) {
    super(message, cause);
  }
}
