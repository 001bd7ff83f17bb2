package io.slotbeam.tools;

import io.slotbeam.core.block.Chunker;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;

/** The {@code --block-size N} option of the commands that chunk a file. */
final class BlockSizeOption {
  private static final int MAX_BLOCK_SIZE = 1 << 30;

  static final Option OPTION =
      Option.builder()
          .longOpt("block-size")
          .hasArg()
          .argName("N")
          .desc("block size in bytes (default " + Chunker.DEFAULT_BLOCK_SIZE + ")")
          .get();

  private BlockSizeOption() {}

  static int get(CommandLine line) {
    return (int) Arguments.longOption(line, "block-size", 1, MAX_BLOCK_SIZE, Chunker.DEFAULT_BLOCK_SIZE);
  }
}
