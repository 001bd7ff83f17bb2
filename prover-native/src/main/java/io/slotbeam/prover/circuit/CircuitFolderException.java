package io.slotbeam.prover.circuit;

/**
 * A circuit folder that cannot be proved with: a file is missing, or its parts were not made for
 * one another. The message names the file and what makes it.
 */
public final class CircuitFolderException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public CircuitFolderException(String message) {
    super(message);
  }
}
