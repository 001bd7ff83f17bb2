package io.slotbeam.circuits;

import java.util.Objects;
import java.util.Optional;

/**
 * A witness that cannot be computed, or a {@code .wtns} file that cannot be read.
 *
 * <p>The message always names the problem, and for input errors the signal and the index of the
 * value, e.g. {@code "input signal cellData[14]: 2188… is not in [0, r)"} or {@code "input signal
 * xs has 4 values but 3 were given"}. A failed constraint or {@code assert} inside the circuit
 * carries circom's own message, e.g. {@code "Assert Failed. Error in template Tiny_0 line: 20"}.
 * {@link #reason} tells the kinds apart without parsing messages.
 */
public class WitnessException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Reason {
    /** An input name that is not an input signal of the circuit. */
    UNKNOWN_SIGNAL,
    /** An input signal given more or fewer values than it has. */
    WRONG_COUNT,
    /** An input value that is null, of an unsupported type, negative, or not below r. */
    BAD_VALUE,
    /** Some input signals of the circuit were not given at all. */
    MISSING_INPUTS,
    /**
     * The circuit stopped itself: a failed {@code ===} or {@code assert}, or another circom runtime
     * error (its message is kept).
     */
    CIRCUIT_ERROR,
    /** The wasm trapped or the engine failed in a way circom did not report. */
    WASM_TRAP,
    /** The file is not a circom 2 witness wasm over BN254, or cannot be loaded. */
    BAD_WASM,
    /** Bytes that are not a BN254 {@code .wtns} file as snarkjs writes it. */
    BAD_WTNS
  }

  private final Reason reason;
  private final String signal;
  private final int index;

  public WitnessException(Reason reason, String message) {
    this(reason, null, -1, message, null);
  }

  public WitnessException(Reason reason, String message, Throwable cause) {
    this(reason, null, -1, message, cause);
  }

  /**
   * @param signal the input signal concerned, or null
   * @param index the index of the value in the flattened signal, or -1
   */
  public WitnessException(
      Reason reason, String signal, int index, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.signal = signal;
    this.index = index;
  }

  public Reason reason() {
    return reason;
  }

  /** The input signal concerned, when there is one. */
  public Optional<String> signal() {
    return Optional.ofNullable(signal);
  }

  /** The index of the offending value in the flattened input signal, or -1. */
  public int index() {
    return index;
  }
}
