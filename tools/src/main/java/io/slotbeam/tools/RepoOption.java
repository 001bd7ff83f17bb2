package io.slotbeam.tools;

import io.slotbeam.core.store.FileBlockStore;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;

/** The {@code --repo DIR} option shared by the commands that use a block repository. */
final class RepoOption {
  static final Option OPTION =
      Option.builder()
          .longOpt("repo")
          .hasArg()
          .argName("DIR")
          .required()
          .desc("block repository folder (created if missing)")
          .get();

  private RepoOption() {}

  static FileBlockStore open(CommandLine line) throws IOException {
    return FileBlockStore.open(Path.of(line.getOptionValue(OPTION)));
  }
}
