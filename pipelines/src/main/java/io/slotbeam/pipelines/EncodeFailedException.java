package io.slotbeam.pipelines;

/**
 * A step of the encode pipeline failed on one input: the message names the file and the block,
 * group or slot, then the cause's own message. Nothing after the failed step is written, so no
 * manifest is stored for a file whose work failed.
 */
public final class EncodeFailedException extends IllegalStateException {
  EncodeFailedException(String where, Exception cause) {
    super(where + ": " + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()), cause);
  }
}
