package io.slotbeam.tools;

import io.slotbeam.core.manifest.VerificationInfo;
import io.slotbeam.pipelines.EncodePipeline;
import io.slotbeam.prover.hash.BlockHashers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;

/**
 * The {@code encode} command line as encode-pipeline arguments, checked: inputs (a folder stands
 * for the files in it), the repository and the node to send to (one of them at least), block,
 * erasure and cell parameters, and the runner with its parallelism and pass-through options (the
 * arguments after {@code --} that start with {@code --}).
 *
 * @param pipelineArgs the arguments for {@code EncodePipeline.options}, without the summary and
 *     the repository
 * @param inputs the files and globs to encode
 * @param repo the block repository; empty when only a node receives the datasets
 * @param blockSize bytes per block
 * @param ecK data blocks per erasure group, 0 without erasure coding
 * @param ecM parity blocks per erasure group
 */
record EncodeArguments(
    List<String> pipelineArgs, List<String> inputs, Optional<Path> repo, int blockSize, int ecK, int ecM) {
  /** Each runner's Beam class and how it takes a number of parallel workers. */
  private record Runner(String className, String module, String parallelismOption) {}

  private static final Map<String, Runner> RUNNERS =
      Map.of(
          "direct", new Runner("org.apache.beam.runners.direct.DirectRunner", "pipelines", "--targetParallelism="),
          "flink", new Runner("org.apache.beam.runners.flink.FlinkRunner", "pipelines/flink", "--parallelism="),
          "spark", new Runner("org.apache.beam.runners.spark.SparkRunner", "pipelines/spark", "--sparkMaster=local"));

  static EncodeArguments of(CommandLine line) {
    List<String> inputs = new ArrayList<>();
    List<String> runnerOptions = new ArrayList<>();
    for (String arg : line.getArgList()) {
      if (arg.startsWith("--")) {
        runnerOptions.add(arg);
      } else {
        inputs.add(input(arg));
      }
    }
    if (inputs.isEmpty()) {
      throw new UsageException("expected at least one FILE, GLOB or FOLDER");
    }
    if (line.hasOption("filename") && (inputs.size() > 1 || isGlob(inputs.get(0)))) {
      throw new UsageException("--filename names one file, but the inputs are " + inputs);
    }
    int blockSize = BlockSizeOption.get(line);
    if (!line.hasOption("ec-k") && line.hasOption("ec-m")) {
      throw new UsageException("--ec-m needs --ec-k");
    }
    int ecK = (int) Arguments.longOption(line, "ec-k", 1, 65536, 0);
    int ecM = (int) Arguments.longOption(line, "ec-m", 0, 65536, 1);
    int cellSize = (int) Arguments.longOption(line, "cell-size", 1, blockSize, VerificationInfo.DEFAULT_CELL_SIZE);
    int parallelism =
        (int) Arguments.longOption(line, "parallelism", 1, 4096, Runtime.getRuntime().availableProcessors());
    Optional<Path> repo = Optional.ofNullable(line.getOptionValue(RepoOption.FOR_NODE)).map(Path::of);
    if (repo.isEmpty() && !line.hasOption("node")) {
      throw new UsageException("expected --repo DIR, --node URL or both");
    }

    List<String> args = new ArrayList<>();
    args.add("--inputs=" + String.join(",", inputs));
    if (line.hasOption("node")) {
      args.add("--node=" + nodeUrl(line.getOptionValue("node")));
    }
    args.add("--blockSize=" + blockSize);
    args.add("--ecK=" + ecK);
    args.add("--ecM=" + ecM);
    args.add("--cellSize=" + cellSize);
    if (line.hasOption("filename")) {
      args.add("--filename=" + line.getOptionValue("filename"));
    }
    if (line.hasOption("hasher")) {
      String hasher = line.getOptionValue("hasher");
      if (!BlockHashers.NAMES.contains(hasher)) {
        throw new UsageException("--hasher '" + hasher + "' is not one of " + BlockHashers.NAMES);
      }
      args.add("--hasher=" + hasher);
    }
    if (line.hasOption("mimetype")) {
      args.add("--mimetype=" + line.getOptionValue("mimetype"));
    }
    args.addAll(runnerArgs(line.getOptionValue("runner", "direct"), parallelism, runnerOptions));
    args.addAll(runnerOptions);
    return new EncodeArguments(args, inputs, repo, blockSize, ecK, ecM);
  }

  private static String nodeUrl(String url) {
    try {
      return EncodePipeline.checkedNodeUrl(url).toString();
    } catch (IllegalArgumentException e) {
      throw new UsageException("--node: " + e.getMessage());
    }
  }

  /** A path is checked here (a missing file is bad data, exit 1); a folder means its files. */
  private static String input(String arg) {
    if (isGlob(arg)) {
      return arg;
    }
    Path path = Path.of(arg);
    if (Files.isDirectory(path)) {
      return path.toAbsolutePath().resolve("*").toString();
    }
    return Arguments.readableFile(arg).toAbsolutePath().toString();
  }

  private static boolean isGlob(String arg) {
    return arg.contains("*") || arg.contains("?") || arg.contains("[") || arg.contains("{");
  }

  /** The Beam options that select runner {@code name} with {@code parallelism} workers (unless set in {@code runnerOptions}). */
  static List<String> runnerArgs(String name, int parallelism, List<String> runnerOptions) {
    Runner runner = RUNNERS.get(name);
    if (runner == null) {
      throw new UsageException("--runner '" + name + "' is not one of direct, flink, spark");
    }
    try {
      Class.forName(runner.className());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          "the " + name + " runner is not on the classpath: run through ./slotbeam, which builds it, or build it with"
              + " mvn -B -pl " + runner.module() + " -am package -DskipTests");
    }
    List<String> args = new ArrayList<>();
    args.add("--runner=" + runner.className().substring(runner.className().lastIndexOf('.') + 1));
    boolean userSetIt = runnerOptions.stream().anyMatch(o -> o.startsWith(runner.parallelismOption().split("=")[0]));
    if (!userSetIt) {
      args.add(
          runner.parallelismOption().endsWith("=")
              ? runner.parallelismOption() + parallelism
              : runner.parallelismOption() + "[" + parallelism + "]");
    }
    if (name.equals("direct")) {
      args.add("--blockOnRun=false"); // so that progress can be shown while it runs
    }
    return args;
  }
}
