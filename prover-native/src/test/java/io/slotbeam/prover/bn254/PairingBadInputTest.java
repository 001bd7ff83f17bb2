package io.slotbeam.prover.bn254;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotbeam.core.groth16.G1Point;
import io.slotbeam.core.groth16.G2Point;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * The pairing and Groth16 functions called directly, past the Java checks: wrong lengths, NULLs,
 * integers not below p or r and points off their curves give a status (and for Groth16 the bad
 * item's index), never a crash.
 */
class PairingBadInputTest {
  private static final int N = 2; // public inputs of the key below
  private static final int VK_BYTES = 64 + 3 * 128 + 64 * (N + 1);
  private final PairingLibrary lib = PairingNative.library();
  private final int[] valid = new int[1];
  private final long[] badItem = new long[1];

  /** A well-formed key, proof and inputs: generators everywhere, inputs 1 and 2. */
  private static byte[][] wellFormed() {
    byte[] g1 = PointBytes.g1(TwistPoints.g1GeneratorTimes(BigInteger.ONE));
    byte[] g2 = PointBytes.g2(TwistPoints.generatorTimes(BigInteger.ONE));
    byte[] vk = new byte[VK_BYTES];
    System.arraycopy(g1, 0, vk, 0, 64);
    for (int i = 0; i < 3; i++) {
      System.arraycopy(g2, 0, vk, 64 + 128 * i, 128);
    }
    for (int i = 0; i <= N; i++) {
      System.arraycopy(g1, 0, vk, 64 + 3 * 128 + 64 * i, 64);
    }
    byte[] proof = new byte[256];
    System.arraycopy(g1, 0, proof, 0, 64);
    System.arraycopy(g2, 0, proof, 64, 128);
    System.arraycopy(g1, 0, proof, 192, 64);
    byte[] inputs = new byte[32 * N];
    inputs[0] = 1;
    inputs[32] = 2;
    return new byte[][] {vk, proof, inputs};
  }

  private int verify(byte[] vk, byte[] proof, byte[] inputs) {
    return lib.sb_groth16_verify(vk, vk.length, proof, proof.length, inputs, inputs.length, valid,
        badItem);
  }

  @Test
  void wellFormedInputGivesAnAnswer() {
    byte[][] ok = wellFormed();
    assertEquals(NativeStatus.OK, verify(ok[0], ok[1], ok[2]));
    assertEquals(0, valid[0]); // generators everywhere satisfy no Groth16 equation
  }

  @Test
  void wrongLengthsAndNullsAreStatuses() {
    byte[][] ok = wellFormed();
    byte[] oneInputTooMany = new byte[32 * (N + 1)];
    assertEquals(NativeStatus.LENGTH, verify(ok[0], ok[1], oneInputTooMany));
    assertEquals(NativeStatus.LENGTH, verify(ok[0], new byte[255], ok[2]));
    assertEquals(NativeStatus.LENGTH,
        lib.sb_pairing(new byte[64], 64, new byte[128], 127, new byte[384], 384));
    assertEquals(NativeStatus.NULL,
        lib.sb_groth16_verify(null, 0, ok[1], 256, ok[2], ok[2].length, valid, badItem));
    assertEquals(NativeStatus.NULL,
        lib.sb_groth16_verify(ok[0], ok[0].length, ok[1], 256, ok[2], ok[2].length, null, badItem));
  }

  @Test
  void badItemsAreNamedByIndex() {
    byte[][] bad = wellFormed();
    bad[1][64 + 5] ^= 1; // B.x.c0 changed: off the twist
    assertEquals(NativeStatus.NOT_ON_CURVE, verify(bad[0], bad[1], bad[2]));
    assertEquals(1, badItem[0]);

    bad = wellFormed();
    Le32.write(Reference.P, bad[0], 64 + 3 * 128 + 64 * 2); // IC[2].x = p
    assertEquals(NativeStatus.NONCANONICAL, verify(bad[0], bad[1], bad[2]));
    assertEquals(7 + 2, badItem[0]);

    bad = wellFormed();
    Le32.write(Reference.R, bad[2], 32); // inputs[1] = r
    assertEquals(NativeStatus.NONCANONICAL, verify(bad[0], bad[1], bad[2]));
    assertEquals(7 + (N + 1) + 1, badItem[0]);

    bad = wellFormed();
    PointBytes.writeG2(TwistPoints.cofactorTorsion(3), bad[0], 64 + 128 * 2); // delta
    assertEquals(PairingLibrary.SB_ERR_NOT_IN_SUBGROUP, verify(bad[0], bad[1], bad[2]));
    assertEquals(6, badItem[0]);
  }

  @Test
  void infinityIsAcceptedAsAPoint() {
    byte[][] ok = wellFormed();
    byte[] proof = new byte[256];
    assertEquals(NativeStatus.OK, verify(ok[0], proof, ok[2]));
    assertEquals(0, valid[0]);
    byte[] out = new byte[PairingLibrary.FP12_BYTES];
    byte[] g1 = PointBytes.g1(G1Point.INFINITY);
    byte[] g2 = PointBytes.g2(G2Point.INFINITY);
    assertEquals(NativeStatus.OK, lib.sb_pairing(g1, 64, g2, 128, out, out.length));
  }
}
