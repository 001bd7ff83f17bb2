package io.slotbeam.tools;

import io.slotbeam.core.store.FileBlockStore;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;

/** The {@code --repo DIR} option shared by the commands that use a block repository. */
final class RepoOption {
  static final Option OPTION = builder().required().desc("block repository folder (created if missing)").get();

  /** For {@code encode}, where {@code --node URL} may stand in for the repository. */
  static final Option FOR_NODE =
      builder()
          .desc("block repository folder (created if missing); with --node, the local copy kept beside the node's"
              + " (without --repo, a scratch folder removed afterwards)")
          .get();

  private RepoOption() {}

  private static Option.Builder builder() {
    return Option.builder().longOpt("repo").hasArg().argName("DIR");
  }

  static FileBlockStore open(CommandLine line) throws IOException {
    return FileBlockStore.open(Path.of(line.getOptionValue(OPTION)));
  }
}
