package io.slotbeam.examples;

import io.slotbeam.core.block.Chunker;
import io.slotbeam.core.dataset.Upload;
import io.slotbeam.core.erasure.DatasetEncoder;
import io.slotbeam.core.erasure.LeopardEncoder;
import io.slotbeam.core.field.Fr;
import io.slotbeam.core.hash.BlockHasher;
import io.slotbeam.core.hash.CellHasher;
import io.slotbeam.core.manifest.VerificationInfo;
import io.slotbeam.core.slots.CellSelector;
import io.slotbeam.core.slots.CircuitParams;
import io.slotbeam.core.slots.DatasetSlots;
import io.slotbeam.core.slots.ProofInput;
import io.slotbeam.core.slots.ProofInputChecker;
import io.slotbeam.core.slots.Sampler;
import io.slotbeam.core.store.BlockStore;
import io.slotbeam.core.store.FileBlockStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Example 3: make a file a verifiable dataset (erasure coding, then Poseidon2 slot trees), answer a
 * storage challenge for one slot by sampling its cells, and check the resulting circuit input the
 * way the storage-proof circuit will.
 *
 * <p>Run (after {@code mvn -B -q -pl examples -am package -DskipTests}, from the
 * repository root): {@code java --add-modules=jdk.incubator.vector -cp
 * examples/target/classes:$(cat examples/target/examples.classpath) io.slotbeam.examples.SampleSlot FILE REPO_DIR [CHALLENGE_HEX]}
 */
public final class SampleSlot {
  /** Codex's default storage request: K = 2, M = 1, hence three slots. */
  private static final int K = 2;

  private static final int M = 1;

  private SampleSlot() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2 || args.length > 3) {
      System.err.println("usage: SampleSlot FILE REPO_DIR [CHALLENGE_HEX (32 bytes)]");
      System.exit(2);
    }
    byte[] challenge = args.length == 3 ? HexFormat.of().parseHex(args[2]) : new byte[32];
    ProofInput input = run(Path.of(args[0]), FileBlockStore.open(Path.of(args[1])), challenge, System.out);
    System.exit(ProofInputChecker.check(input, CircuitParams.FULL).ok() ? 0 : 1);
  }

  /** Samples slot 0 for {@code challenge} and prints what the Codex circuit will be asked to prove. */
  public static ProofInput run(Path file, BlockStore store, byte[] challenge, PrintStream out)
      throws IOException {
    return run(file, store, challenge, CircuitParams.FULL, out);
  }

  /** The same for the circuit of {@code params} (e.g. the small test circuit, for example 4). */
  public static ProofInput run(Path file, BlockStore store, byte[] challenge, CircuitParams params, PrintStream out)
      throws IOException {
    Upload.Stored plain;
    try (InputStream in = Files.newInputStream(file)) {
      plain = Upload.store(in, Chunker.DEFAULT_BLOCK_SIZE, Optional.empty(), Optional.empty(), store);
    }
    ExecutorService workers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    DatasetSlots.Built verifiable;
    try {
      Upload.Stored protectedDataset =
          new DatasetEncoder(store, workers, LeopardEncoder.fastest()).protect(plain.manifest(), K, M);
      verifiable =
          new DatasetSlots(store, workers, BlockHasher.java())
              .build(protectedDataset.manifest(), VerificationInfo.DEFAULT_CELL_SIZE);
    } finally {
      workers.shutdownNow();
    }
    out.println("verifiable manifest " + verifiable.verifiable().manifestCid());
    out.println("verifyRoot          " + verifiable.verifyRoot());

    Fr entropy = CellSelector.entropy(challenge);
    ProofInput input =
        new Sampler(store, CellHasher.fastest())
            .sample(verifiable.verifiable().manifest(), 0, entropy, params);
    out.println("entropy             " + entropy);
    out.println("sampled cells       " + input.samples().size() + " of " + input.nCellsPerSlot());
    ProofInputChecker.Result check = ProofInputChecker.check(input, params);
    out.println("circuit input       " + (check.ok() ? "checks out" : check.firstFailure().orElseThrow()));
    return input;
  }
}
