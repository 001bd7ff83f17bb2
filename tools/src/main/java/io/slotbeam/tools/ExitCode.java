package io.slotbeam.tools;

/** The CLI's exit codes. */
final class ExitCode {
  static final int OK = 0;
  /** A check failed or the input data is bad. */
  static final int FAILED = 1;
  /** The command line is wrong. */
  static final int USAGE = 2;

  private ExitCode() {}
}
