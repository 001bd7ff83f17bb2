package io.slotbeam.tools;

import io.slotbeam.core.block.Chunker;
import io.slotbeam.core.block.DatasetHasher;
import io.slotbeam.core.block.PlainDataset;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.dataset.Upload;
import io.slotbeam.core.erasure.DatasetEncoder;
import io.slotbeam.core.erasure.DatasetRepairer;
import io.slotbeam.core.erasure.LeopardDecoder;
import io.slotbeam.core.erasure.LeopardEncoder;
import io.slotbeam.core.field.Fr;
import io.slotbeam.core.hash.CellHasher;
import io.slotbeam.core.manifest.Manifest;
import io.slotbeam.core.manifest.VerificationInfo;
import io.slotbeam.core.slots.CellSelector;
import io.slotbeam.core.slots.CircuitParams;
import io.slotbeam.core.slots.DatasetSlots;
import io.slotbeam.core.slots.ProofInput;
import io.slotbeam.core.slots.ProofInputChecker;
import io.slotbeam.core.slots.Sampler;
import io.slotbeam.core.slots.SlotGeometry;
import io.slotbeam.core.store.FileBlockStore;
import io.slotbeam.prover.circuit.ProvingCircuit;
import io.slotbeam.prover.circuit.SlotProof;
import io.slotbeam.prover.hash.BlockHashers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code slotbeam demo}: the main job on embedded defaults. Today: check the upstream upload
 * vector; store a generated dataset; erasure-code it with Codex's default request (K = 2, M = 1);
 * lose a block and repair it; build the slot trees and the verifiable manifest; sample a slot for a
 * challenge and check the circuit input; prove a slot with the small circuit and a development
 * setup (both made once, into the user's cache) and verify the proof.
 */
final class DemoCommand implements Command {
  /** nim-codex's integration-test upload and its treeCid (spec datapath §2.4). */
  private static final String UPSTREAM_UPLOAD = "some file contents";

  private static final String UPSTREAM_TREE_CID =
      "zDzSvJTezk7bJNQqFq8k1iHXY84psNuUfZVusA5bBQQUSuyzDSVL";

  /** Codex's default storage request: 3 nodes, tolerance 1 (spec datapath §6.1). */
  private static final int EC_K = 2;

  private static final int EC_M = 1;
  /** The challenge bytes 00 01 … 1f, as in the spec's worked example (datapath §8). */
  private static final byte[] DEMO_CHALLENGE = new byte[32];

  static {
    for (int i = 0; i < DEMO_CHALLENGE.length; i++) {
      DEMO_CHALLENGE[i] = (byte) i;
    }
  }

  private static final long DEFAULT_SIZE = 1_000_000;

  @Override
  public String name() {
    return "demo";
  }

  @Override
  public String arguments() {
    return "";
  }

  @Override
  public String summary() {
    return "run the main job on a generated dataset (embedded defaults)";
  }

  @Override
  public Options options() {
    return new Options()
        .addOption(
            Option.builder()
                .longOpt("size")
                .hasArg()
                .argName("BYTES")
                .desc("size of the generated dataset (default " + DEFAULT_SIZE + ")")
                .get())
        .addOption(
            Option.builder()
                .longOpt("seed")
                .hasArg()
                .argName("N")
                .desc("seed of the generated dataset (default 1)")
                .get())
        .addOption(
            Option.builder()
                .longOpt("repo")
                .hasArg()
                .argName("DIR")
                .desc("keep the repository here (default: a temporary folder, deleted after)")
                .get());
  }

  @Override
  public int run(CommandLine line, PrintStream out) throws IOException {
    if (!line.getArgList().isEmpty()) {
      throw new UsageException("demo takes no arguments, got " + line.getArgList());
    }
    long size = Arguments.longOption(line, "size", EC_K, 1L << 40, DEFAULT_SIZE);
    long seed = Arguments.longOption(line, "seed", Long.MIN_VALUE, Long.MAX_VALUE, 1);
    if (!selfCheck(out)) {
      return ExitCode.FAILED;
    }
    Path repo =
        line.hasOption("repo")
            ? Path.of(line.getOptionValue("repo"))
            : Files.createTempDirectory("slotbeam-demo-");
    try {
      return runJob(out, FileBlockStore.open(repo), size, seed);
    } finally {
      if (!line.hasOption("repo")) {
        deleteTree(repo);
      }
    }
  }

  private static boolean selfCheck(PrintStream out) throws IOException {
    PlainDataset upstream =
        DatasetHasher.hash(
            new ByteArrayInputStream(UPSTREAM_UPLOAD.getBytes(StandardCharsets.US_ASCII)),
            Chunker.DEFAULT_BLOCK_SIZE,
            block -> {});
    boolean matches = upstream.treeCid().toString().equals(UPSTREAM_TREE_CID);
    out.printf(
        "self-check  '%s' -> %s (%s)%n",
        UPSTREAM_UPLOAD,
        upstream.treeCid(),
        matches ? "matches nim-codex" : "MISMATCH, expected " + UPSTREAM_TREE_CID);
    return matches;
  }

  private static int runJob(PrintStream out, FileBlockStore store, long size, long seed)
      throws IOException {
    long started = System.nanoTime();
    Upload.Stored plain =
        Upload.store(
            generated(size, seed), Chunker.DEFAULT_BLOCK_SIZE, Optional.empty(), Optional.empty(), store);
    Manifest manifest = plain.manifest();
    out.printf("dataset     %,d generated bytes (seed %d), %d blocks%n", size, seed, manifest.blocksCount());
    out.printf("  manifest  %s%n  treeCid   %s%n", plain.manifestCid(), manifest.treeCid());

    Upload.Stored protectedDataset =
        Workers.run(
            workers ->
                new DatasetEncoder(store, workers, LeopardEncoder.fastest()).protect(manifest, EC_K, EC_M));
    Manifest protectedManifest = protectedDataset.manifest();
    out.printf(
        "protected   K = %d, M = %d (Leopard RS, %s kernel): %d blocks%n",
        EC_K, EC_M, LeopardEncoder.fastest().kernelName(), protectedManifest.blocksCount());
    out.printf(
        "  manifest  %s%n  treeCid   %s%n", protectedDataset.manifestCid(), protectedManifest.treeCid());

    Cid lost = store.leaf(protectedManifest.treeCid(), 0).orElseThrow().blockCid();
    store.delete(lost);
    var report =
        Workers.run(
            workers ->
                new DatasetRepairer(store, workers, LeopardDecoder.fastest()).repair(protectedManifest));
    out.printf(
        "repair      deleted block 0, restored %s: %s%n",
        report.restored(), store.has(lost) ? "intact again" : "STILL MISSING");

    DatasetSlots.Built slots =
        Workers.run(
            workers ->
                new DatasetSlots(store, workers, BlockHashers.fastest())
                    .build(protectedManifest, VerificationInfo.DEFAULT_CELL_SIZE));
    out.printf(
        "verifiable  %d slots of Poseidon2 cell trees (2 KiB cells)%n  manifest  %s%n  verifyRoot %s%n",
        slots.slotRoots().size(), slots.verifiable().manifestCid(), slots.verifyRoot());

    Fr entropy = CellSelector.entropy(DEMO_CHALLENGE);
    ProofInput input =
        new Sampler(store, CellHasher.fastest())
            .sample(slots.verifiable().manifest(), 0, entropy, CircuitParams.FULL);
    ProofInputChecker.Result check = ProofInputChecker.check(input, CircuitParams.FULL);
    out.printf(
        "sample      slot 0, challenge 00..1f: cells %s of %d -> circuit input %s%n",
        Arrays.toString(CellSelector.cellIndices(entropy, input.slotRoot(), input.nCellsPerSlot(), 5)),
        input.nCellsPerSlot(),
        check.ok() ? "checks out" : "FAILS: " + check.firstFailure().orElseThrow());
    boolean proved = smallCircuitProof(out, slots.verifiable().manifest(), store, entropy);
    out.printf("done in %.2f s%n", (System.nanoTime() - started) / 1e9);
    return report.complete() && store.has(lost) && check.ok() && proved
        ? ExitCode.OK
        : ExitCode.FAILED;
  }

  /**
   * Builds (or reuses, from the user's cache) the small storage-proof circuit with a development
   * setup, proves slot 0 for the challenge and verifies the proof; says so and skips when slots
   * are too big for it.
   */
  private static boolean smallCircuitProof(
      PrintStream out, Manifest verifiable, FileBlockStore store, Fr entropy) throws IOException {
    CircuitParams params = CircuitParams.SMALL;
    long cellsPerSlot =
        new SlotGeometry(verifiable.blockSize(), VerificationInfo.DEFAULT_CELL_SIZE, verifiable.numSlotBlocks())
            .numSlotCells();
    if (cellsPerSlot > params.maxCellsPerSlot()) {
      out.printf(
          "prove       skipped: %d cells per slot exceed the small circuit's %d (use a smaller --size)%n",
          cellsPerSlot, params.maxCellsPerSlot());
      return true;
    }
    Path folder = ProvingCircuit.devFolder(RepositoryRoot.get(), params);
    try (ProvingCircuit circuit = ProvingCircuit.open(folder)) {
      SlotProof proof = circuit.proveSlot(store, verifiable, 0, entropy);
      out.printf(
          "prove       slot 0, small circuit %s (%s, development setup): witness %.0f ms, proof %.0f ms,"
              + " %s in %.0f ms%n",
          params, folder, proof.witnessNanos() / 1e6, proof.proveNanos() / 1e6,
          proof.verified() ? "verified" : "DOES NOT VERIFY", proof.verifyNanos() / 1e6);
      return proof.verified();
    }
  }

  /** {@code size} pseudo-random bytes from {@code seed}, generated as they are read. */
  private static InputStream generated(long size, long seed) {
    Random random = new Random(seed);
    return new InputStream() {
      private long remaining = size;

      @Override
      public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) {
        if (remaining == 0) {
          return -1;
        }
        int n = (int) Math.min(length, remaining);
        byte[] chunk = new byte[n];
        random.nextBytes(chunk);
        System.arraycopy(chunk, 0, buffer, offset, n);
        remaining -= n;
        return n;
      }
    };
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(path);
      }
    }
  }
}
