package io.slotbeam.examples;

import io.slotbeam.core.groth16.VerificationKey;
import io.slotbeam.core.slots.CircuitParams;
import io.slotbeam.core.slots.ProofInput;
import io.slotbeam.core.store.BlockStore;
import io.slotbeam.core.store.FileBlockStore;
import io.slotbeam.prover.circuit.ProvingCircuit;
import io.slotbeam.prover.circuit.SlotProof;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * Example 4: prove that slot 0 of a file's verifiable dataset is stored, with the small
 * storage-proof circuit {@code SampleAndProve(8, 3, 5, 67, 2)}, and verify the proof. The witness
 * is computed in the JVM, the Groth16 proof and its check by libslotbeam. The circuit is compiled
 * with the checkout's pinned circom and its key made by the development setup once, into {@code
 * ~/.cache/slotbeam/circuits/8,3,5,67,2}, then reused: <b>the development setup is unsafe for
 * production</b> (whoever ran it can forge proofs).
 *
 * <p>Run (after {@code mvn -B -q -pl examples -am package -DskipTests}, from the repository
 * root): {@code java --add-modules=jdk.incubator.vector -cp
 * examples/target/classes:$(cat examples/target/examples.classpath) io.slotbeam.examples.ProveSlot
 * FILE REPO_DIR [CHALLENGE_HEX]}
 */
public final class ProveSlot {
  private ProveSlot() {}

  /** What the example did: the circuit input, its proof, and the key it was verified with. */
  public record Outcome(ProofInput input, SlotProof proof, VerificationKey key) {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2 || args.length > 3) {
      System.err.println("usage: ProveSlot FILE REPO_DIR [CHALLENGE_HEX (32 bytes)]");
      System.exit(2);
    }
    byte[] challenge = args.length == 3 ? HexFormat.of().parseHex(args[2]) : new byte[32];
    Outcome outcome =
        run(Path.of("").toAbsolutePath(), Path.of(args[0]), FileBlockStore.open(Path.of(args[1])), challenge, System.out);
    System.exit(outcome.proof().verified() ? 0 : 1);
  }

  /**
   * Samples slot 0 for {@code challenge} and proves it with the small circuit built from the
   * checkout at {@code repoRoot} (native verification included).
   */
  public static Outcome run(Path repoRoot, Path file, BlockStore store, byte[] challenge, PrintStream out)
      throws IOException {
    Path folder = ProvingCircuit.devFolder(repoRoot, CircuitParams.SMALL);
    out.println("circuit             " + folder + " (development setup: UNSAFE FOR PRODUCTION)");
    try (ProvingCircuit circuit = ProvingCircuit.open(folder)) {
      ProofInput input = SampleSlot.run(file, store, challenge, circuit.params(), out);
      SlotProof proof = circuit.prove(input);
      out.println("public inputs       " + proof.publicInputs().values() + " (entropy, dataSetRoot, slotIndex)");
      out.printf("proof               %s (witness %.0f ms, proof %.0f ms, check %.0f ms)%n",
          proof.verified() ? "verifies" : "does NOT verify", proof.witnessNanos() / 1e6, proof.proveNanos() / 1e6,
          proof.verifyNanos() / 1e6);
      return new Outcome(input, proof, circuit.verificationKey());
    }
  }
}
