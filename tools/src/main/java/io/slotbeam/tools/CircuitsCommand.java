package io.slotbeam.tools;

import io.slotbeam.circuits.CircuitBuild;
import io.slotbeam.core.slots.CircuitParams;
import io.slotbeam.prover.setup.DevSetup;
import io.slotbeam.prover.setup.DevSetupFiles;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code slotbeam circuits build [--params …] [--out DIR]}: compiles the storage-proof circuit with
 * the checkout's pinned circom into the user's cache ({@code ~/.cache/slotbeam/circuits/PARAMS})
 * or {@code DIR}; a build whose sources did not change is reused.
 *
 * <p>{@code slotbeam circuits setup --dev --circuit DIR}: a development Groth16 setup of the
 * circuit in {@code DIR} ({@link DevSetupFiles}), unsafe for production. A real ceremony's zkey
 * in snarkjs format can stand at the same path instead.
 */
final class CircuitsCommand implements Command {
  @Override
  public String name() {
    return "circuits";
  }

  @Override
  public String arguments() {
    return "build | setup";
  }

  @Override
  public String summary() {
    return "build the storage-proof circuit (r1cs and witness wasm) with the pinned circom, or make"
        + " a development Groth16 setup of it (UNSAFE FOR PRODUCTION)";
  }

  @Override
  public Options options() {
    return new Options()
        .addOption(ParamsOption.OPTION)
        .addOption(
            OptionSpecs.optional(
                "out", "DIR", "build: output folder (default ~/.cache/slotbeam/circuits/PARAMS)"))
        .addOption(
            OptionSpecs.optional(
                "circuit", "DIR", "setup: a built circuit; writes DIR/" + DevSetupFiles.ZKEY + " and DIR/"
                    + DevSetupFiles.VERIFICATION_KEY))
        .addOption(
            Option.builder()
                .longOpt("dev")
                .desc("setup: a development setup from local randomness in seconds; " + DevSetup.UNSAFE_NOTICE)
                .build());
  }

  @Override
  public int run(CommandLine line, PrintStream out) throws Exception {
    String action = Arguments.single(line, "action (build or setup)");
    if ("setup".equals(action)) {
      return setup(line, out);
    }
    if (!"build".equals(action)) {
      throw new UsageException("unknown action '" + action + "' (try: build, setup)");
    }
    CircuitParams params =
        line.hasOption(ParamsOption.OPTION) ? ParamsOption.get(line) : CircuitParams.SMALL;
    Path target =
        line.hasOption("out") ? Path.of(line.getOptionValue("out")) : CircuitBuild.cacheFolder(params);
    CircuitBuild.build(RepositoryRoot.get(), params, target, out);
    out.printf("circuit %s built in %s%n", params, target);
    return ExitCode.OK;
  }

  private static int setup(CommandLine line, PrintStream out) throws Exception {
    if (!line.hasOption("dev")) {
      throw new UsageException(
          "setup makes development keys only and needs --dev (" + DevSetup.UNSAFE_NOTICE
              + "); for production, run a ceremony with snarkjs and put its zkey at DIR/" + DevSetupFiles.ZKEY);
    }
    if (!line.hasOption("circuit")) {
      throw new UsageException("setup needs --circuit DIR, a circuit built by 'slotbeam circuits build'");
    }
    Path folder = Path.of(line.getOptionValue("circuit"));
    if (!Files.isRegularFile(folder.resolve(DevSetupFiles.R1CS))) {
      throw new UsageException(
          "--circuit " + folder + " has no " + DevSetupFiles.R1CS + " (build it with 'slotbeam circuits build')");
    }
    long start = System.nanoTime();
    Path zkey = DevSetupFiles.write(folder, new SecureRandom());
    out.printf(
        "development setup written to %s and %s in %.1f s%nWARNING: %s%n",
        zkey, folder.resolve(DevSetupFiles.VERIFICATION_KEY), (System.nanoTime() - start) / 1e9,
        DevSetup.UNSAFE_NOTICE);
    return ExitCode.OK;
  }
}
