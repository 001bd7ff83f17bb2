package io.slotbeam.tools;

import java.io.PrintStream;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** One sub-command of the {@code slotbeam} CLI. */
interface Command {
  /** The word that selects this command, e.g. {@code hash}. */
  String name();

  /** The positional arguments, as shown in the usage line, e.g. {@code FILE}. */
  String arguments();

  /** One line for {@code slotbeam --help}. */
  String summary();

  /** The command's own options; {@code --help} and {@code --debug} are added by the CLI. */
  Options options();

  /**
   * Runs the command and returns its exit code. Throws {@link UsageException} for bad usage and
   * {@link IllegalArgumentException} or {@link java.io.IOException} for bad data; the CLI turns
   * those into one-line errors.
   */
  int run(CommandLine line, PrintStream out) throws Exception;
}
