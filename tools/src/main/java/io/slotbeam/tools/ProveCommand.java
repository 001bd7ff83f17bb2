package io.slotbeam.tools;

import io.slotbeam.circuits.CircuitBuild;
import io.slotbeam.circuits.Witness;
import io.slotbeam.circuits.WitnessCalculator;
import io.slotbeam.circuits.ZkeyFile;
import io.slotbeam.core.groth16.Groth16Json;
import io.slotbeam.core.groth16.Prover;
import io.slotbeam.core.slots.CircuitParams;
import io.slotbeam.core.slots.ProofInput;
import io.slotbeam.core.slots.ProofInputChecker;
import io.slotbeam.core.slots.ProofInputJson;
import io.slotbeam.prover.bn254.ProverNative;
import io.slotbeam.prover.groth16.NativeProver;
import io.slotbeam.prover.groth16.ProvingKey;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code slotbeam prove --circuit DIR --input input.json --out DIR}: the witness in the JVM, the
 * Groth16 proof in libslotbeam ({@link NativeProver}) with the circuit folder's proving key
 * {@code sample_and_prove.zkey}; writes snarkjs's {@code proof.json} and {@code public.json}.
 * The input is first checked against the parameters the circuit was built for (the folder's
 * {@code params} stamp from build-circuit.sh).
 */
final class ProveCommand implements Command {
  /** The proving key in a circuit folder, as the development setup names it. */
  static final String ZKEY = "sample_and_prove.zkey";

  @Override
  public String name() {
    return "prove";
  }

  @Override
  public String arguments() {
    return "";
  }

  @Override
  public String summary() {
    return "prove a circuit input (witness in the JVM, Groth16 proof native) into proof.json and public.json";
  }

  @Override
  public Options options() {
    return new Options()
        .addOption(OptionSpecs.required("circuit", "DIR", "a circuit built by 'slotbeam circuits build', with its " + ZKEY))
        .addOption(OptionSpecs.required("input", "FILE", "the circuit input JSON (from 'slotbeam sample')"))
        .addOption(OptionSpecs.required("out", "DIR", "where to write proof.json and public.json"));
  }

  @Override
  public int run(CommandLine line, PrintStream out) throws IOException {
    if (!line.getArgList().isEmpty()) {
      throw new UsageException("prove takes no arguments, got " + line.getArgList());
    }
    Path circuit = Path.of(line.getOptionValue("circuit"));
    Path wasm = CircuitBuild.wasm(circuit);
    Path zkey = circuit.resolve(ZKEY);
    Path stamp = circuit.resolve("params");
    for (Path needed : new Path[] {wasm, stamp}) {
      if (!Files.isRegularFile(needed)) {
        throw new IllegalArgumentException(
            "no " + circuit.relativize(needed) + " in " + circuit + "; build the circuit with 'slotbeam circuits build'");
      }
    }
    if (!Files.isRegularFile(zkey)) {
      throw new IllegalArgumentException(
          "no proving key " + zkey + "; make one for this circuit with the development setup");
    }
    CircuitParams params = CircuitParams.parse(Files.readString(stamp, StandardCharsets.UTF_8).trim().split(" ", 2)[0]);
    ProofInput input =
        ProofInputJson.parse(
            Files.readString(Arguments.readableFile(line.getOptionValue("input")), StandardCharsets.UTF_8));
    ProofInputChecker.checkOrThrow(input, params);
    Path target = Files.createDirectories(Path.of(line.getOptionValue("out")));

    long started = System.nanoTime();
    Witness witness = WitnessCalculator.load(wasm).calculate(input);
    long witnessDone = System.nanoTime();
    Prover.Result result;
    try (NativeProver prover = open(zkey)) {
      long loaded = System.nanoTime();
      result = prover.prove(witness.asList());
      out.printf(
          "witness %d wires in %.0f ms; key read and checked in %.0f ms; proof in %.0f ms (%d native threads)%n",
          witness.size(), (witnessDone - started) / 1e6, (loaded - witnessDone) / 1e6,
          (System.nanoTime() - loaded) / 1e6, ProverNative.threads());
    }
    writeAll(target, Map.of(
        "proof.json", Groth16Json.writeProof(result.proof()),
        "public.json", Groth16Json.writePublic(result.publicInputs())));
    out.printf("wrote %s and %s%n", target.resolve("proof.json"), target.resolve("public.json"));
    return ExitCode.OK;
  }

  /** A prover bound to the zkey at {@code path}, read and checked by {@link ZkeyFile}. */
  static NativeProver open(Path path) throws IOException {
    ZkeyFile zkey = ZkeyFile.read(path);
    ZkeyFile.Groth16Header h = zkey.header();
    return NativeProver.load(ProvingKey.ofZkey(h.nVars(), h.nPublic(), h.domainSize(), h.alpha1(),
        h.beta1(), h.delta1(), h.beta2(), h.delta2(), zkey::section));
  }

  /** Each file through a temporary sibling and an atomic rename. */
  private static void writeAll(Path folder, Map<String, String> files) throws IOException {
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path temp = Files.createTempFile(folder, "." + file.getKey(), ".tmp");
      try {
        Files.writeString(temp, file.getValue(), StandardCharsets.UTF_8);
        Files.move(temp, folder.resolve(file.getKey()), StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(temp);
      }
    }
  }
}
