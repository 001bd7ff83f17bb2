package io.slotbeam.core.block;

/** A dataset of zero bytes, which Codex refuses to store (spec datapath §2.3). */
public final class EmptyDatasetException extends IllegalArgumentException {
  public EmptyDatasetException(String message) {
    super(message);
  }
}
