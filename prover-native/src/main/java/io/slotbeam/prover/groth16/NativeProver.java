package io.slotbeam.prover.groth16;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import io.slotbeam.circuits.Witness;
import io.slotbeam.core.field.Fr;
import io.slotbeam.core.field.FrMontgomery;
import io.slotbeam.core.groth16.Fp;
import io.slotbeam.core.groth16.Fp2;
import io.slotbeam.core.groth16.G1Point;
import io.slotbeam.core.groth16.G2Point;
import io.slotbeam.core.groth16.Proof;
import io.slotbeam.core.groth16.Prover;
import io.slotbeam.core.groth16.PublicInputs;
import io.slotbeam.prover.bn254.NativeStatus;
import io.slotbeam.prover.bn254.ProverLibrary;
import io.slotbeam.prover.bn254.ProverNative;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A Groth16 prover over a snarkjs proving key, computing in libslotbeam (groth16.c) as snarkjs's
 * {@code groth16 prove} does, with fresh blinding scalars r and s from a {@link SecureRandom}
 * for each proof.
 *
 * <p>The key's sections are checked by circuits' {@code ZkeyFile.read} (header, sizes, curve) and
 * once more by the library when it is bound (every point on its curve, every coefficient's indices below
 * the counts and value below r); the library then reads them in place from the memory-mapped
 * file, which this prover keeps mapped, so proofs neither re-read nor copy the key. For a key
 * {@linkplain ProvingKey#fileMapped mapped from its file} the library drops each section's pages
 * from the resident set after using them, so a bound key costs the page cache, not this
 * process, its size. Thread-safe:
 * concurrent proofs share the library's one thread pool; {@link #close} releases the native key
 * after the proofs under way have finished.
 */
public final class NativeProver implements Prover, AutoCloseable {
  private static final int G1_BYTES = ProvingKey.G1_BYTES;
  private static final int G2_BYTES = ProvingKey.G2_BYTES;
  /** SB_KEY_FILE_MAPPED of prover.h. */
  private static final int FILE_MAPPED = 1;

  private final ProverLibrary library;
  private final int witnessSize;
  private final int publicInputCount;
  private final SecureRandom random = new SecureRandom();
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private Pointer key;
  /** The mapped sections the native key reads; held so that they stay mapped. */
  private List<ByteBuffer> sections;

  private NativeProver(
      ProverLibrary library, Pointer key, List<ByteBuffer> sections, int witnessSize, int publicInputCount) {
    this.library = library;
    this.key = key;
    this.sections = sections;
    this.witnessSize = witnessSize;
    this.publicInputCount = publicInputCount;
  }

  /**
   * Binds {@code key} (its sections are read in place while this prover is open). Throws {@link
   * io.slotbeam.prover.bn254.PointNotOnCurveException} or {@link IllegalStateException} naming
   * the status when the library refuses a section.
   */
  public static NativeProver load(ProvingKey key) {
    byte[] vk = new byte[3 * G1_BYTES + 2 * G2_BYTES];
    ByteBuffer.wrap(vk)
        .put(key.alpha1())
        .put(key.beta1())
        .put(key.delta1())
        .put(key.beta2())
        .put(key.delta2());
    ProverLibrary library = ProverNative.library();
    PointerByReference handle = new PointerByReference();
    List<ByteBuffer> sections = List.of(key.coefficients(), key.a(), key.b1(), key.b2(), key.c(), key.h());
    Pointer[] pointers = new Pointer[sections.size()];
    long[] lengths = new long[sections.size()];
    for (int i = 0; i < pointers.length; i++) {
      pointers[i] = Native.getDirectBufferPointer(sections.get(i));
      lengths[i] = sections.get(i).capacity();
    }
    int status =
        library.sb_groth16_key_new(
            key.nVars(), key.nPublic(), key.domainSize(), vk, vk.length, pointers, lengths,
            pointers.length, key.fileMapped() ? FILE_MAPPED : 0, handle);
    NativeStatus.check(status, "sb_groth16_key_new (zkey sections 2, 4..9)");
    return new NativeProver(library, handle.getValue(), sections, key.nVars(), key.nPublic());
  }

  @Override
  public int witnessSize() {
    return witnessSize;
  }

  @Override
  public int publicInputCount() {
    return publicInputCount;
  }

  @Override
  public Result prove(List<Fr> witness) {
    checkWitness(witness.size(), witness::get);
    byte[] wires = new byte[Fr.BYTES * witnessSize];
    for (int i = 0; i < witnessSize; i++) {
      System.arraycopy(witness.get(i).toBytes(), 0, wires, Fr.BYTES * i, Fr.BYTES);
    }
    return result(wires, witness::get);
  }

  /**
   * As {@link #prove(List)} for a calculated witness, handed to the library as it is held
   * (packed {@code LE32}) without decoding a field element per wire.
   */
  public Result prove(Witness witness) {
    checkWitness(witness.size(), witness::get);
    return result(witness.toLe32Bytes(), witness::get);
  }

  private void checkWitness(int size, IntFunction<Fr> wire) {
    if (size != witnessSize) {
      throw new IllegalArgumentException(
          "witness has " + size + " wires but the proving key needs nVars = " + witnessSize);
    }
    Fr first = wire.apply(0);
    if (!first.equals(Fr.ONE)) {
      throw new IllegalArgumentException("witness wire 0 is " + first + " but must be the constant 1");
    }
  }

  /** The proof of the checked witness packed as {@code wires}, with its public inputs read by {@code wire}. */
  private Result result(byte[] wires, IntFunction<Fr> wire) {
    List<Fr> inputs = IntStream.rangeClosed(1, publicInputCount).mapToObj(wire).toList();
    return new Result(proveLe32(wires), new PublicInputs(inputs));
  }

  /** The proof of the packed canonical wires (the library rejects a value not below r). */
  private Proof proveLe32(byte[] wires) {
    byte[] rs = new byte[2 * Fr.BYTES];
    System.arraycopy(blinding().toBytes(), 0, rs, 0, Fr.BYTES);
    System.arraycopy(blinding().toBytes(), 0, rs, Fr.BYTES, Fr.BYTES);
    byte[] out = new byte[2 * G1_BYTES + G2_BYTES];
    lock.readLock().lock();
    try {
      if (key == null) {
        throw new IllegalStateException("this NativeProver is closed");
      }
      NativeStatus.check(
          library.sb_groth16_prove(key, wires, wires.length, rs, rs.length, out, out.length),
          "sb_groth16_prove");
    } finally {
      lock.readLock().unlock();
    }
    return new Proof(g1(out, 0, "pi_a"), g2(out, G1_BYTES, "pi_b"), g1(out, G1_BYTES + G2_BYTES, "pi_c"));
  }

  /** A uniform non-zero element of Fr. */
  private Fr blinding() {
    while (true) {
      BigInteger v = new BigInteger(FrMontgomery.MODULUS.bitLength(), random);
      if (v.signum() > 0 && v.compareTo(FrMontgomery.MODULUS) < 0) {
        return Fr.of(v);
      }
    }
  }

  private static BigInteger coordinate(byte[] bytes, int offset) {
    byte[] be = new byte[Fr.BYTES + 1];
    for (int i = 0; i < Fr.BYTES; i++) {
      be[Fr.BYTES - i] = bytes[offset + i];
    }
    return new BigInteger(be);
  }

  private static G1Point g1(byte[] bytes, int offset, String where) {
    return G1Point.of(coordinate(bytes, offset), coordinate(bytes, offset + 32), where);
  }

  private static G2Point g2(byte[] bytes, int offset, String where) {
    Fp2 x = new Fp2(Fp.of(coordinate(bytes, offset), where), Fp.of(coordinate(bytes, offset + 32), where));
    Fp2 y =
        new Fp2(Fp.of(coordinate(bytes, offset + 64), where), Fp.of(coordinate(bytes, offset + 96), where));
    return new G2Point(x, y);
  }

  /**
   * Frees the native key and lets go of the mapped sections; later proofs throw {@link
   * IllegalStateException}.
   */
  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      if (key != null) {
        library.sb_groth16_key_free(key);
        key = null;
        sections = null;
      }
    } finally {
      lock.writeLock().unlock();
    }
  }
}
