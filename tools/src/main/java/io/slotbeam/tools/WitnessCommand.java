package io.slotbeam.tools;

import io.slotbeam.circuits.CircuitBuild;
import io.slotbeam.circuits.Witness;
import io.slotbeam.circuits.WitnessCalculator;
import io.slotbeam.circuits.WitnessFile;
import io.slotbeam.core.slots.ProofInput;
import io.slotbeam.core.slots.ProofInputJson;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code slotbeam witness --circuit DIR --input input.json --out witness.wtns}: computes the
 * circuit's witness in the JVM and writes it in snarkjs's {@code .wtns} format.
 */
final class WitnessCommand implements Command {
  @Override
  public String name() {
    return "witness";
  }

  @Override
  public String arguments() {
    return "";
  }

  @Override
  public String summary() {
    return "compute a circuit input's witness in the JVM and write it as .wtns";
  }

  @Override
  public Options options() {
    return new Options()
        .addOption(OptionSpecs.required("circuit", "DIR", "a circuit built by 'slotbeam circuits build'"))
        .addOption(OptionSpecs.required("input", "FILE", "the circuit input JSON (from 'slotbeam sample')"))
        .addOption(OptionSpecs.required("out", "FILE", "where to write the witness (.wtns)"));
  }

  @Override
  public int run(CommandLine line, PrintStream out) throws IOException {
    if (!line.getArgList().isEmpty()) {
      throw new UsageException("witness takes no arguments, got " + line.getArgList());
    }
    Path wasm = CircuitBuild.wasm(Path.of(line.getOptionValue("circuit")));
    if (!Files.isRegularFile(wasm)) {
      throw new IllegalArgumentException(
          "no witness wasm at " + wasm + "; build the circuit with 'slotbeam circuits build'");
    }
    ProofInput input =
        ProofInputJson.parse(
            Files.readString(Arguments.readableFile(line.getOptionValue("input")), StandardCharsets.UTF_8));
    long started = System.nanoTime();
    WitnessCalculator calculator = WitnessCalculator.load(wasm);
    Witness witness = calculator.calculate(input);
    Path target = Path.of(line.getOptionValue("out"));
    WitnessFile.write(target, witness);
    out.printf(
        "wrote %s: %d wires (%s engine) in %.0f ms%n",
        target, witness.size(), calculator.engine(), (System.nanoTime() - started) / 1e6);
    return ExitCode.OK;
  }
}
