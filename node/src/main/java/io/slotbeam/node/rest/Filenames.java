package io.slotbeam.node.rest;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The file name of an upload (spec node §2.3): taken from {@code Content-Disposition} as nim-codex
 * does (the text after {@code filename="}, trimmed, minus its last character), and checked with
 * the rules of Nim's {@code isValidFilename} (nim-lang/Nim lib/pure/os.nim): at most 259
 * characters; a name part (before the extension's dot) that is not empty, does not start or end with a
 * space or end with a dot, and is not a reserved Windows device name; and none of {@code / \ : * ?
 * " < > | ^} or NUL. Nim looks for those characters in the name part only; here the whole file
 * name is searched, so a name can never smuggle in a path.
 */
final class Filenames {
  private static final int MAX_LENGTH = 259;
  private static final String FORBIDDEN = "/\\:*?\"<>|^\0";
  private static final Set<String> RESERVED =
      Set.of(
          "CON", "PRN", "AUX", "NUL", "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6",
          "COM7", "COM8", "COM9", "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7",
          "LPT8", "LPT9");

  private Filenames() {}

  /** The file name in a {@code Content-Disposition} header, or empty if it names none. */
  static Optional<String> fromContentDisposition(String header) {
    if (header == null) {
      return Optional.empty();
    }
    int start = header.indexOf("filename=\"");
    if (start < 0) {
      return Optional.empty();
    }
    String rest = header.substring(start + "filename=\"".length()).strip();
    return Optional.of(rest.isEmpty() ? "" : rest.substring(0, rest.length() - 1));
  }

  static boolean isValid(String filename) {
    if (filename.length() > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < filename.length(); i++) {
      if (FORBIDDEN.indexOf(filename.charAt(i)) >= 0) {
        return false;
      }
    }
    String name = filename.substring(0, extensionDot(filename));
    return !name.isEmpty()
        && name.charAt(0) != ' '
        && name.charAt(name.length() - 1) != ' '
        && name.charAt(name.length() - 1) != '.'
        && !RESERVED.contains(name.toUpperCase(Locale.ROOT));
  }

  /**
   * Where the extension starts, as Nim's {@code splitFile} sees it (lib/std/private/ospaths2.nim):
   * the last dot that is neither the first nor the last character nor followed by a dot; the
   * length if there is none.
   */
  private static int extensionDot(String filename) {
    for (int i = filename.length() - 2; i > 0; i--) {
      if (filename.charAt(i) == '.' && filename.charAt(i + 1) != '.') {
        return i;
      }
    }
    return filename.length();
  }
}
