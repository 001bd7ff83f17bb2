package io.slotbeam.core.slots;

/**
 * A proof input that cannot be read or that the circuit would reject: circuit input JSON with a
 * missing key, a wrong type, a field element not below r or ragged arrays (spec datapath §9.5), or
 * (from {@link ProofInputChecker#checkOrThrow}) a sample whose Merkle paths do not lead to the
 * roots (§9.6).
 *
 * <p>Every message names the key and index, e.g. {@code "cellData[2][14]: 218882… is not in [0,
 * r)"}; a wrapped JSON or field error is kept as the cause.
 */
public class InvalidProofInputException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidProofInputException(String message) {
    super(message);
  }

  public InvalidProofInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
