package io.slotbeam.tools;

import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.manifest.StoredManifests;
import io.slotbeam.core.manifest.VerificationInfo;
import io.slotbeam.core.store.FileBlockStore;
import io.slotbeam.pipelines.ProveMetrics;
import io.slotbeam.pipelines.ProveOptions;
import io.slotbeam.pipelines.ProvePipeline;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.PipelineResult;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code slotbeam prove-slots --repo DIR (--manifest CID [--slots 0,2,…] | --list FILE) --circuit
 * DIR (--challenge HEX | --period SECONDS [--periods N]) --out DIR [--runner R] [-- RUNNER-OPTIONS]}:
 * the prove pipeline ({@link ProvePipeline}) over the repository's verifiable datasets, with
 * progress on a terminal; prints how many proofs verified and where they and the Arrow records
 * are. Exits 1 when a slot could not be proved (its record says why).
 */
final class ProveSlotsCommand implements Command {
  @Override
  public String name() {
    return "prove-slots";
  }

  @Override
  public String arguments() {
    return "[-- RUNNER-OPTIONS...]";
  }

  @Override
  public String summary() {
    return "prove many slots for a challenge, or every period, in parallel workers; proofs and Arrow records";
  }

  @Override
  public Options options() {
    return new Options()
        .addOption(RepoOption.OPTION)
        .addOption(OptionSpecs.optional("manifest", "CID", "a verifiable manifest; with --slots, those slots, else all"))
        .addOption(OptionSpecs.optional("slots", "LIST", "slot indices of --manifest, e.g. 0,2"))
        .addOption(OptionSpecs.optional("list", "FILE", "slots to prove, one 'MANIFEST_CID SLOT' per line (# comments)"))
        .addOption(OptionSpecs.required("circuit", "DIR", "a built circuit with its zkey and verification key"))
        .addOption(OptionSpecs.optional("challenge", "HEX", "batch mode: the 32-byte challenge (64 hex digits)"))
        .addOption(OptionSpecs.optional("period", "SECONDS", "periodic mode: a new challenge every SECONDS"))
        .addOption(OptionSpecs.optional("periods", "N", "periodic mode: stop after N periods (default: until stopped)"))
        .addOption(OptionSpecs.optional("seed", "TEXT", "periodic mode: challenge of period P = SHA-256(TEXT, P)"))
        .addOption(OptionSpecs.required("out", "DIR", "proofs/DATASET/slot-S/period-P/ and records/period-P.arrow"))
        .addOption(OptionSpecs.optional("runner", "R", "direct (default), flink or spark; runner options go after --"))
        .addOption(OptionSpecs.optional("parallelism", "N", "parallel workers (default: one per core)"))
        .addOption(
            OptionSpecs.optional("max-concurrent-proofs", "N", "proofs at once per worker JVM (default 2)"));
  }

  @Override
  public int run(CommandLine line, PrintStream out) throws IOException {
    List<String> runnerOptions = new ArrayList<>();
    for (String arg : line.getArgList()) {
      if (!arg.startsWith("--")) {
        throw new UsageException("prove-slots takes no arguments besides runner options after --, got '" + arg + "'");
      }
      runnerOptions.add(arg);
    }
    Path repo = Path.of(line.getOptionValue("repo")).toAbsolutePath();
    Path target = Path.of(line.getOptionValue("out")).toAbsolutePath();
    List<String> args = new ArrayList<>();
    args.add("--repo=" + repo);
    args.add("--circuit=" + Path.of(line.getOptionValue("circuit")).toAbsolutePath());
    args.add("--out=" + target);
    long periods = modeArgs(line, args);
    slotArgs(line, repo, args);
    if (line.hasOption("max-concurrent-proofs")) {
      args.add("--maxConcurrentProofs=" + Arguments.longOption(line, "max-concurrent-proofs", 1, 1024, 2));
    }
    int parallelism =
        (int) Arguments.longOption(line, "parallelism", 1, 4096, Runtime.getRuntime().availableProcessors());
    args.addAll(EncodeArguments.runnerArgs(line.getOptionValue("runner", "direct"), parallelism, runnerOptions));
    args.addAll(runnerOptions);

    ProveOptions options = ProvePipeline.options(args.toArray(String[]::new));
    long slots = ProvePipeline.slotCount(options);
    long started = System.nanoTime();
    PipelineResult result = ProvePipeline.create(options).run();
    try (PipelineProgress progress = PipelineProgress.forProofs(result, slots * periods)) {
      result.waitUntilFinish();
    }
    long proved = PipelineProgress.attempted(result, ProveMetrics.PROOFS);
    long failed = PipelineProgress.attempted(result, ProveMetrics.PROOF_FAILURES);
    double seconds = (System.nanoTime() - started) / 1e9;
    out.printf("%,d proofs verified, %,d failed, in %.1f s (%.2f proofs/s)%n", proved, failed, seconds, proved / seconds);
    out.printf("proofs   %s%nrecords  %s (Arrow IPC; a failed slot's record says why)%n",
        target.resolve("proofs"), target.resolve("records"));
    return failed == 0 ? ExitCode.OK : ExitCode.FAILED;
  }

  /** Adds the slot options. */
  private static void slotArgs(CommandLine line, Path repo, List<String> args) throws IOException {
    if (line.hasOption("list") == line.hasOption("manifest")) {
      throw new UsageException("give the slots with --manifest CID [--slots 0,2,...] or with --list FILE");
    }
    if (line.hasOption("list")) {
      args.add("--slotList=" + Arguments.readableFile(line.getOptionValue("list")).toAbsolutePath());
      return;
    }
    Cid manifest = Cid.parse(line.getOptionValue("manifest"));
    List<String> slots = new ArrayList<>();
    if (line.hasOption("slots")) {
      for (String slot : line.getOptionValue("slots").split(",")) {
        slots.add(manifest + ":" + slot.trim());
      }
    } else {
      VerificationInfo verification =
          StoredManifests.get(FileBlockStore.attach(repo), manifest)
              .verification()
              .orElseThrow(() -> new IllegalArgumentException("manifest " + manifest + " is not verifiable"));
      for (int slot = 0; slot < verification.slotRoots().size(); slot++) {
        slots.add(manifest + ":" + slot);
      }
    }
    args.add("--slots=" + String.join(",", slots));
  }

  /** Adds the challenge or period options; returns the number of periods (0: until stopped). */
  private static long modeArgs(CommandLine line, List<String> args) {
    if (line.hasOption("challenge") == line.hasOption("period")) {
      throw new UsageException("give --challenge HEX (batch mode) or --period SECONDS (periodic mode)");
    }
    if (line.hasOption("challenge")) {
      if (line.hasOption("periods") || line.hasOption("seed")) {
        throw new UsageException("--periods and --seed are for periodic mode (--period)");
      }
      args.add("--challenge=" + line.getOptionValue("challenge"));
      return 1;
    }
    args.add("--period=" + Arguments.longOption(line, "period", 1, 86_400 * 365L, 1));
    long periods = Arguments.longOption(line, "periods", 1, Long.MAX_VALUE, 0);
    args.add("--periods=" + periods);
    if (line.hasOption("seed")) {
      args.add("--seed=" + line.getOptionValue("seed"));
    }
    return periods;
  }
}
