package io.slotbeam.tools;

import io.slotbeam.core.slots.CircuitParams;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code slotbeam circuits build [--params …] [--out DIR]}: compiles the storage-proof circuit with
 * the repository's pinned circom into the user's cache ({@code ~/.cache/slotbeam/circuits/PARAMS})
 * or {@code DIR}; a build whose sources did not change is reused.
 */
final class CircuitsCommand implements Command {
  private static final String BUILD_SCRIPT = "circuits/src/main/scripts/build-circuit.sh";

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
            Option.builder()
                .longOpt("out")
                .hasArg()
                .argName("DIR")
                .desc("output folder (default ~/.cache/slotbeam/circuits/PARAMS)")
                .get());
  }

  @Override
  public int run(CommandLine line, PrintStream out) throws IOException, InterruptedException {
    if (!"build".equals(Arguments.single(line, "action (build)"))) {
      throw new UsageException("unknown action '" + line.getArgList().get(0) + "' (try: build)");
    }
    CircuitParams params = line.hasOption(ParamsOption.OPTION) ? ParamsOption.get(line) : CircuitParams.SMALL;
    Path target =
        line.hasOption("out")
            ? Path.of(line.getOptionValue("out"))
            : Path.of(System.getProperty("user.home"), ".cache", "slotbeam", "circuits", params.toString());
    Path script = RepositoryRoot.get().resolve(BUILD_SCRIPT);
    if (!Files.isRegularFile(script)) {
      throw new IllegalStateException("circuit build script " + script + " is missing");
    }
    Process build =
        new ProcessBuilder("bash", script.toString(), params.toString(), target.toString())
            .directory(RepositoryRoot.get().toFile())
            .redirectErrorStream(true)
            .start();
    build.getInputStream().transferTo(out);
    int status = build.waitFor();
    if (status != 0) {
      throw new IllegalStateException("circuit build for " + params + " failed with status " + status);
    }
    out.printf("circuit %s built in %s%n", params, target);
    return ExitCode.OK;
  }
}
