package io.slotbeam.prover.setup;

import io.slotbeam.core.field.Fr;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * What a Groth16 setup needs of an R1CS: the constraint and signal counts, how many signals are
 * public (signal 0 is the constant one, signals 1..publicSignals are the public outputs and
 * inputs, as in a circom .r1cs) and the non-zero terms of the A, B and C matrices. Terms are kept
 * packed as libslotbeam takes them ({@code dev_setup.h}: matrix, constraint, signal as
 * little-endian uint32, then the coefficient as Fr bytes). Build one with {@link #builder}.
 */
public final class ConstraintSystem {
  /** The three matrices of {@code A·w ∘ B·w = C·w}. */
  public enum Matrix {
    A,
    B,
    C
  }

  /** The most terms a system can hold (its packed terms are one Java array). */
  public static final int MAX_TERMS = Integer.MAX_VALUE / SetupLibrary.TERM_BYTES;

  private final int constraints;
  private final int variables;
  private final int publicSignals;
  private final byte[] terms;
  private final int termCount;

  private ConstraintSystem(int constraints, int variables, int publicSignals, byte[] terms, int termCount) {
    this.constraints = constraints;
    this.variables = variables;
    this.publicSignals = publicSignals;
    this.terms = terms;
    this.termCount = termCount;
  }

  /**
   * A builder for a system of {@code constraints} constraints over {@code variables} signals of
   * which {@code publicSignals} (after the constant one) are public.
   */
  public static Builder builder(int constraints, int variables, int publicSignals) {
    return builder(constraints, variables, publicSignals, 64);
  }

  /** As {@link #builder(int, int, int)}, with room for {@code expectedTerms} terms from the start. */
  public static Builder builder(int constraints, int variables, int publicSignals, int expectedTerms) {
    if (constraints < 1) {
      throw new IllegalArgumentException("a constraint system needs at least one constraint, got " + constraints);
    }
    if (publicSignals < 0 || variables < publicSignals + 1) {
      throw new IllegalArgumentException(
          variables + " signals cannot hold the constant one and " + publicSignals + " public signals");
    }
    if (expectedTerms < 1 || expectedTerms > MAX_TERMS) {
      throw new IllegalArgumentException(
          "expected terms " + expectedTerms + " are not in [1, " + MAX_TERMS + "]");
    }
    return new Builder(constraints, variables, publicSignals, expectedTerms);
  }

  public int constraints() {
    return constraints;
  }

  public int variables() {
    return variables;
  }

  public int publicSignals() {
    return publicSignals;
  }

  public int termCount() {
    return termCount;
  }

  /** The packed terms (shared, not copied: libslotbeam reads them in place). */
  byte[] packedTerms() {
    return terms;
  }

  /** Collects terms; each is checked against the counts when added. */
  public static final class Builder {
    private final int constraints;
    private final int variables;
    private final int publicSignals;
    private final long[] limbs = new long[4];
    private ByteBuffer terms;
    private int termCount;

    private Builder(int constraints, int variables, int publicSignals, int expectedTerms) {
      this.terms = ByteBuffer.allocate(SetupLibrary.TERM_BYTES * expectedTerms).order(ByteOrder.LITTLE_ENDIAN);
      this.constraints = constraints;
      this.variables = variables;
      this.publicSignals = publicSignals;
    }

    /** Adds {@code coefficient · w[signal]} to row {@code constraint} of {@code matrix}. */
    public Builder term(Matrix matrix, int constraint, int signal, Fr coefficient) {
      if (constraint < 0 || constraint >= constraints) {
        throw new IllegalArgumentException(
            matrix + " term in constraint " + constraint + ": constraints are 0.." + (constraints - 1));
      }
      if (signal < 0 || signal >= variables) {
        throw new IllegalArgumentException(
            matrix + " term of constraint " + constraint + " names signal " + signal + ": signals are 0.."
                + (variables - 1));
      }
      if (termCount == MAX_TERMS) {
        throw new IllegalArgumentException("more than " + termCount + " terms");
      }
      if (terms.remaining() < SetupLibrary.TERM_BYTES) {
        long grown = Math.min(2L * terms.capacity(), (long) SetupLibrary.TERM_BYTES * MAX_TERMS);
        terms = ByteBuffer.wrap(Arrays.copyOf(terms.array(), (int) grown))
            .order(ByteOrder.LITTLE_ENDIAN)
            .position(terms.position());
      }
      terms.putInt(matrix.ordinal()).putInt(constraint).putInt(signal);
      coefficient.copyCanonicalLimbs(limbs, 0);
      for (long limb : limbs) {
        terms.putLong(limb);
      }
      termCount++;
      return this;
    }

    public ConstraintSystem build() {
      return new ConstraintSystem(
          constraints, variables, publicSignals, Arrays.copyOf(terms.array(), terms.position()), termCount);
    }
  }
}
