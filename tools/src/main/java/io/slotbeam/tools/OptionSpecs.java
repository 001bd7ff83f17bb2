package io.slotbeam.tools;

import org.apache.commons.cli.Option;

/** Short builders for the commands' long options that take one value. */
final class OptionSpecs {
  private OptionSpecs() {}

  static Option required(String name, String arg, String description) {
    return Option.builder().longOpt(name).hasArg().argName(arg).required().desc(description).get();
  }

  static Option optional(String name, String arg, String description) {
    return Option.builder().longOpt(name).hasArg().argName(arg).desc(description).get();
  }
}
