package io.slotbeam.prover.bn254;

/** Coordinates that do not satisfy the curve equation of the group they were given for. */
public final class PointNotOnCurveException extends IllegalArgumentException {
  public PointNotOnCurveException(String message) {
    super(message);
  }
}
