package io.slotbeam.tools;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** The base of the CLI tests: runs {@code slotbeam} in-process and keeps what it printed. */
abstract class CliTest {
  protected final ByteArrayOutputStream out = new ByteArrayOutputStream();
  protected final ByteArrayOutputStream err = new ByteArrayOutputStream();

  /** Runs the CLI with {@code args}; its output adds to {@link #out} and {@link #err}. */
  int run(String... args) {
    return new SlotbeamCli(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            SlotbeamCli.commands())
        .run(args);
  }

  String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
