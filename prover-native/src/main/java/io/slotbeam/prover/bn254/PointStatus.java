package io.slotbeam.prover.bn254;

import io.slotbeam.core.groth16.InvalidGroth16Exception;

/**
 * The statuses of the pairing functions about a point's validity, as {@link
 * InvalidGroth16Exception}s naming the point; any other failure goes to {@link NativeStatus}.
 */
public final class PointStatus {
  private PointStatus() {}

  /** Returns when {@code status} is OK; {@code what} names the point the status is about. */
  public static void check(int status, String what) {
    switch (status) {
      case NativeStatus.NOT_ON_CURVE -> throw new InvalidGroth16Exception(
          what + " is not on its curve (G1: y² = x³ + 3; G2: the twist y² = x³ + 3/(9+u))");
      case PairingLibrary.SB_ERR_NOT_IN_SUBGROUP -> throw new InvalidGroth16Exception(
          what + " is on the twist y² = x³ + 3/(9+u) but not in G2 (its order is not r)");
      case NativeStatus.NONCANONICAL -> throw new InvalidGroth16Exception(
          what + " is not a canonical integer below its modulus");
      default -> NativeStatus.check(status, "pairing");
    }
  }
}
