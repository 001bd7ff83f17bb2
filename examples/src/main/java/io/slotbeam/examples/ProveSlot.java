package io.slotbeam.examples;

import io.slotbeam.circuits.CircuitBuild;
import io.slotbeam.circuits.Witness;
import io.slotbeam.circuits.WitnessCalculator;
import io.slotbeam.circuits.ZkeyFile;
import io.slotbeam.core.groth16.Groth16Json;
import io.slotbeam.core.groth16.Prover;
import io.slotbeam.core.groth16.VerificationKey;
import io.slotbeam.core.slots.CircuitParams;
import io.slotbeam.core.slots.ProofInput;
import io.slotbeam.core.store.BlockStore;
import io.slotbeam.core.store.FileBlockStore;
import io.slotbeam.prover.groth16.NativeProver;
import io.slotbeam.prover.groth16.NativeVerifier;
import io.slotbeam.prover.groth16.ProvingKey;
import io.slotbeam.tools.DevSetupFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Example 4: prove that slot 0 of a file's verifiable dataset is stored, with the small
 * storage-proof circuit {@code SampleAndProve(8, 3, 5, 67, 2)}, and verify the proof. The witness
 * is computed in the JVM, the Groth16 proof and its check by libslotbeam. The key comes from the
 * development setup, made once in the circuit's folder: <b>unsafe for production</b> (whoever ran
 * it can forge proofs).
 *
 * <p>Run (after {@code mvn -B -q -pl examples -am package -DskipTests} and {@code ./slotbeam
 * circuits build --out CIRCUIT_DIR}, from the repository root): {@code java
 * --add-modules=jdk.incubator.vector -Djna.library.path=prover-native/target/native -cp
 * examples/target/classes:$(cat examples/target/examples.classpath) io.slotbeam.examples.ProveSlot
 * FILE REPO_DIR CIRCUIT_DIR [CHALLENGE_HEX]}
 */
public final class ProveSlot {
  /** The files {@code slotbeam circuits setup --dev} writes into a circuit's folder. */
  private static final String ZKEY = "sample_and_prove.zkey";

  private static final String VERIFICATION_KEY = "verification_key.json";

  private ProveSlot() {}

  /** What the example did: the circuit input, the proof with its public inputs, and the key. */
  public record Outcome(ProofInput input, Prover.Result proof, VerificationKey key, boolean valid) {}

  public static void main(String[] args) throws IOException {
    if (args.length < 3 || args.length > 4) {
      System.err.println("usage: ProveSlot FILE REPO_DIR CIRCUIT_DIR [CHALLENGE_HEX (32 bytes)]");
      System.exit(2);
    }
    byte[] challenge = args.length == 4 ? HexFormat.of().parseHex(args[3]) : new byte[32];
    Outcome outcome =
        run(Path.of(args[0]), FileBlockStore.open(Path.of(args[1])), Path.of(args[2]), challenge, System.out);
    System.exit(outcome.valid() ? 0 : 1);
  }

  /** Samples slot 0 for {@code challenge}, proves it with the circuit in {@code circuit}, verifies. */
  public static Outcome run(Path file, BlockStore store, Path circuit, byte[] challenge, PrintStream out)
      throws IOException {
    Path zkey = circuit.resolve(ZKEY);
    if (!Files.isRegularFile(zkey)) {
      long started = System.nanoTime();
      DevSetupFiles.write(circuit, new SecureRandom());
      out.printf("development setup   %s (%.1f s; UNSAFE FOR PRODUCTION)%n", zkey, (System.nanoTime() - started) / 1e9);
    }
    ProofInput input = SampleSlot.run(file, store, challenge, CircuitParams.SMALL, out);

    Witness witness = WitnessCalculator.load(CircuitBuild.wasm(circuit)).calculate(input);
    ZkeyFile key = ZkeyFile.read(zkey);
    ZkeyFile.Groth16Header h = key.header();
    Prover.Result proof;
    try (NativeProver prover =
        NativeProver.load(ProvingKey.ofZkey(h.nVars(), h.nPublic(), h.domainSize(), h.alpha1(), h.beta1(),
            h.delta1(), h.beta2(), h.delta2(), key::section))) {
      proof = prover.prove(witness.asList());
    }
    out.println("public inputs       " + proof.publicInputs().values() + " (entropy, dataSetRoot, slotIndex)");

    VerificationKey verificationKey =
        Groth16Json.readVerificationKey(Files.readString(circuit.resolve(VERIFICATION_KEY)));
    boolean valid = new NativeVerifier().verify(verificationKey, proof.publicInputs(), proof.proof());
    out.println("proof               " + (valid ? "verifies" : "does NOT verify"));
    return new Outcome(input, proof, verificationKey, valid);
  }
}
