package io.slotbeam.prover.bn254;

import io.slotbeam.core.field.NonCanonicalFieldElementException;

/**
 * The status codes of libslotbeam ({@code slotbeam.h}) and their Java exceptions. The bindings
 * check arguments before a call, so a status other than the data checks only C can make
 * (canonical integers, points on the curve) means a binding bug and is an {@link
 * IllegalStateException}.
 */
public final class NativeStatus {
  private NativeStatus() {}

  public static final int OK = 0;
  public static final int NULL = -1;
  public static final int LENGTH = -2;
  public static final int NONCANONICAL = -3;
  public static final int NOT_ON_CURVE = -4;
  public static final int ARGUMENT = -5;
  public static final int UNSUPPORTED = -6;
  public static final int NOT_INITIALISED = -7;
  public static final int MEMORY = -8;

  /** Returns when {@code status} is OK; otherwise throws naming {@code call} and the status. */
  public static void check(int status, String call) {
    switch (status) {
      case OK:
        return;
      case NONCANONICAL:
        throw new NonCanonicalFieldElementException(
            call + ": an input integer is not below the field modulus (SB_ERR_NONCANONICAL)");
      case NOT_ON_CURVE:
        throw new PointNotOnCurveException(
            call + ": an input point is not on the curve y^2 = x^3 + b (SB_ERR_NOT_ON_CURVE)");
      case MEMORY:
        throw new OutOfMemoryError(call + ": native allocation failed (SB_ERR_MEMORY)");
      default:
        throw new IllegalStateException(call + " failed with status " + name(status) + " (" + status + ")");
    }
  }

  /** The C name of a status code. */
  public static String name(int status) {
    return switch (status) {
      case OK -> "SB_OK";
      case NULL -> "SB_ERR_NULL";
      case LENGTH -> "SB_ERR_LENGTH";
      case NONCANONICAL -> "SB_ERR_NONCANONICAL";
      case NOT_ON_CURVE -> "SB_ERR_NOT_ON_CURVE";
      case ARGUMENT -> "SB_ERR_ARGUMENT";
      case UNSUPPORTED -> "SB_ERR_UNSUPPORTED";
      case NOT_INITIALISED -> "SB_ERR_NOT_INITIALISED";
      case MEMORY -> "SB_ERR_MEMORY";
      default -> "unknown status";
    };
  }
}
