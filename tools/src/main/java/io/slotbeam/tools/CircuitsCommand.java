package io.slotbeam.tools;

import io.slotbeam.circuits.CircuitBuild;
import io.slotbeam.core.slots.CircuitParams;
import java.io.PrintStream;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code slotbeam circuits build [--params …] [--out DIR]}: compiles the storage-proof circuit with
 * the checkout's pinned circom into the user's cache ({@code ~/.cache/slotbeam/circuits/PARAMS})
 * or {@code DIR}; a build whose sources did not change is reused.
 */
final class CircuitsCommand implements Command {
  @Override
  public String name() {
    return "circuits";
  }

  @Override
  public String arguments() {
    return "build";
  }

  @Override
  public String summary() {
    return "build the storage-proof circuit (r1cs and witness wasm) with the pinned circom";
  }

  @Override
  public Options options() {
    return new Options()
        .addOption(ParamsOption.OPTION)
        .addOption(
            OptionSpecs.optional(
                "out", "DIR", "output folder (default ~/.cache/slotbeam/circuits/PARAMS)"));
  }

  @Override
  public int run(CommandLine line, PrintStream out) throws Exception {
    if (!"build".equals(Arguments.single(line, "action (build)"))) {
      throw new UsageException("unknown action '" + line.getArgList().get(0) + "' (try: build)");
    }
    CircuitParams params =
        line.hasOption(ParamsOption.OPTION) ? ParamsOption.get(line) : CircuitParams.SMALL;
    Path target =
        line.hasOption("out") ? Path.of(line.getOptionValue("out")) : CircuitBuild.cacheFolder(params);
    CircuitBuild.build(RepositoryRoot.get(), params, target, out);
    out.printf("circuit %s built in %s%n", params, target);
    return ExitCode.OK;
  }
}
