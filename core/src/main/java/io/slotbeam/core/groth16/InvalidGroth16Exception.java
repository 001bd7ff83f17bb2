package io.slotbeam.core.groth16;

/**
 * A Groth16 value or file that breaks a rule: a coordinate not below p, a point off the curve, a
 * snarkjs JSON file with the wrong protocol, curve, shape or numbers, a chain word list of the
 * wrong length. The message names the field (e.g. {@code "pi_b[1][0]"}) and the rule.
 */
public class InvalidGroth16Exception extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidGroth16Exception(String message) {
    super(message);
  }

  public InvalidGroth16Exception(String message, Throwable cause) {
    super(message, cause);
  }
}
