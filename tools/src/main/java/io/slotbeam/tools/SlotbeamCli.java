package io.slotbeam.tools;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * The {@code slotbeam} command line: {@code slotbeam <command> [options]}. Exit codes are those
 * of {@link ExitCode}; errors go to stderr as one line naming the bad value, with a stack trace
 * only under {@code --debug}.
 */
public final class SlotbeamCli {
  private static final Option HELP = new Option("h", "help", false, "show this help and exit");
  private static final Option DEBUG =
      new Option(null, "debug", false, "print a stack trace with any error");

  private final Map<String, Command> commands = new LinkedHashMap<>();
  private final PrintStream out;
  private final PrintStream err;

  SlotbeamCli(PrintStream out, PrintStream err, List<Command> commands) {
    this.out = out;
    this.err = err;
    commands.forEach(c -> this.commands.put(c.name(), c));
  }

  public static void main(String[] args) {
    System.exit(new SlotbeamCli(System.out, System.err, commands()).run(args));
  }

  /** Every command, in the order {@code --help} lists them. */
  static List<Command> commands() {
    return List.of(
        new DemoCommand(),
        new HashCommand(),
        new EncodeCommand(),
        new ManifestCommand(),
        new RepairCommand(),
        new SampleCommand(),
        new CheckInputCommand(),
        new CircuitsCommand(),
        new WitnessCommand(),
        new ProofCommand(),
        new ProveCommand(),
        new ProveSlotsCommand(),
        new VerifyCommand(),
        new NodeCommand());
  }

  /** Runs one command line and returns the process exit code. */
  int run(String[] args) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
      printOverview();
      return args.length == 0 ? ExitCode.USAGE : ExitCode.OK;
    }
    Command command = commands.get(args[0]);
    if (command == null) {
      err.println("slotbeam: unknown command '" + args[0] + "' (try: " + commandNames() + ")");
      return ExitCode.USAGE;
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    boolean debug = Arrays.asList(rest).contains("--debug");
    try {
      Options options = command.options().addOption(HELP).addOption(DEBUG);
      CommandLine line = new DefaultParser().parse(options, rest);
      if (line.hasOption(HELP)) {
        printUsage(command, options);
        return ExitCode.OK;
      }
      return command.run(line, out);
    } catch (ParseException | UsageException e) {
      return fail(command, e, ExitCode.USAGE, debug);
    } catch (Exception e) {
      return fail(command, e, ExitCode.FAILED, debug);
    }
  }

  private int fail(Command command, Exception e, int code, boolean debug) {
    err.println("slotbeam " + command.name() + ": " + describe(e).replace('\n', ' '));
    if (code == ExitCode.USAGE) {
      err.println("see: slotbeam " + command.name() + " --help");
    }
    if (debug) {
      e.printStackTrace(err);
    }
    return code;
  }

  /** One line for the user; file-system errors carry only a path, so say what happened to it. */
  private static String describe(Exception e) {
    if (e instanceof NoSuchFileException missing) {
      return "no such file or folder: " + missing.getFile();
    }
    if (e instanceof AccessDeniedException denied) {
      return "permission denied: " + denied.getFile();
    }
    if (e instanceof FileAlreadyExistsException exists) {
      return "already exists and is in the way: " + exists.getFile();
    }
    if (e instanceof FileSystemException fileSystem) {
      return fileSystem.getFile() + ": " + fileSystem.getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private void printOverview() {
    out.println("usage: slotbeam <command> [options]   (slotbeam <command> --help for details)");
    out.println();
    out.println("commands:");
    commands.values().forEach(c -> out.printf("  %-12s %s%n", c.name(), c.summary()));
    out.println();
    out.println("exit codes: 0 ok, 1 failed check or bad data, 2 bad usage");
  }

  private void printUsage(Command command, Options options) {
    PrintWriter writer = new PrintWriter(out, true);
    new HelpFormatter()
        .printHelp(
            writer,
            100,
            "slotbeam " + command.name() + " [options] " + command.arguments(),
            command.summary(),
            options,
            2,
            4,
            "");
    writer.flush();
  }

  private String commandNames() {
    return String.join(", ", commands.keySet());
  }
}
