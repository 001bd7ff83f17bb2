package io.slotbeam.prover.groth16;

import io.slotbeam.circuits.ZkeyFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.function.IntFunction;

/**
 * The parts of a snarkjs Groth16 proving key ({@code .zkey}, node_modules/snarkjs/src/zkey_new.js)
 * that proving reads: the sizes and key points of the header (section 2) as raw Montgomery bytes
 * (64 per G1, 128 per G2 point) and the bodies of sections 4 (coefficients), 5 (A), 6 (B1), 7
 * (B2), 8 (C) and 9 (H) as direct buffers, normally views of the memory-mapped file that circuits'
 * {@code ZkeyFile} checked. The native prover reads the sections in place, so they must not
 * change while a prover is bound to them. {@code fileMapped} says that they are views of a
 * read-only file mapping, so that the library may drop their pages from this process's resident
 * memory after each pass (the page cache keeps them): the prover then holds about the section it
 * is reading, not the whole key. It must be false for any other memory, which that would zero.
 */
public record ProvingKey(
    int nVars,
    int nPublic,
    int domainSize,
    byte[] alpha1,
    byte[] beta1,
    byte[] delta1,
    byte[] beta2,
    byte[] delta2,
    ByteBuffer coefficients,
    ByteBuffer a,
    ByteBuffer b1,
    ByteBuffer b2,
    ByteBuffer c,
    ByteBuffer h,
    boolean fileMapped) {
  static final int G1_BYTES = 64;
  static final int G2_BYTES = 128;

  public ProvingKey {
    if (nVars < 1 || nPublic < 0 || nPublic >= nVars || domainSize < 1 || Integer.bitCount(domainSize) != 1) {
      throw new IllegalArgumentException(
          "nVars " + nVars + ", nPublic " + nPublic + ", domainSize " + domainSize
              + ": need 0 <= nPublic < nVars and a power-of-two domain");
    }
    sized(alpha1, G1_BYTES, "alpha1");
    sized(beta1, G1_BYTES, "beta1");
    sized(delta1, G1_BYTES, "delta1");
    sized(beta2, G2_BYTES, "beta2");
    sized(delta2, G2_BYTES, "delta2");
    direct(coefficients, "coefficients (section 4)");
    direct(a, "A (section 5)");
    direct(b1, "B1 (section 6)");
    direct(b2, "B2 (section 7)");
    direct(c, "C (section 8)");
    direct(h, "H (section 9)");
  }

  /**
   * The key of the zkey file at {@code path}, read and checked by circuits' {@link ZkeyFile}; its
   * sections are views of the memory-mapped file.
   */
  public static ProvingKey read(Path path) throws IOException {
    return of(ZkeyFile.read(path));
  }

  /** The key of a zkey read by {@link ZkeyFile}: its sections are views of the file's mapping. */
  public static ProvingKey of(ZkeyFile zkey) {
    ZkeyFile.Groth16Header h = zkey.header();
    return ofSections(h.nVars(), h.nPublic(), h.domainSize(), h.alpha1(), h.beta1(), h.delta1(),
        h.beta2(), h.delta2(), zkey::section, true);
  }

  /**
   * The key of a zkey's header values and its section bodies by id, from memory of any kind
   * (not treated as a file mapping), e.g. {@code ProvingKey.ofZkey(header.nVars(), …, id ->
   * buffers.get(id))}.
   */
  public static ProvingKey ofZkey(
      int nVars, int nPublic, int domainSize, byte[] alpha1, byte[] beta1, byte[] delta1,
      byte[] beta2, byte[] delta2, IntFunction<ByteBuffer> section) {
    return ofSections(nVars, nPublic, domainSize, alpha1, beta1, delta1, beta2, delta2, section, false);
  }

  private static ProvingKey ofSections(
      int nVars, int nPublic, int domainSize, byte[] alpha1, byte[] beta1, byte[] delta1,
      byte[] beta2, byte[] delta2, IntFunction<ByteBuffer> section, boolean fileMapped) {
    return new ProvingKey(nVars, nPublic, domainSize, alpha1, beta1, delta1, beta2, delta2,
        section.apply(4), section.apply(5), section.apply(6), section.apply(7), section.apply(8),
        section.apply(9), fileMapped);
  }

  private static void sized(byte[] point, int bytes, String name) {
    if (point == null || point.length != bytes) {
      throw new IllegalArgumentException(
          name + " must be " + bytes + " bytes but is " + (point == null ? "null" : point.length));
    }
  }

  private static void direct(ByteBuffer section, String name) {
    if (section == null || !section.isDirect()) {
      throw new IllegalArgumentException(
          "section " + name + " must be a direct (e.g. memory-mapped) buffer but is " + section);
    }
  }
}
