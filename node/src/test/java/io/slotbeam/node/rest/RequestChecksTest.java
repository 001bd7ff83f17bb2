package io.slotbeam.node.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Upload header checks and Range parsing, against the examples of their sources. */
class RequestChecksTest {
  @Test
  void filenamesFollowNimsIsValidFilenameExamples() {
    // nim-lang/Nim lib/pure/os.nim, the runnableExamples of isValidFilename
    for (String bad : new String[] {" foo", "foo ", "foo.", "con.txt", "OwO:UwU", "aux.bat", "", "exam*ple.txt"}) {
      assertFalse(Filenames.isValid(bad), bad);
    }
    for (String good : new String[] {"example.txt", ".bashrc", "a b.tar.gz", "x".repeat(259)}) {
      assertTrue(Filenames.isValid(good), good);
    }
    assertFalse(Filenames.isValid("x".repeat(260)));
    assertFalse(Filenames.isValid("dir/file.txt"), "stricter than Nim: no path");
  }

  @Test
  void filenameIsTakenFromContentDispositionAsNimCodexDoes() {
    assertEquals(Optional.of("example.txt"), Filenames.fromContentDisposition("attachment; filename=\"example.txt\""));
    assertEquals(Optional.empty(), Filenames.fromContentDisposition("attachment"));
    assertEquals(Optional.empty(), Filenames.fromContentDisposition(null));
    assertEquals(Optional.of("a.tx"), Filenames.fromContentDisposition("attachment; filename=\"a.txt"), "last char dropped");
  }

  @Test
  void mimeTypesAreThoseOfNimsTable() {
    assertTrue(MimeTypes.isKnown("text/plain"));
    assertTrue(MimeTypes.isKnown("TEXT/HTML"), "lowercased first, as getExt does");
    assertTrue(MimeTypes.isKnown("video/mp4"));
    assertFalse(MimeTypes.isKnown("hello/world"));
    assertFalse(MimeTypes.isKnown("text/plain; charset=utf-8"), "nim-codex looks up the whole header value");
  }

  @Test
  void rangesFollowRfc9110() {
    assertEquals(Optional.of(new ByteRange(0, 99)), ByteRange.parse("bytes=0-99", 1000));
    assertEquals(Optional.of(new ByteRange(900, 999)), ByteRange.parse("bytes=-100", 1000));
    assertEquals(Optional.of(new ByteRange(0, 999)), ByteRange.parse("bytes=-5000", 1000));
    assertEquals(Optional.of(new ByteRange(10, 999)), ByteRange.parse("bytes=10-", 1000));
    assertEquals(Optional.of(new ByteRange(10, 999)), ByteRange.parse("bytes=10-100000", 1000));
    assertEquals(Optional.empty(), ByteRange.parse("bytes=5-4", 1000));
    assertEquals(Optional.empty(), ByteRange.parse("items=0-1", 1000));
    assertEquals(Optional.empty(), ByteRange.parse("bytes=0-1,3-4", 1000));
    assertEquals(Optional.empty(), ByteRange.parse("bytes=99999999999999999999-", 1000));
    assertEquals(416, assertThrows(HttpError.class, () -> ByteRange.parse("bytes=1000-", 1000)).status());
    assertEquals(416, assertThrows(HttpError.class, () -> ByteRange.parse("bytes=-0", 1000)).status());
    assertEquals("bytes 10-19/1000", new ByteRange(10, 19).contentRange(1000));
  }
}
