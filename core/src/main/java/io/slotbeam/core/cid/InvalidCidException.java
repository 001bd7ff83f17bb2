package io.slotbeam.core.cid;

/**
 * A varint, multicodec, multihash, base58 string or CID that breaks a rule of spec datapath §1.
 *
 * <p>Every message names the offending value (or its offset) and the rule it breaks, e.g. {@code
 * "digest has 31 bytes but sha2-256 needs 32"}.
 */
public class InvalidCidException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidCidException(String message) {
    super(message);
  }

  public InvalidCidException(String message, Throwable cause) {
    super(message, cause);
  }
}
