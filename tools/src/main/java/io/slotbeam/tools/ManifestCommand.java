package io.slotbeam.tools;

import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.manifest.Manifest;
import io.slotbeam.core.manifest.ManifestJson;
import io.slotbeam.core.manifest.StoredManifests;
import io.slotbeam.core.store.BlockStore;
import java.io.IOException;
import java.io.PrintStream;
import java.util.HexFormat;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code slotbeam manifest CID --repo DIR [--hex]}: print a stored manifest. */
final class ManifestCommand implements Command {
  @Override
  public String name() {
    return "manifest";
  }

  @Override
  public String arguments() {
    return "CID";
  }

  @Override
  public String summary() {
    return "print a stored manifest as JSON (or its protobuf bytes as hex)";
  }

  @Override
  public Options options() {
    return new Options()
        .addOption(RepoOption.OPTION)
        .addOption(Option.builder().longOpt("hex").desc("print the raw protobuf bytes in hex").get());
  }

  @Override
  public int run(CommandLine line, PrintStream out) throws IOException {
    Cid cid = Cid.parse(Arguments.single(line, "CID"));
    BlockStore store = RepoOption.open(line);
    Manifest manifest = StoredManifests.get(store, cid); // checks that it is a manifest
    if (line.hasOption("hex")) {
      out.println(HexFormat.of().formatHex(store.get(cid).orElseThrow().data()));
    } else {
      Json.print(out, ManifestJson.full(manifest));
    }
    return ExitCode.OK;
  }
}
