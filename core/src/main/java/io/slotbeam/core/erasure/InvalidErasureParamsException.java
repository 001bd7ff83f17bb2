package io.slotbeam.core.erasure;

/** Erasure-coding parameters (K, M, block size) that Codex or Leopard would reject (spec §6.1). */
public final class InvalidErasureParamsException extends IllegalArgumentException {
  public InvalidErasureParamsException(String message) {
    super(message);
  }
}
