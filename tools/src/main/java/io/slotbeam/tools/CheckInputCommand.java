package io.slotbeam.tools;

import io.slotbeam.core.slots.CircuitParams;
import io.slotbeam.core.slots.ProofInput;
import io.slotbeam.core.slots.ProofInputChecker;
import io.slotbeam.core.slots.ProofInputJson;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code slotbeam check-input FILE [--params …]}: checks a circuit input independently of any
 * repository: every cell hash, path, sampled index and the slot proof.
 */
final class CheckInputCommand implements Command {
  @Override
  public String name() {
    return "check-input";
  }

  @Override
  public String arguments() {
    return "FILE";
  }

  @Override
  public String summary() {
    return "check a circuit input JSON: indices, cell hashes, paths and slot proof";
  }

  @Override
  public Options options() {
    return new Options().addOption(ParamsOption.OPTION);
  }

  @Override
  public int run(CommandLine line, PrintStream out) throws IOException {
    String file = Arguments.single(line, "FILE");
    CircuitParams params = ParamsOption.get(line);
    ProofInput input =
        ProofInputJson.parse(Files.readString(Arguments.readableFile(file), StandardCharsets.UTF_8));
    ProofInputChecker.Result result = ProofInputChecker.check(input, params);
    if (!result.ok()) {
      throw new IllegalArgumentException(file + ": " + result.firstFailure().orElseThrow());
    }
    out.printf(
        "%s: ok (slot %d of %d, %d samples, params %s)%n",
        file, input.slotIndex(), input.nSlotsPerDataSet(), input.samples().size(), params);
    return ExitCode.OK;
  }
}
