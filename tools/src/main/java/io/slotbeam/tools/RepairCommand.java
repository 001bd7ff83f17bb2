package io.slotbeam.tools;

import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.erasure.DatasetRepairer;
import io.slotbeam.core.erasure.LeopardDecoder;
import io.slotbeam.core.manifest.Manifest;
import io.slotbeam.core.manifest.StoredManifests;
import io.slotbeam.core.store.BlockStore;
import java.io.IOException;
import java.io.PrintStream;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code slotbeam repair CID --repo DIR}: restores the missing or corrupted blocks of a stored
 * protected dataset; exit 1 when some group lost more than M blocks.
 */
final class RepairCommand implements Command {
  @Override
  public String name() {
    return "repair";
  }

  @Override
  public String arguments() {
    return "CID";
  }

  @Override
  public String summary() {
    return "restore missing or corrupted blocks of a protected dataset";
  }

  @Override
  public Options options() {
    return new Options().addOption(RepoOption.OPTION);
  }

  @Override
  public int run(CommandLine line, PrintStream out) throws IOException {
    Cid cid = Cid.parse(Arguments.single(line, "CID"));
    BlockStore store = RepoOption.open(line);
    Manifest manifest = StoredManifests.get(store, cid);
    DatasetRepairer.Report report =
        Workers.run(workers -> new DatasetRepairer(store, workers, LeopardDecoder.fastest()).repair(manifest));
    int restored = report.restored().size();
    out.printf(
        "restored %d block%s%s%n",
        restored, restored == 1 ? "" : "s", restored == 0 ? "" : " at indices " + report.restored());
    if (!report.complete()) {
      out.printf(
          "could not restore groups %s: each lost more than M = %d blocks%n",
          report.unrecoverableGroups(), manifest.erasure().orElseThrow().ecM());
      return ExitCode.FAILED;
    }
    return ExitCode.OK;
  }
}
