package io.slotbeam.prover.setup;

import io.slotbeam.circuits.R1csFile;
import io.slotbeam.circuits.ZkeyFile;
import io.slotbeam.circuits.ZkeyWriter;
import io.slotbeam.core.field.Fr;
import io.slotbeam.core.field.FrMontgomery;
import io.slotbeam.core.groth16.Groth16Json;
import io.slotbeam.core.groth16.VerificationKey;
import io.slotbeam.prover.bn254.CurveGroup;
import io.slotbeam.prover.bn254.Pairing;
import io.slotbeam.prover.circuit.ProofFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * A development setup of a circuit folder: reads {@code sample_and_prove.r1cs}, makes the key
 * ({@link DevSetup}, unsafe for production) and writes {@code sample_and_prove.zkey} in snarkjs's
 * format and {@code verification_key.json} beside it. The zkey's sections come in the order
 * {@code snarkjs groth16 setup} writes them (node_modules/snarkjs/src/zkey_new.js: 1, 2, 4, 3, 9,
 * 8, 5, 6, 7, 10), and section 10 holds one contribution named {@link DevSetup#UNSAFE_NOTICE},
 * so the warning travels with the file ({@code ZkeyFile.Contribution#name}).
 */
public final class DevSetupFiles {
  /** The constraints of a built circuit folder, as circom names them (build-circuit.sh). */
  public static final String R1CS = "sample_and_prove.r1cs";

  /** The proving key written here, where proving looks for it. */
  public static final String ZKEY = "sample_and_prove.zkey";

  /** The verification key written here, in snarkjs's JSON. */
  public static final String VERIFICATION_KEY = "verification_key.json";

  /**
   * Written last by {@link #writeUnlessCurrent}: the SHA-256 of the r1cs the keys were made from,
   * so a rebuilt circuit gets new keys.
   */
  public static final String STAMP = "dev-setup.sha256";

  /** zkey section ids (ZkeyFile's table). */
  private static final int PROTOCOL = 1, HEADER = 2, IC = 3, COEFFICIENTS = 4, A = 5, B1 = 6,
      B2 = 7, C = 8, H = 9, CONTRIBUTIONS = 10;

  /** R² mod r: section 4 stores each coefficient v as v·R² (zkey_new.js, writeCoef). */
  private static final Fr R_SQUARED = Fr.of(BigInteger.ONE.shiftLeft(512).mod(FrMontgomery.MODULUS));

  /** The contribution parameter that holds a name (zkey_utils.js, readContribution: type 1). */
  private static final int NAME_PARAMETER = 1;

  private DevSetupFiles() {}

  /**
   * Writes the zkey and the verification key of the circuit in {@code folder}; returns the zkey.
   * {@code vk_alphabeta_12}, the one field a zkey does not hold, is {@code e(alpha1, beta2)} from
   * the native pairing, as snarkjs computes it on export.
   */
  public static Path write(Path folder, SecureRandom random) throws IOException {
    R1csFile r1cs = R1csFile.read(folder.resolve(R1CS));
    DevSetupKey key = DevSetup.generate(constraintSystem(r1cs), random);
    Path zkey = folder.resolve(ZKEY);
    writeZkey(zkey, r1cs, key);
    VerificationKey vk = ZkeyFile.read(zkey).verificationKey();
    vk = vk.withAlphaBeta12(Pairing.pair(vk.alpha1(), vk.beta2()));
    ProofFiles.writeAtomically(folder.resolve(VERIFICATION_KEY), Groth16Json.writeVerificationKey(vk));
    return zkey;
  }

  /**
   * As {@link #write}, unless the folder's keys were already made from this very r1cs (its
   * {@link #STAMP}); returns whether it wrote. Callers that may race hold a lock around it.
   */
  public static boolean writeUnlessCurrent(Path folder, SecureRandom random) throws IOException {
    String digest = sha256(folder.resolve(R1CS));
    Path stamp = folder.resolve(STAMP);
    if (Files.isRegularFile(folder.resolve(ZKEY))
        && Files.isRegularFile(folder.resolve(VERIFICATION_KEY))
        && Files.isRegularFile(stamp)
        && Files.readString(stamp, StandardCharsets.UTF_8).equals(digest)) {
      return false;
    }
    write(folder, random);
    ProofFiles.writeAtomically(stamp, digest);
    return true;
  }

  private static String sha256(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The r1cs's counts and its A, B and C terms. */
  public static ConstraintSystem constraintSystem(R1csFile r1cs) {
    R1csFile.Header h = r1cs.header();
    long termCount = 0;
    for (R1csFile.Matrix matrix : R1csFile.Matrix.values()) {
      termCount += r1cs.terms(matrix).size();
    }
    ConstraintSystem.Builder builder =
        ConstraintSystem.builder(
            r1cs.constraintCount(), (int) h.wires(), (int) h.publicSignals(),
            (int) Math.max(1, Math.min(termCount, ConstraintSystem.MAX_TERMS)));
    for (R1csFile.Matrix matrix : R1csFile.Matrix.values()) {
      R1csFile.Terms terms = r1cs.terms(matrix);
      ConstraintSystem.Matrix target = ConstraintSystem.Matrix.valueOf(matrix.name());
      for (int c = 0; c < r1cs.constraintCount(); c++) {
        for (int t = terms.start(c); t < terms.end(c); t++) {
          builder.term(target, c, terms.wire(t), terms.coefficient(t));
        }
      }
    }
    return builder.build();
  }

  private static void writeZkey(Path target, R1csFile r1cs, DevSetupKey key) throws IOException {
    ZkeyFile.Groth16Header header =
        new ZkeyFile.Groth16Header(
            key.variables(), key.publicSignals(), key.domainSize(),
            key.alpha1(), key.beta1(), key.beta2(), key.gamma2(), key.delta1(), key.delta2());
    try (ZkeyWriter writer =
        ZkeyWriter.create(target, ZkeyFile.MAGIC, ZkeyFile.VERSION, ZkeyFile.SECTIONS)) {
      writer.section(PROTOCOL, ZkeyFile::writeProtocol);
      writer.section(HEADER, out -> ZkeyFile.writeHeader(out, header));
      writer.section(COEFFICIENTS, out -> writeCoefficients(out, r1cs));
      writer.section(IC, out -> out.put(key.ic()));
      writer.section(H, out -> out.put(key.h()));
      writer.section(C, out -> out.put(key.c()));
      writer.section(A, out -> out.put(key.a()));
      writer.section(B1, out -> out.put(key.b1()));
      writer.section(B2, out -> out.put(key.b2()));
      writer.section(CONTRIBUTIONS, out -> ZkeyFile.writeMpcParams(out, mpcParams(key)));
      writer.commit();
    }
  }

  /**
   * Section 4: the A and B terms of each constraint in file order, then A's 1 at row
   * nConstraints + s for the constant and each public signal s (zkey_new.js, processConstraints).
   */
  private static void writeCoefficients(ZkeyWriter.Output out, R1csFile r1cs) throws IOException {
    int constraints = r1cs.constraintCount();
    int publics = (int) r1cs.header().publicSignals();
    R1csFile.Terms a = r1cs.terms(R1csFile.Matrix.A);
    R1csFile.Terms b = r1cs.terms(R1csFile.Matrix.B);
    out.putInt(a.size() + b.size() + publics + 1);
    for (int c = 0; c < constraints; c++) {
      for (int t = a.start(c); t < a.end(c); t++) {
        out.putInt(0).putInt(c).putInt(a.wire(t)).put(a.coefficient(t).multiply(R_SQUARED).toBytes());
      }
      for (int t = b.start(c); t < b.end(c); t++) {
        out.putInt(1).putInt(c).putInt(b.wire(t)).put(b.coefficient(t).multiply(R_SQUARED).toBytes());
      }
    }
    for (int s = 0; s <= publics; s++) {
      out.putInt(0).putInt(constraints + s).putInt(s).put(R_SQUARED.toBytes());
    }
  }

  /**
   * Section 10: no ceremony, so the circuit hash is zeros; one contribution whose name is the
   * warning. Its points are deltaAfter = δ₁ and a "proof" with s = 1 (g1_s = G1, g1_sx = δ₁,
   * g2_spx = δ₂); there is no transcript, so {@code snarkjs zkey verify} cannot vouch for it, as
   * it should not.
   */
  private static ZkeyFile.MpcParams mpcParams(DevSetupKey key) {
    byte[] generator = CurveGroup.G1.toSnarkjs(CurveGroup.G1.pack(List.of(BigInteger.ONE, BigInteger.TWO)));
    byte[] points = concat(key.delta1(), generator, key.delta1(), key.delta2());
    byte[] name = DevSetup.UNSAFE_NOTICE.getBytes(StandardCharsets.UTF_8);
    byte[] parameters = concat(new byte[] {NAME_PARAMETER, (byte) name.length}, name);
    ZkeyFile.Contribution contribution = new ZkeyFile.Contribution(points, new byte[64], 0, parameters);
    return new ZkeyFile.MpcParams(new byte[64], List.of(contribution));
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] p : parts) {
      length += p.length;
    }
    byte[] out = new byte[length];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }
}
