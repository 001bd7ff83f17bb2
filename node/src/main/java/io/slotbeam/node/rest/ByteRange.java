package io.slotbeam.node.rest;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One byte range of a download, from an HTTP {@code Range} header (RFC 9110 §14.1.2): {@code
 * bytes=FIRST-LAST}, {@code bytes=FIRST-} or {@code bytes=-SUFFIX}. A header this node does not
 * serve (several ranges, another unit, bad syntax) is ignored, as RFC 9110 allows, and the whole
 * dataset is sent.
 *
 * @param first the first byte sent
 * @param last the last byte sent, inclusive
 */
record ByteRange(long first, long last) {
  private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

  long length() {
    return last - first + 1;
  }

  /** The {@code Content-Range} value of a 206 answer. */
  String contentRange(long size) {
    return "bytes " + first + "-" + last + "/" + size;
  }

  /**
   * The range {@code header} asks for in a dataset of {@code size} bytes, or empty to send it all.
   *
   * @throws HttpError 416 if the range lies wholly past the end
   */
  static Optional<ByteRange> parse(String header, long size) {
    if (header == null) {
      return Optional.empty();
    }
    Matcher matcher = SINGLE.matcher(header.strip());
    if (!matcher.matches() || (matcher.group(1).isEmpty() && matcher.group(2).isEmpty())) {
      return Optional.empty();
    }
    try {
      if (matcher.group(1).isEmpty()) {
        long suffix = Long.parseLong(matcher.group(2));
        if (suffix == 0) {
          throw unsatisfiable(header, size);
        }
        return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
      }
      long first = Long.parseLong(matcher.group(1));
      long last = matcher.group(2).isEmpty() ? size - 1 : Long.parseLong(matcher.group(2));
      if (first >= size) {
        throw unsatisfiable(header, size);
      }
      if (last < first) {
        return Optional.empty();
      }
      return Optional.of(new ByteRange(first, Math.min(last, size - 1)));
    } catch (NumberFormatException e) {
      return Optional.empty(); // more digits than a long holds: not a range this node serves
    }
  }

  private static HttpError unsatisfiable(String header, long size) {
    return new HttpError(
        HttpError.RANGE_NOT_SATISFIABLE,
        "Range '" + header + "' starts past the end of the " + size + "-byte dataset");
  }
}
