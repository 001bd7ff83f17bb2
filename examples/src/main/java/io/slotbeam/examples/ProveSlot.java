package io.slotbeam.examples;

import io.slotbeam.core.groth16.VerificationKey;
import io.slotbeam.core.slots.CircuitParams;
import io.slotbeam.core.slots.ProofInput;
import io.slotbeam.core.store.BlockStore;
import io.slotbeam.core.store.FileBlockStore;
import io.slotbeam.prover.circuit.ProvingCircuit;
import io.slotbeam.prover.circuit.SlotProof;
import io.slotbeam.prover.setup.DevSetupFiles;
import java.io.IOException;
import java.io.PrintStream;
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
  private ProveSlot() {}

  /** What the example did: the circuit input, the proof with its public inputs, and the key. */
  public record Outcome(ProofInput input, SlotProof proof, VerificationKey key) {
    public boolean valid() {
      return proof.verified();
    }
  }

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
    long started = System.nanoTime();
    if (DevSetupFiles.writeUnlessCurrent(circuit, new SecureRandom())) {
      out.printf("development setup   %s (%.1f s; UNSAFE FOR PRODUCTION)%n",
          circuit.resolve(DevSetupFiles.ZKEY), (System.nanoTime() - started) / 1e9);
    }
    ProofInput input = SampleSlot.run(file, store, challenge, CircuitParams.SMALL, out);
    try (ProvingCircuit prover = ProvingCircuit.open(circuit)) {
      SlotProof proof = prover.prove(input);
      out.printf("public inputs       %s (entropy, dataSetRoot, slotIndex)%n", proof.publicInputs().values());
      out.printf("proof               %s (witness %.0f ms, proof %.0f ms)%n",
          proof.verified() ? "verifies" : "does NOT verify", proof.witnessNanos() / 1e6, proof.proveNanos() / 1e6);
      return new Outcome(input, proof, prover.verificationKey());
    }
  }
}
