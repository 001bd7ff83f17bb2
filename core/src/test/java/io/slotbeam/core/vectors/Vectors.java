package io.slotbeam.core.vectors;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the upstream vector files, which are read in place from {@code ../shared/vectors}
 * (see ARCHITECTURE.md, "Fixed points"). The parent POM passes their folder as the system
 * property {@code slotbeam.vectors}.
 *
 * <p>A missing file fails the test when {@code CI=true}; elsewhere it skips the test with a
 * message naming the place it looked.
 */
public final class Vectors {
  private Vectors() {}

  /** The vector file at {@code relative} (e.g. {@code codex/circuit-input-fixture.json}). */
  public static Path file(String relative) {
    String root = System.getProperty("slotbeam.vectors");
    if (root == null || root.isBlank()) {
      return missing("system property slotbeam.vectors is not set (run the tests through Maven)");
    }
    Path path = Path.of(root).resolve(relative).normalize();
    if (!Files.isRegularFile(path)) {
      return missing("vector file " + path + " does not exist");
    }
    return path;
  }

  private static Path missing(String why) {
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(why + " (CI=true: vectors are required)");
    }
    abort(why + "; skipping (set CI=true to make this a failure)");
    throw new AssertionError("unreachable");
  }
}
