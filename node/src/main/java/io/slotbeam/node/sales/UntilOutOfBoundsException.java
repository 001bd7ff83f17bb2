package io.slotbeam.node.sales;

/** An availability's {@code until} is negative or ends before a slot it hosts (spec node §7.1). */
public final class UntilOutOfBoundsException extends IllegalArgumentException {
  public UntilOutOfBoundsException(String message) {
    super(message);
  }
}
