package io.slotbeam.node.rest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The MIME types an upload may name in {@code Content-Type} (spec node §2.3): nim-codex accepts a
 * type iff Nim's {@code mimetypes} table maps some extension to it, comparing the lowercased header
 * value with the table's values ({@code getExt}, nim-lang/Nim lib/pure/mimetypes.nim). The table's
 * values are in {@code mime-types.txt} beside this class.
 */
final class MimeTypes {
  private static final Set<String> KNOWN = load();

  private MimeTypes() {}

  /** Whether nim-codex would accept {@code contentType}, e.g. {@code text/plain} but not {@code hello/world}. */
  static boolean isKnown(String contentType) {
    return KNOWN.contains(contentType.toLowerCase(Locale.ROOT));
  }

  private static Set<String> load() {
    try (InputStream in = MimeTypes.class.getResourceAsStream("mime-types.txt")) {
      if (in == null) {
        throw new IllegalStateException("mime-types.txt is missing from the node's classpath");
      }
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
          .lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .collect(Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read mime-types.txt", e);
    }
  }
}
