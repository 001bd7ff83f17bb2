package io.slotbeam.core.protobuf;

/** Bytes that are not a well-formed protobuf message, or lack a field the reader requires. */
public final class MalformedProtobufException extends IllegalArgumentException {
  public MalformedProtobufException(String message) {
    super(message);
  }

  public MalformedProtobufException(String message, Throwable cause) {
    super(message, cause);
  }
}
