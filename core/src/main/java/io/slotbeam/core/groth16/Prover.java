package io.slotbeam.core.groth16;

import io.slotbeam.core.field.Fr;
import java.util.List;

/**
 * A Groth16 prover bound to one proving key (one circuit, one setup).
 *
 * <p>Contract: {@link #prove} takes the full witness of that circuit in wire order, wire 0 being
 * the constant 1, then the public inputs (wires {@code 1..nPublic}), then the private wires, as a
 * witness calculator produces it. It returns a proof together with the public inputs read from the
 * witness. A witness of the wrong length, or whose wire 0 is not 1, is rejected with an {@link
 * IllegalArgumentException} naming the length or value; a witness that does not satisfy the
 * constraints is the caller's mistake and yields a proof that does not verify (a prover need not
 * check satisfaction). Implementations say whether they are thread-safe.
 */
public interface Prover {
  /** A proof and the public inputs it was made for. */
  record Result(Proof proof, PublicInputs publicInputs) {}

  /** The number of wires of a full witness for this key ({@code nVars}). */
  int witnessSize();

  /** The number of public inputs ({@code nPublic}). */
  int publicInputCount();

  /** Proves the statement whose full witness is {@code witness} (see the class contract). */
  Result prove(List<Fr> witness);
}
