package io.slotbeam.tools;

import io.slotbeam.core.slots.ProofInput;
import io.slotbeam.core.slots.ProofInputChecker;
import io.slotbeam.core.slots.ProofInputJson;
import io.slotbeam.prover.bn254.ProverNative;
import io.slotbeam.prover.circuit.ProofFiles;
import io.slotbeam.prover.circuit.ProvingCircuit;
import io.slotbeam.prover.circuit.SlotProof;
import io.slotbeam.prover.setup.DevSetupFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code slotbeam prove --circuit DIR --input input.json --out DIR}: the witness in the JVM, the
 * Groth16 proof in libslotbeam and its native verification ({@link ProvingCircuit}) with the
 * circuit folder's keys; writes snarkjs's {@code proof.json} and {@code public.json} and the
 * contract's struct {@code chain.json} ({@link ProofFiles}), only for a proof that verifies. The
 * input is first checked against the parameters the circuit was built for (the folder's {@code
 * params} stamp from build-circuit.sh).
 */
final class ProveCommand implements Command {
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
    return "prove a circuit input (witness in the JVM, Groth16 proof native, verified) into proof.json, public.json, chain.json";
  }

  @Override
  public Options options() {
    return new Options()
        .addOption(OptionSpecs.required("circuit", "DIR", "a circuit built by 'slotbeam circuits build', with its "
            + DevSetupFiles.ZKEY + " and " + DevSetupFiles.VERIFICATION_KEY))
        .addOption(OptionSpecs.required("input", "FILE", "the circuit input JSON (from 'slotbeam sample')"))
        .addOption(OptionSpecs.required("out", "DIR", "where to write proof.json, public.json and chain.json"));
  }

  @Override
  public int run(CommandLine line, PrintStream out) throws IOException {
    if (!line.getArgList().isEmpty()) {
      throw new UsageException("prove takes no arguments, got " + line.getArgList());
    }
    Path circuit = Path.of(line.getOptionValue("circuit"));
    ProofInput input =
        ProofInputJson.parse(
            Files.readString(Arguments.readableFile(line.getOptionValue("input")), StandardCharsets.UTF_8));
    ProofInputChecker.checkOrThrow(input, ProvingCircuit.params(circuit));
    Path target = Path.of(line.getOptionValue("out"));

    long started = System.nanoTime();
    SlotProof proof;
    try (ProvingCircuit proving = ProvingCircuit.open(circuit)) {
      long loaded = System.nanoTime();
      proof = proving.prove(input);
      out.printf(
          "key read and checked in %.0f ms; witness in %.0f ms; proof in %.0f ms (%d native threads);"
              + " verified in %.0f ms%n",
          (loaded - started) / 1e6, proof.witnessNanos() / 1e6, proof.proveNanos() / 1e6,
          ProverNative.threads(), proof.verifyNanos() / 1e6);
    }
    if (!proof.verified()) {
      throw new IllegalStateException(
          "the proof does not verify under " + circuit.resolve(DevSetupFiles.VERIFICATION_KEY)
              + ": it and " + DevSetupFiles.ZKEY + " are not one setup's keys; nothing written");
    }
    ProofFiles.write(target, proof);
    out.printf(
        "wrote %s, %s and %s (the contract's Groth16Proof struct)%n",
        target.resolve(ProofFiles.PROOF), target.resolve(ProofFiles.PUBLIC), target.resolve(ProofFiles.CHAIN));
    return ExitCode.OK;
  }
}
