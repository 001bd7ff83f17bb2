package io.slotbeam.circuits;

/**
 * An iden3 binary file ({@code .r1cs}, {@code .zkey}) that cannot be read: wrong magic or version,
 * a section table that overruns the file, a missing or repeated section, a section whose size does
 * not match its counts, a value out of range. The message names the file kind, the section and
 * the byte offset, e.g. {@code "zkey section 2 (groth16 header) at offset 88: n8q is 48, not 32"}.
 */
public class BinFileException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public BinFileException(String message) {
    super(message);
  }

  public BinFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
