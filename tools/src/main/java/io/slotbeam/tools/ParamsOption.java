package io.slotbeam.tools;

import io.slotbeam.core.slots.CircuitParams;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;

/** {@code --params maxDepth,maxLog2NSlots,blockTreeDepth,cellElems,samples}, as every command spells it. */
final class ParamsOption {
  static final Option OPTION =
      Option.builder()
          .longOpt("params")
          .hasArg()
          .argName("D,S,B,E,N")
          .desc(
              "circuit parameters maxDepth,maxLog2NSlots,blockTreeDepth,cellElems,samples (default "
                  + CircuitParams.FULL + ", the Codex circuit; the small test circuit is "
                  + CircuitParams.SMALL + ")")
          .get();

  private ParamsOption() {}

  static CircuitParams get(CommandLine line) {
    if (!line.hasOption(OPTION)) {
      return CircuitParams.FULL;
    }
    try {
      return CircuitParams.parse(line.getOptionValue(OPTION));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--params " + e.getMessage());
    }
  }
}
