package io.slotbeam.prover.setup;

import com.sun.jna.Memory;
import io.slotbeam.prover.bn254.NativeField;
import io.slotbeam.prover.bn254.NativeStatus;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * A development Groth16 setup: the proving key of a constraint system made in seconds from local
 * randomness instead of a powers-of-tau ceremony, with the points snarkjs would put in a zkey for
 * the same τ, α, β, γ, δ (the native side, {@code dev_setup.c}, says how). <b>Unsafe for
 * production</b>: this process saw the toxic waste, and anyone who learns it can forge proofs.
 * The toxic waste lives in one byte array here, in native memory handed to the library and in the
 * library's scratch memory, and all three are wiped when the key is made.
 */
public final class DevSetup {
  /** The warning every artifact of a development setup carries (CLI help, zkey, README). */
  public static final String UNSAFE_NOTICE =
      "slotbeam development setup: UNSAFE FOR PRODUCTION, its maker knew the toxic waste and can forge proofs";

  /** τ, α, β, γ, δ. */
  static final int TOXIC_SCALARS = 5;

  private static final int SCALAR_BYTES = 32;
  private static final byte[] FR_MODULUS_LE = littleEndian(NativeField.FR.modulus());

  private DevSetup() {}

  /**
   * The domain size snarkjs gives a circuit: {@code 2^(⌊log2(constraints + publicSignals)⌋ + 1)},
   * room for the constraints and the nPublic + 1 rows binding the public signals
   * (node_modules/snarkjs/src/zkey_new.js, cirPower).
   */
  public static int domainSize(int constraints, int publicSignals) {
    long rows = (long) constraints + publicSignals;
    int power = 64 - Long.numberOfLeadingZeros(rows);
    if (rows < 1 || power > Integer.numberOfTrailingZeros(SetupLibrary.MAX_DOMAIN)) {
      throw new IllegalArgumentException(
          constraints + " constraints and " + publicSignals + " public signals need a domain of 2^" + power
              + " but H lives on the 2n-th roots of unity and BN254's Fr has 2^28-th roots at most (n <= 2^27)");
    }
    return 1 << power;
  }

  /** A key from fresh randomness. */
  public static DevSetupKey generate(ConstraintSystem system, SecureRandom random) {
    byte[] toxic = new byte[TOXIC_SCALARS * SCALAR_BYTES];
    try {
      for (int i = 0; i < TOXIC_SCALARS; i++) {
        sampleNonZeroScalar(random, toxic, SCALAR_BYTES * i);
      }
      return generate(system, toxic);
    } finally {
      Arrays.fill(toxic, (byte) 0);
    }
  }

  /** A key for given toxic waste: τ, α, β, γ, δ as 32-byte little-endian canonical Fr integers. */
  static DevSetupKey generate(ConstraintSystem system, byte[] toxic) {
    int n = domainSize(system.constraints(), system.publicSignals());
    int variables = system.variables();
    int publics = system.publicSignals();
    byte[] keyPoints = new byte[SetupLibrary.KEY_POINT_BYTES];
    byte[] ic = new byte[64 * (publics + 1)];
    byte[] a = new byte[64 * variables];
    byte[] b1 = new byte[64 * variables];
    byte[] b2 = new byte[128 * variables];
    byte[] c = new byte[64 * (variables - publics - 1)];
    byte[] h = new byte[64 * n];
    byte[] terms = system.packedTerms();
    int status;
    try (Memory secret = new Memory(toxic.length)) {
      secret.write(0, toxic, 0, toxic.length);
      try {
        status =
            SetupLibrary.load()
                .sb_groth16_dev_setup(
                    secret, toxic.length,
                    system.constraints(), variables, publics, n,
                    terms, terms.length,
                    keyPoints, keyPoints.length,
                    ic, ic.length,
                    a, a.length,
                    b1, b1.length,
                    b2, b2.length,
                    c, c.length,
                    h, h.length);
      } finally {
        secret.clear();
      }
    }
    NativeStatus.check(status, "sb_groth16_dev_setup");
    return new DevSetupKey(
        n, variables, publics,
        Arrays.copyOfRange(keyPoints, 0, 64),
        Arrays.copyOfRange(keyPoints, 64, 128),
        Arrays.copyOfRange(keyPoints, 128, 256),
        Arrays.copyOfRange(keyPoints, 256, 384),
        Arrays.copyOfRange(keyPoints, 384, 448),
        Arrays.copyOfRange(keyPoints, 448, 576),
        ic, a, b1, b2, c, h);
  }

  /**
   * Fills {@code out[offset..offset+32)} with a uniform scalar in [1, r): 254 random bits,
   * rejected when not below r (about one draw in four) or zero. No BigInteger ever holds it, so
   * the caller can wipe it.
   */
  static void sampleNonZeroScalar(SecureRandom random, byte[] out, int offset) {
    byte[] draw = new byte[SCALAR_BYTES];
    try {
      do {
        random.nextBytes(draw);
        draw[SCALAR_BYTES - 1] &= 0x3f; // r < 2^254
      } while (!isNonZeroBelowModulus(draw));
      System.arraycopy(draw, 0, out, offset, SCALAR_BYTES);
    } finally {
      Arrays.fill(draw, (byte) 0);
    }
  }

  private static boolean isNonZeroBelowModulus(byte[] le) {
    boolean zero = true;
    for (byte b : le) {
      zero &= b == 0;
    }
    for (int i = SCALAR_BYTES - 1; i >= 0; i--) {
      int x = le[i] & 0xff;
      int m = FR_MODULUS_LE[i] & 0xff;
      if (x != m) {
        return x < m && !zero;
      }
    }
    return false; // equal to r
  }

  private static byte[] littleEndian(BigInteger value) {
    byte[] be = value.toByteArray();
    byte[] le = new byte[SCALAR_BYTES];
    for (int i = 0; i < SCALAR_BYTES && i < be.length; i++) {
      le[i] = be[be.length - 1 - i];
    }
    return le;
  }
}
