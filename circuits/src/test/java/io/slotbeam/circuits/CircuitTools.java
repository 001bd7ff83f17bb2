package io.slotbeam.circuits;

import io.slotbeam.core.dataset.Upload;
import io.slotbeam.core.erasure.DatasetEncoder;
import io.slotbeam.core.erasure.LeopardEncoder;
import io.slotbeam.core.hash.BlockHasher;
import io.slotbeam.core.hash.CellHasher;
import io.slotbeam.core.manifest.Manifest;
import io.slotbeam.core.slots.CircuitParams;
import io.slotbeam.core.slots.DatasetSlots;
import io.slotbeam.core.slots.Sampler;
import io.slotbeam.core.store.InMemoryBlockStore;
import java.io.ByteArrayInputStream;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.slotbeam.core.field.Fr;
import io.slotbeam.core.slots.ProofInput;
import io.slotbeam.core.slots.ProofInputJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs snarkjs ({@code node_modules/snarkjs}) on the circuits that the Maven build compiled with
 * {@code src/main/scripts/build-circuit.sh} into {@code target/circuits/PARAMS}: witness
 * calculation ({@code wtns calculate}) and the R1CS check of a witness ({@code wtns check}), no
 * trusted setup. Paths come from the system properties {@code slotbeam.root} (repository root)
 * and {@code slotbeam.circuits} (folder of the compiled circuits), set by the circuits POM.
 */
final class CircuitTools {
  /** The small test circuit {@code SampleAndProve(8, 3, 5, 67, 2)}. */
  static final String SMALL = "8,3,5,67,2";

  /** The deployed Codex circuit {@code SampleAndProve(32, 8, 5, 67, 5)}. */
  static final String FULL = "32,8,5,67,5";

  private static final long TIMEOUT_SECONDS = 300;

  private CircuitTools() {}

  /** How an input fared: a witness was computed and satisfies the R1CS, or which step refused. */
  enum Verdict {
    SATISFIED,
    /** {@code wtns calculate} failed (an {@code ===} assertion of the circuit failed). */
    CALCULATE_FAILED,
    /** A witness was computed but {@code wtns check} found an unsatisfied constraint. */
    CHECK_FAILED
  }

  record Outcome(Verdict verdict, String log) {}

  /** The output of one process. */
  record Run(int exitCode, String output) {}

  static Path root() {
    return Path.of(property("slotbeam.root"));
  }

  /** The compiled circuit of {@code params} (e.g. {@link #SMALL}); fails when it was not built. */
  static Path circuit(String params) {
    Path dir = Path.of(property("slotbeam.circuits")).resolve(params);
    if (!Files.isRegularFile(r1cs(dir)) || !Files.isRegularFile(wasm(dir))) {
      fail(
          "circuit "
              + params
              + " is not built in "
              + dir
              + " (the Maven phase generate-test-resources runs build-circuit.sh)");
    }
    return dir;
  }

  static Path r1cs(Path circuit) {
    return circuit.resolve("sample_and_prove.r1cs");
  }

  static Path wasm(Path circuit) {
    return circuit.resolve("sample_and_prove_js").resolve("sample_and_prove.wasm");
  }

  static Path sym(Path circuit) {
    return circuit.resolve("sample_and_prove.sym");
  }

  /**
   * Writes {@code input} as circuit input JSON into {@code work}, calculates its witness and, when
   * that succeeds, checks the witness against the R1CS. Each snarkjs call runs once.
   */
  static Outcome judge(Path circuit, ProofInput input, Path work, String name) throws IOException {
    Path json = work.resolve(name + ".json");
    Files.writeString(json, ProofInputJson.toJsonString(input), StandardCharsets.UTF_8);
    Path wtns = work.resolve(name + ".wtns");
    Run calculate =
        snarkjs("wtns", "calculate", wasm(circuit).toString(), json.toString(), wtns.toString());
    if (calculate.exitCode() != 0 || !Files.isRegularFile(wtns)) {
      return new Outcome(Verdict.CALCULATE_FAILED, calculate.output());
    }
    Run check = snarkjs("wtns", "check", r1cs(circuit).toString(), wtns.toString());
    boolean ok = check.exitCode() == 0 && check.output().contains("WITNESS IS CORRECT");
    return new Outcome(
        ok ? Verdict.SATISFIED : Verdict.CHECK_FAILED, calculate.output() + check.output());
  }

  /** Asserts that {@code input} satisfies the circuit (witness calculated and checked). */
  static void assertSatisfies(Path circuit, ProofInput input, Path work, String name)
      throws IOException {
    Outcome outcome = judge(circuit, input, work, name);
    assertTrue(
        outcome.verdict() == Verdict.SATISFIED,
        () -> name + ": expected a satisfying witness, got " + outcome.verdict() + "\n" + outcome.log());
  }

  /** Asserts that {@code input} does not satisfy the circuit, returning how it was refused. */
  static Verdict assertRefuses(Path circuit, ProofInput input, Path work, String name)
      throws IOException {
    Outcome outcome = judge(circuit, input, work, name);
    assertTrue(
        outcome.verdict() != Verdict.SATISFIED,
        () -> name + ": the circuit accepted a wrong input\n" + outcome.log());
    // A refusal must come from the circuit (a failed === during witness calculation, or an
    // unsatisfied R1CS), not from an unreadable input or a missing file.
    assertTrue(
        outcome.verdict() == Verdict.CHECK_FAILED || outcome.log().contains("Assert Failed"),
        () -> name + ": witness calculation failed for another reason than an assertion\n" + outcome.log());
    return outcome.verdict();
  }

  /** Runs {@code node node_modules/snarkjs/build/cli.cjs args…} in the repository root. */
  static Run snarkjs(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add("node");
    command.add(root().resolve("node_modules/snarkjs/build/cli.cjs").toString());
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command).directory(root().toFile()).redirectErrorStream(true).start();
    process.getOutputStream().close();
    byte[] output;
    try (InputStream in = process.getInputStream()) {
      output = in.readAllBytes();
    }
    try {
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail("snarkjs " + String.join(" ", args) + " did not finish in " + TIMEOUT_SECONDS + " s");
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for snarkjs", e);
    }
    return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }

  /** The header of an R1CS file (iden3 r1cs format, section type 1). */
  record R1csHeader(
      long wires, long publicOutputs, long publicInputs, long privateInputs, long constraints) {}

  static R1csHeader r1csHeader(Path r1cs) throws IOException {
    ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(r1cs)).order(ByteOrder.LITTLE_ENDIAN);
    byte[] magic = new byte[4];
    buf.get(magic);
    if (!"r1cs".equals(new String(magic, StandardCharsets.US_ASCII))) {
      throw new IOException(r1cs + " is not an r1cs file");
    }
    buf.getInt(); // version
    int sections = buf.getInt();
    for (int i = 0; i < sections; i++) {
      int type = buf.getInt();
      long size = buf.getLong();
      if (type == 1) {
        int fieldSize = buf.getInt();
        buf.position(buf.position() + fieldSize); // the prime
        long wires = Integer.toUnsignedLong(buf.getInt());
        long outputs = Integer.toUnsignedLong(buf.getInt());
        long publicInputs = Integer.toUnsignedLong(buf.getInt());
        long privateInputs = Integer.toUnsignedLong(buf.getInt());
        buf.getLong(); // labels
        long constraints = Integer.toUnsignedLong(buf.getInt());
        return new R1csHeader(wires, outputs, publicInputs, privateInputs, constraints);
      }
      buf.position(Math.toIntExact(buf.position() + size));
    }
    throw new IOException(r1cs + " has no header section");
  }

  // --- mutations of a proof input (a ProofInput is immutable) ---

  static Fr plusOne(Fr x) {
    return x.add(Fr.ONE);
  }

  static List<Fr> plusOneAt(List<Fr> list, int index) {
    List<Fr> copy = new ArrayList<>(list);
    copy.set(index, plusOne(copy.get(index)));
    return copy;
  }

  static ProofInput withCellElementBumped(ProofInput in, int sample, int element) {
    List<ProofInput.Sample> samples = new ArrayList<>(in.samples());
    ProofInput.Sample s = samples.get(sample);
    samples.set(sample, new ProofInput.Sample(plusOneAt(s.cellData(), element), s.merklePaths()));
    return in.withSamples(samples);
  }

  static ProofInput withPathElementBumped(ProofInput in, int sample, int level) {
    List<ProofInput.Sample> samples = new ArrayList<>(in.samples());
    ProofInput.Sample s = samples.get(sample);
    samples.set(sample, new ProofInput.Sample(s.cellData(), plusOneAt(s.merklePaths(), level)));
    return in.withSamples(samples);
  }


  static ProofInput withSlotProofElementBumped(ProofInput in, int level) {
    return in.withSlotProof(plusOneAt(in.slotProof(), level));
  }







  private static String property(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      fail("system property " + name + " is not set (run the tests through Maven)");
    }
    return value;
  }

  /** A verifiable dataset in memory and a sampler over it, for the small circuit. */
  record Dataset(Sampler sampler, Manifest manifest) {
    ProofInput sample(int slot, Fr entropy) throws IOException {
      return sampler.sample(manifest, slot, entropy, CircuitParams.SMALL);
    }
  }

  /**
   * A verifiable dataset of {@code bytes} random bytes in 64 KiB blocks and 2 KiB cells, erasure
   * coded with K = k, M = m.
   */
  static Dataset smallDataset(int bytes, int k, int m, ExecutorService workers) throws IOException {
    InMemoryBlockStore store = new InMemoryBlockStore();
    byte[] data = new byte[bytes];
    new Random(bytes + 31L * k + m).nextBytes(data);
    Manifest plain =
        Upload.store(new ByteArrayInputStream(data), 65536, Optional.empty(), Optional.empty(), store)
            .manifest();
    Manifest protectedManifest =
        new DatasetEncoder(store, workers, LeopardEncoder.fastest()).protect(plain, k, m).manifest();
    Manifest verifiable =
        new DatasetSlots(store, workers, BlockHasher.java())
            .build(protectedManifest, 2048)
            .verifiable()
            .manifest();
    return new Dataset(new Sampler(store, CellHasher.fastest()), verifiable);
  }
}
