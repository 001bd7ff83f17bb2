package io.slotbeam.node.market;

/** The contract's verifier rejected a proof ({@code Proofs_InvalidProof}, spec node §6). */
public final class ProofInvalidException extends MarketException {
  public ProofInvalidException(String message) {
    super(message);
  }
}
