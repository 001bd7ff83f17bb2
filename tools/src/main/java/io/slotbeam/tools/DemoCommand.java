package io.slotbeam.tools;

import com.fasterxml.jackson.databind.JsonNode;
import io.slotbeam.core.block.Chunker;
import io.slotbeam.core.block.DatasetHasher;
import io.slotbeam.core.block.PlainDataset;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.erasure.DatasetRepairer;
import io.slotbeam.core.erasure.LeopardDecoder;
import io.slotbeam.core.erasure.LeopardEncoder;
import io.slotbeam.core.groth16.Groth16Json;
import io.slotbeam.core.groth16.VerificationKey;
import io.slotbeam.core.manifest.Manifest;
import io.slotbeam.core.manifest.StoredManifests;
import io.slotbeam.core.manifest.VerificationInfo;
import io.slotbeam.core.slots.CircuitParams;
import io.slotbeam.core.slots.SlotGeometry;
import io.slotbeam.core.store.FileBlockStore;
import io.slotbeam.pipelines.EncodeOptions;
import io.slotbeam.pipelines.EncodePipeline;
import io.slotbeam.pipelines.ProveMetrics;
import io.slotbeam.pipelines.ProveOptions;
import io.slotbeam.pipelines.ProvePipeline;
import io.slotbeam.prover.circuit.ProofFiles;
import io.slotbeam.prover.circuit.ProvingCircuit;
import io.slotbeam.prover.groth16.NativeVerifier;
import io.slotbeam.prover.setup.DevSetupFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.apache.beam.sdk.PipelineResult;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code slotbeam demo}: the main job end to end on embedded defaults. Checks the upstream upload
 * vector; generates a sample file; encodes it with the encode pipeline (Codex's default request, K
 * = 2, M = 1: blocks, erasure coding, slot trees, verifiable manifest); loses a block and repairs
 * it; proves two slots for a fixed challenge with the prove pipeline, the small circuit and a
 * development setup (both made once, into the user's cache); checks each proof once more with the
 * native verifier; prints each step's time and where everything is. The work folder is kept.
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

  /** The small circuit: the default dataset's slots fit it, and a dev setup takes seconds. */
  private static final CircuitParams PARAMS = CircuitParams.SMALL;

  /** The slots the demo proves. */
  private static final List<Integer> DEMO_SLOTS = List.of(0, 1);

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
                .longOpt("dir")
                .hasArg()
                .argName("DIR")
                .desc("work folder for the sample, repository and proofs (default: a new temporary folder)")
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
    Path work =
        line.hasOption("dir")
            ? Files.createDirectories(Path.of(line.getOptionValue("dir")))
            : Files.createTempDirectory("slotbeam-demo-");
    return runJob(out, work.toAbsolutePath(), size, seed);
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

  private static int runJob(PrintStream out, Path work, long size, long seed) throws IOException {
    long started = System.nanoTime();
    Path sample = work.resolve("sample.bin");
    try (InputStream in = generated(size, seed)) {
      Files.copy(in, sample, StandardCopyOption.REPLACE_EXISTING);
    }
    out.printf("sample      %,d generated bytes (seed %d): %s%n", size, seed, sample);

    long step = System.nanoTime();
    Path repo = work.resolve("repo");
    JsonNode encoded = encode(sample, repo);
    Cid verifiableCid = Cid.parse(encoded.get("verifiable").get("manifestCid").asText());
    out.printf(
        "encode      pipeline (DirectRunner): %d blocks; K = %d, M = %d (Leopard RS, %s kernel): %d blocks;"
            + " %d slots of Poseidon2 cell trees, in %.1f s%n",
        encoded.get("blocks").asLong(), EC_K, EC_M, LeopardEncoder.fastest().kernelName(),
        encoded.get("protected").get("blocks").asLong(), encoded.get("verifiable").get("slotRoots").size(),
        seconds(step));
    out.printf("  manifest  %s%n  protected %s%n  verifiable %s%n  verifyRoot %s%n",
        encoded.get("manifestCid").asText(), encoded.get("protected").get("manifestCid").asText(),
        verifiableCid, encoded.get("verifiable").get("verifyRoot").asText());

    FileBlockStore store = FileBlockStore.attach(repo);
    Manifest verifiable = StoredManifests.get(store, verifiableCid);
    boolean repaired = loseAndRepair(out, store, verifiable);

    long cellsPerSlot =
        new SlotGeometry(verifiable.blockSize(), VerificationInfo.DEFAULT_CELL_SIZE, verifiable.numSlotBlocks())
            .numSlotCells();
    if (cellsPerSlot > PARAMS.maxCellsPerSlot()) {
      out.printf(
          "prove       skipped: %d cells per slot exceed the small circuit's %d (use a smaller --size)%n",
          cellsPerSlot, PARAMS.maxCellsPerSlot());
      out.printf("done in %.1f s; outputs in %s%n", seconds(started), work);
      return repaired ? ExitCode.OK : ExitCode.FAILED;
    }
    step = System.nanoTime();
    Path circuit = ProvingCircuit.devFolder(RepositoryRoot.get(), PARAMS);
    out.printf("circuit     small circuit %s with a development setup (UNSAFE FOR PRODUCTION): %s, ready in %.1f s%n",
        PARAMS, circuit, seconds(step));

    step = System.nanoTime();
    Path proofs = work.resolve("prove");
    long proved = prove(repo, circuit, verifiableCid, proofs);
    out.printf("prove       pipeline (DirectRunner): slots %s, challenge 00..1f: %d of %d proofs verified, in %.1f s%n",
        DEMO_SLOTS, proved, DEMO_SLOTS.size(), seconds(step));

    boolean verified = proved == DEMO_SLOTS.size();
    VerificationKey vk =
        Groth16Json.readVerificationKey(Files.readString(circuit.resolve(DevSetupFiles.VERIFICATION_KEY)));
    for (int slot : DEMO_SLOTS) {
      Path folder = proofs.resolve("proofs").resolve(verifiableCid.toString()).resolve("slot-" + slot).resolve("period-0");
      verified &= verifyAgain(out, vk, folder, slot);
    }
    out.printf("  records   %s (Arrow IPC: one row per proof)%n", proofs.resolve("records"));
    out.printf("done in %.1f s; outputs in %s%n", seconds(started), work);
    return repaired && verified ? ExitCode.OK : ExitCode.FAILED;
  }

  /** The encode pipeline on {@code sample} into {@code repo}; returns the file's summary entry. */
  private static JsonNode encode(Path sample, Path repo) throws IOException {
    Path summary = sample.resolveSibling("encode-summary.json");
    EncodeOptions options =
        EncodePipeline.options(
            "--inputs=" + sample, "--repo=" + repo, "--summary=" + summary, "--ecK=" + EC_K, "--ecM=" + EC_M,
            "--runner=DirectRunner", "--targetParallelism=" + Runtime.getRuntime().availableProcessors());
    EncodePipeline.create(options).run().waitUntilFinish();
    return Json.MAPPER.readTree(summary.toFile()).get(0);
  }

  /** The prove pipeline for {@link #DEMO_SLOTS} at the demo's challenge; returns the verified proofs. */
  private static long prove(Path repo, Path circuit, Cid verifiable, Path proofs) throws IOException {
    List<String> slots = DEMO_SLOTS.stream().map(slot -> verifiable + ":" + slot).toList();
    ProveOptions options =
        ProvePipeline.options(
            "--repo=" + repo, "--circuit=" + circuit, "--out=" + proofs, "--slots=" + String.join(",", slots),
            "--challenge=" + HexFormat.of().formatHex(DEMO_CHALLENGE), "--runner=DirectRunner",
            "--targetParallelism=" + Runtime.getRuntime().availableProcessors());
    PipelineResult result = ProvePipeline.create(options).run();
    result.waitUntilFinish();
    return PipelineProgress.attempted(result, ProveMetrics.PROOFS);
  }

  /** Deletes the first block of the protected dataset and repairs it from the others. */
  private static boolean loseAndRepair(PrintStream out, FileBlockStore store, Manifest verifiable)
      throws IOException {
    Cid lost = store.leaf(verifiable.treeCid(), 0).orElseThrow().blockCid();
    store.delete(lost);
    var report =
        Workers.run(workers -> new DatasetRepairer(store, workers, LeopardDecoder.fastest()).repair(verifiable));
    boolean intact = report.complete() && store.has(lost);
    out.printf(
        "repair      deleted block 0, restored %s: %s%n", report.restored(), intact ? "intact again" : "STILL MISSING");
    return intact;
  }

  /** Checks a written proof once more, as a verifier would: its files and the verification key only. */
  private static boolean verifyAgain(PrintStream out, VerificationKey vk, Path folder, int slot) throws IOException {
    long step = System.nanoTime();
    boolean ok =
        new NativeVerifier()
            .verify(
                vk,
                Groth16Json.readPublic(Files.readString(folder.resolve(ProofFiles.PUBLIC))),
                Groth16Json.readProof(Files.readString(folder.resolve(ProofFiles.PROOF))));
    out.printf("verify      slot %d: %s %s in %.0f ms%n  proof     %s%n", slot, ProofFiles.PROOF,
        ok ? "verifies (native pairing check)" : "DOES NOT VERIFY", (System.nanoTime() - step) / 1e6, folder);
    return ok;
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
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
}
