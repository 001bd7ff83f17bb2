package io.slotbeam.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;

/** Checks on command-line values, each failing with a {@link UsageException} naming the value. */
final class Arguments {
  private Arguments() {}

  /** The single positional argument, named {@code what} in errors. */
  static String single(CommandLine line, String what) {
    if (line.getArgList().size() != 1) {
      throw new UsageException("expected one " + what + ", got " + line.getArgList().size() + " arguments " + line.getArgList());
    }
    return line.getArgList().get(0);
  }

  /** An integer option in {@code [min, max]}, or {@code fallback} when absent. */
  static long longOption(CommandLine line, String option, long min, long max, long fallback) {
    String text = line.getOptionValue(option);
    if (text == null) {
      return fallback;
    }
    long value;
    try {
      value = Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new UsageException("--" + option + " '" + text + "' is not an integer");
    }
    if (value < min || value > max) {
      throw new UsageException("--" + option + " " + value + " is not in [" + min + ", " + max + "]");
    }
    return value;
  }

  /** A file that exists and is readable; a missing file is bad data (exit 1), not bad usage. */
  static Path readableFile(String name) {
    Path path = Path.of(name);
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException("file '" + name + "' does not exist or is not a regular file");
    }
    if (!Files.isReadable(path)) {
      throw new IllegalArgumentException("file '" + name + "' is not readable");
    }
    return path;
  }
}
