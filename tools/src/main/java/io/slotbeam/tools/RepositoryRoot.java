package io.slotbeam.tools;

import java.nio.file.Path;

/**
 * The slotbeam checkout the CLI runs from, which holds the circuit sources and the npm tools: the
 * launcher passes it as {@code -Dslotbeam.root}; elsewhere the current folder is assumed.
 */
final class RepositoryRoot {
  private RepositoryRoot() {}

  static Path get() {
    return Path.of(System.getProperty("slotbeam.root", ".")).toAbsolutePath().normalize();
  }
}
