package io.slotbeam.core.manifest;

/**
 * A manifest that breaks a rule of spec datapath §7: bytes that are not a well-formed manifest
 * protobuf (§7.2, §7.3), a field out of range, or sizes that contradict each other (§7.1).
 *
 * <p>Every message names the bad value and the rule, e.g. {@code "slotRoots has 3 entries but
 * numSlots is 4"}; a wrapped protobuf or CID error is kept as the cause.
 */
public class InvalidManifestException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidManifestException(String message) {
    super(message);
  }

  public InvalidManifestException(String message, Throwable cause) {
    super(message, cause);
  }
}
