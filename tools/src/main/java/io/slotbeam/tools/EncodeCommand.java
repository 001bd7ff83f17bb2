package io.slotbeam.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.io.MoreFiles;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.manifest.Manifest;
import io.slotbeam.core.manifest.StoredManifests;
import io.slotbeam.core.manifest.VerificationInfo;
import io.slotbeam.core.slots.SlotCids;
import io.slotbeam.core.store.BlockStore;
import io.slotbeam.core.store.FileBlockStore;
import io.slotbeam.pipelines.EncodeFailedException;
import io.slotbeam.pipelines.EncodeOptions;
import io.slotbeam.pipelines.EncodePipeline;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code slotbeam encode FILE|GLOB|FOLDER… --repo DIR|--node URL [--ec-k K --ec-m M] [--runner R]}:
 * stores each file as a Codex dataset (blocks, tree, plain manifest), erasure-codes it when asked
 * (parity, protected tree and manifest, slot trees, verifiable manifest), and prints what it made.
 *
 * <p>With {@code --node URL}, the datasets also go to that running node over its REST API (the
 * pipeline's node sink): the pipeline still works in a repository, {@code --repo} if given (kept,
 * so a failed upload can simply be run again) or else a scratch folder removed afterwards.
 *
 * <p>Every encode runs the Beam encode pipeline, on the DirectRunner unless {@code --runner} names
 * Flink or Spark: one code path, whose output is byte for byte what the sequential core path gives
 * (the pipelines module tests that), and which keeps every core busy on one large file. Runner
 * options go after {@code --}. Re-running on the same files stores nothing new, and a run killed
 * midway can simply be run again.
 */
final class EncodeCommand implements Command {
  @Override
  public String name() {
    return "encode";
  }

  @Override
  public String arguments() {
    return "FILE|GLOB|FOLDER... [-- RUNNER-OPTIONS...]";
  }

  @Override
  public String summary() {
    return "store files as Codex datasets in a repository and print their manifest CIDs";
  }

  @Override
  public Options options() {
    return new Options()
        .addOption(RepoOption.FOR_NODE)
        .addOption(
            OptionSpecs.optional(
                "node", "URL", "also send every dataset to this node: its base or API URL (e.g. http://127.0.0.1:8080)"))
        .addOption(BlockSizeOption.OPTION)
        .addOption(OptionSpecs.optional("filename", "NAME", "file name to record in the manifest (one file only)"))
        .addOption(OptionSpecs.optional("mimetype", "TYPE", "MIME type to record in the manifest"))
        .addOption(OptionSpecs.optional("ec-k", "K", "erasure-code with K data blocks per group"))
        .addOption(OptionSpecs.optional("ec-m", "M", "parity blocks per group (with --ec-k)"))
        .addOption(
            OptionSpecs.optional(
                "cell-size", "N", "cell size in bytes for the slot trees (default " + VerificationInfo.DEFAULT_CELL_SIZE + ")"))
        .addOption(
            OptionSpecs.optional(
                "hasher", "H", "block hasher for the slot trees: java or native (default native when it loads)"))
        .addOption(OptionSpecs.optional("runner", "R", "direct (default), flink or spark; runner options go after --"))
        .addOption(OptionSpecs.optional("parallelism", "N", "parallel workers (default: one per core)"))
        .addOption(OptionSpecs.optional("summary", "FILE", "also keep the summary JSON of every file here"))
        .addOption(Option.builder().longOpt("json").desc("print the result as JSON").get());
  }

  @Override
  public int run(CommandLine line, PrintStream out) throws IOException {
    EncodeArguments arguments = EncodeArguments.of(line);
    Path summary =
        line.hasOption("summary")
            ? Path.of(line.getOptionValue("summary"))
            : Files.createTempFile("slotbeam-encode-", ".json");
    Path repo = arguments.repo().isPresent() ? arguments.repo().get() : Files.createTempDirectory("slotbeam-encode-");
    try {
      List<String> args = new ArrayList<>(arguments.pipelineArgs());
      args.add("--repo=" + repo.toAbsolutePath());
      args.add("--summary=" + summary.toAbsolutePath());
      EncodeOptions options = EncodePipeline.options(args.toArray(String[]::new));
      Pipeline pipeline = EncodePipeline.create(options);
      runToCompletion(pipeline, arguments);
      print(out, Json.MAPPER.readTree(summary.toFile()), line, repo);
    } finally {
      if (!line.hasOption("summary")) {
        Files.deleteIfExists(summary);
      }
      if (arguments.repo().isEmpty()) {
        MoreFiles.deleteRecursively(repo);
      }
    }
    return ExitCode.OK;
  }

  /** Runs the pipeline with progress on a terminal; a failed step surfaces as its own message. */
  private static void runToCompletion(Pipeline pipeline, EncodeArguments arguments) {
    try {
      PipelineResult result = pipeline.run();
      try (PipelineProgress progress = PipelineProgress.forEncode(result, arguments)) {
        result.waitUntilFinish();
      }
    } catch (RuntimeException e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof EncodeFailedException failed) {
          throw failed;
        }
      }
      throw e;
    }
  }

  private static void print(PrintStream out, JsonNode summary, CommandLine line, Path repo) throws IOException {
    if (line.hasOption("json")) {
      if (summary.size() == 1) {
        ((ObjectNode) summary.get(0)).remove("file");
        Json.print(out, summary.get(0));
      } else {
        Json.print(out, summary);
      }
      return;
    }
    BlockStore store = FileBlockStore.attach(repo);
    for (JsonNode file : summary) {
      if (summary.size() > 1) {
        out.printf("%-22s%s%n", "file", file.get("file").asText());
      }
      printManifest(out, "", store, file);
      if (file.has("protected")) {
        printManifest(out, "protected ", store, file.get("protected"));
      }
      if (file.has("verifiable")) {
        Cid cid = Cid.parse(file.get("verifiable").get("manifestCid").asText());
        VerificationInfo verification = StoredManifests.get(store, cid).verification().orElseThrow();
        out.printf("%-22s%s%n", "verifiable manifest", cid);
        out.printf("%-22s%s%n", "verifiable verifyRoot", SlotCids.root(verification.verifyRoot()));
        out.printf("%-22s%d%n", "verifiable slots", verification.slotRoots().size());
      }
    }
  }

  private static void printManifest(PrintStream out, String prefix, BlockStore store, JsonNode json)
      throws IOException {
    Cid cid = Cid.parse(json.get("manifestCid").asText());
    Manifest manifest = StoredManifests.get(store, cid);
    out.printf("%-22s%s%n", prefix + "manifest", cid);
    out.printf("%-22s%s%n", prefix + "treeCid", manifest.treeCid());
    manifest
        .erasure()
        .ifPresent(e -> out.printf("%-22sK = %d, M = %d%n", prefix + "erasure", e.ecK(), e.ecM()));
    out.printf(
        "%-22s%,d bytes in %d blocks of %,d bytes%n",
        prefix + "dataset", manifest.datasetSize(), manifest.blocksCount(), manifest.blockSize());
  }
}
