package io.slotbeam.node.sales;

/** A reservation or release asks for more bytes than there are (spec node §7.1). */
public final class BytesOutOfBoundsException extends IllegalStateException {
  public BytesOutOfBoundsException(String message) {
    super(message);
  }
}
