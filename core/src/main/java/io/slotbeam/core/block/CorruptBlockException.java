package io.slotbeam.core.block;

/** Stored bytes that do not hash to the CID they are stored under. */
public final class CorruptBlockException extends IllegalStateException {
  public CorruptBlockException(String message) {
    super(message);
  }
}
