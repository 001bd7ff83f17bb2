package io.slotbeam.prover.circuit;

import io.slotbeam.circuits.CircuitBuild;
import io.slotbeam.circuits.Witness;
import io.slotbeam.circuits.WitnessCalculator;
import io.slotbeam.core.field.Fr;
import io.slotbeam.core.groth16.Groth16Json;
import io.slotbeam.core.groth16.Prover;
import io.slotbeam.core.groth16.VerificationKey;
import io.slotbeam.core.hash.CellHasher;
import io.slotbeam.core.manifest.Manifest;
import io.slotbeam.core.slots.CircuitParams;
import io.slotbeam.core.slots.ProofInput;
import io.slotbeam.core.slots.ProofInputChecker;
import io.slotbeam.core.slots.Sampler;
import io.slotbeam.core.store.BlockStore;
import io.slotbeam.prover.groth16.NativeProver;
import io.slotbeam.prover.groth16.NativeVerifier;
import io.slotbeam.prover.groth16.ProvingKey;
import io.slotbeam.prover.setup.DevSetupFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A built circuit folder ready to prove: its parameters (the {@code params} stamp of
 * build-circuit.sh), the witness wasm, the proving key {@code sample_and_prove.zkey} bound to
 * libslotbeam's prover, and {@code verification_key.json} for the native verifier.
 *
 * <p>Thread-safe, and meant to be shared: one per circuit per JVM. Concurrent proofs share the
 * native prover's one thread pool (so more callers do not mean more native threads) and each
 * takes a witness calculator of its own from a pool of {@link WitnessCalculator#fork forks},
 * which grows to the number of concurrent callers. {@link #close} frees the native key after the
 * proofs under way.
 */
public final class ProvingCircuit implements AutoCloseable {
  /** The stamp build-circuit.sh writes: the parameters, then the tool versions. */
  public static final String PARAMS_STAMP = "params";

  /** Chicory's compiled witness code, kept beside the wasm so later runs load it quickly. */
  private static final String WITNESS_CACHE = "witness-cache";

  /** One {@link #devFolder} at a time per JVM; the file lock orders the JVMs. */
  private static final Object DEV_FOLDER_LOCK = new Object();

  private final Path folder;
  private final CircuitParams params;
  private final VerificationKey verificationKey;
  private final NativeProver prover;
  private final NativeVerifier verifier = new NativeVerifier();
  private final WitnessCalculator calculator;
  private final Queue<WitnessCalculator> idleCalculators = new ConcurrentLinkedQueue<>();

  private ProvingCircuit(
      Path folder,
      CircuitParams params,
      VerificationKey verificationKey,
      NativeProver prover,
      WitnessCalculator calculator) {
    this.folder = folder;
    this.params = params;
    this.verificationKey = verificationKey;
    this.prover = prover;
    this.calculator = calculator;
    idleCalculators.add(calculator);
  }

  /**
   * Opens the circuit built in {@code folder} with its keys. Throws {@link
   * CircuitFolderException} naming a missing file, or keys that do not fit the circuit.
   */
  public static ProvingCircuit open(Path folder) throws IOException {
    CircuitParams params = params(folder);
    Path wasm = CircuitBuild.wasm(folder);
    required(folder, wasm, "build the circuit with 'slotbeam circuits build'");
    Path zkey = folder.resolve(DevSetupFiles.ZKEY);
    if (!Files.isRegularFile(zkey)) {
      throw new CircuitFolderException(
          "no proving key " + zkey + "; make one for this circuit with the development setup"
              + " ('slotbeam circuits setup --dev') or put a ceremony's zkey there");
    }
    Path vkFile = folder.resolve(DevSetupFiles.VERIFICATION_KEY);
    required(folder, vkFile,
        "the development setup writes it; for a ceremony's zkey, 'snarkjs zkey export verificationkey'");
    VerificationKey vk =
        Groth16Json.readVerificationKey(Files.readString(vkFile, StandardCharsets.UTF_8));
    WitnessCalculator calculator = WitnessCalculator.load(wasm, folder.resolve(WITNESS_CACHE));
    NativeProver prover = NativeProver.load(ProvingKey.read(zkey));
    try {
      if (prover.witnessSize() != calculator.witnessSize()
          || prover.publicInputCount() != vk.nPublic()) {
        throw new CircuitFolderException(
            folder + ": the witness wasm has " + calculator.witnessSize() + " wires and "
                + DevSetupFiles.VERIFICATION_KEY + " " + vk.nPublic() + " public inputs, but "
                + DevSetupFiles.ZKEY + " has nVars = " + prover.witnessSize() + ", nPublic = "
                + prover.publicInputCount() + ": the key was made for another circuit");
      }
      return new ProvingCircuit(folder, params, vk, prover, calculator);
    } catch (RuntimeException e) {
      prover.close();
      throw e;
    }
  }

  /**
   * The parameters a folder's circuit was built for, from its {@link #PARAMS_STAMP}; lets a caller
   * check an input before it opens the circuit.
   */
  public static CircuitParams params(Path folder) throws IOException {
    Path stamp = folder.resolve(PARAMS_STAMP);
    required(folder, stamp, "build the circuit with 'slotbeam circuits build'");
    String text = Files.readString(stamp, StandardCharsets.UTF_8).trim();
    return CircuitParams.parse(text.split(" ", 2)[0]);
  }

  /**
   * The circuit of {@code params} built from the checkout at {@code repoRoot} into the user's cache
   * ({@link CircuitBuild#cacheFolder}, {@code slotbeam.cache} in tests) with a development setup
   * beside it (UNSAFE FOR PRODUCTION; {@link DevSetupFiles#writeUnlessCurrent}). Both are made
   * once and reused while the circuit's sources do not change. Concurrent callers, in this JVM or
   * others, wait for one another on a lock file next to the folder; every file is written through
   * an atomic rename. Returns the folder, ready for {@link #open}.
   */
  public static Path devFolder(Path repoRoot, CircuitParams params) throws IOException {
    Path folder = CircuitBuild.cacheFolder(params);
    Files.createDirectories(folder.getParent());
    Path lockFile = folder.resolveSibling(folder.getFileName() + ".lock");
    synchronized (DEV_FOLDER_LOCK) {
      try (FileChannel channel =
              FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = channel.lock()) {
        CircuitBuild.build(repoRoot, params, folder, OutputStream.nullOutputStream());
        DevSetupFiles.writeUnlessCurrent(folder, new SecureRandom());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while building the circuit " + params, e);
      }
    }
    return folder;
  }

  /** The folder this circuit was opened from. */
  public Path folder() {
    return folder;
  }

  /** The parameters the circuit was built for: what {@link #prove} checks inputs against. */
  public CircuitParams params() {
    return params;
  }

  /** The key proofs are verified with, from {@code verification_key.json}. */
  public VerificationKey verificationKey() {
    return verificationKey;
  }

  /**
   * Proves {@code input}: checks it against the circuit's parameters (throwing {@link
   * io.slotbeam.core.slots.InvalidProofInputException} listing every failure), computes the
   * witness in the JVM, proves natively and verifies natively. A proof that does not verify is
   * returned with {@code verified == false}; callers must not publish it.
   */
  public SlotProof prove(ProofInput input) {
    ProofInputChecker.checkOrThrow(input, params);
    long started = System.nanoTime();
    Witness witness = witness(input);
    long witnessed = System.nanoTime();
    Prover.Result result = prover.prove(witness);
    long proved = System.nanoTime();
    boolean verified = verifier.verify(verificationKey, result.publicInputs(), result.proof());
    long checked = System.nanoTime();
    return new SlotProof(
        result.proof(), result.publicInputs(), verified,
        witnessed - started, proved - witnessed, checked - proved);
  }

  /**
   * Samples slot {@code slotIndex} of the verifiable dataset {@code verifiable} in {@code store}
   * for {@code entropy} (core's {@link Sampler} with the fastest cell hasher) and {@link #prove
   * proves} it. A missing block is an {@link IllegalStateException} naming it.
   */
  public SlotProof proveSlot(BlockStore store, Manifest verifiable, int slotIndex, Fr entropy)
      throws IOException {
    return prove(new Sampler(store, CellHasher.fastest()).sample(verifiable, slotIndex, entropy, params));
  }

  /** The witness on a calculator no other thread is using. */
  private Witness witness(ProofInput input) {
    WitnessCalculator mine = idleCalculators.poll();
    if (mine == null) {
      mine = calculator.fork();
    }
    try {
      return mine.calculate(input);
    } finally {
      idleCalculators.add(mine);
    }
  }

  /** Frees the native proving key once the proofs under way have finished. */
  @Override
  public void close() {
    prover.close();
  }

  private static void required(Path folder, Path file, String howToMakeIt) {
    if (!Files.isRegularFile(file)) {
      throw new CircuitFolderException(
          "no " + folder.relativize(file) + " in " + folder + "; " + howToMakeIt);
    }
  }
}
