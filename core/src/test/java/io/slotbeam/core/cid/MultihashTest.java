package io.slotbeam.core.cid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class MultihashTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final String EMPTY_SHA256 =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  @Test
  void sha256OfEmptyInputHasTheWellKnownDigest() {
    Multihash mh = Multihash.sha256(new byte[0]);
    assertEquals(Multicodec.SHA2_256, mh.codec());
    assertEquals(EMPTY_SHA256, HEX.formatHex(mh.digest()));
    assertEquals("1220" + EMPTY_SHA256, HEX.formatHex(mh.toBytes()));
  }

  @Test
  void roundTripsThroughBytes() {
    Multihash mh = Multihash.sha256("abc".getBytes(StandardCharsets.US_ASCII));
    assertEquals(mh, Multihash.fromBytes(mh.toBytes()));
    Multihash cell = Multihash.of(Multicodec.POSEIDON2_MERKLE_2KB, new byte[32]);
    assertEquals("919a0320" + "00".repeat(32), HEX.formatHex(cell.toBytes()));
    assertEquals(cell, Multihash.fromBytes(cell.toBytes()));
  }

  @Test
  void identityMultihashCarriesItsDigestVerbatim() {
    byte[] le32 = HEX.parseHex("01".repeat(32));
    Multihash mh = Multihash.of(Multicodec.IDENTITY, le32);
    assertEquals("0020" + "01".repeat(32), HEX.formatHex(mh.toBytes()));
    assertEquals(mh, Multihash.fromBytes(mh.toBytes()));
  }

  @Test
  void decodeLeavesFollowingBytesUnread() {
    ByteBuffer in = ByteBuffer.wrap(HEX.parseHex("1220" + EMPTY_SHA256 + "abcd"));
    Multihash.decode(in);
    assertEquals(34, in.position());
  }

  @Test
  void digestIsDefensivelyCopied() {
    byte[] digest = new byte[32];
    Multihash mh = Multihash.of(Multicodec.SHA2_256, digest);
    digest[0] = 1;
    mh.digest()[1] = 1;
    assertArrayEquals(new byte[32], mh.digest());
  }

  @Test
  void equalityIsByCodecAndDigest() {
    byte[] digest = new byte[32];
    Multihash a = Multihash.of(Multicodec.SHA2_256, digest);
    assertEquals(a, Multihash.of(Multicodec.SHA2_256, digest.clone()));
    assertEquals(a.hashCode(), Multihash.of(Multicodec.SHA2_256, digest.clone()).hashCode());
    assertNotEquals(a, Multihash.of(Multicodec.POSEIDON2_SPONGE_R2, digest));
    digest[31] = 1;
    assertNotEquals(a, Multihash.of(Multicodec.SHA2_256, digest));
  }

  @Test
  void toStringShowsCodecAndHexDigest() {
    assertEquals("sha2-256:" + EMPTY_SHA256, Multihash.sha256(new byte[0]).toString());
  }

  @Test
  void rejectsDigestOfWrongLengthNamingBothNumbers() {
    InvalidCidException e =
        assertThrows(
            InvalidCidException.class, () -> Multihash.of(Multicodec.SHA2_256, new byte[31]));
    assertEquals("digest has 31 bytes but sha2-256 needs 32", e.getMessage());
  }

  @Test
  void rejectsEncodedDigestLengthThatDoesNotMatchTheCodec() {
    InvalidCidException e =
        assertThrows(
            InvalidCidException.class,
            () -> Multihash.fromBytes(HEX.parseHex("1221" + "00".repeat(33))));
    assertTrue(e.getMessage().contains("33 bytes but sha2-256 needs 32"), e.getMessage());
  }

  @Test
  void rejectsOversizedIdentityDigest() {
    assertThrows(
        InvalidCidException.class, () -> Multihash.of(Multicodec.IDENTITY, new byte[129]));
  }

  @Test
  void rejectsContentCodecAsHashCodec() {
    InvalidCidException e =
        assertThrows(
            InvalidCidException.class, () -> Multihash.of(Multicodec.CODEX_BLOCK, new byte[32]));
    assertTrue(e.getMessage().contains("codex-block"), e.getMessage());
    assertTrue(e.getMessage().contains("not a hash codec"), e.getMessage());
  }

  @Test
  void rejectsUnknownHashCode() {
    InvalidCidException e =
        assertThrows(
            InvalidCidException.class,
            () -> Multihash.fromBytes(HEX.parseHex("1b20" + "00".repeat(32))));
    assertTrue(e.getMessage().contains("unknown multicodec 0x1b"), e.getMessage());
  }

  @Test
  void rejectsTruncatedDigest() {
    InvalidCidException e =
        assertThrows(
            InvalidCidException.class,
            () -> Multihash.fromBytes(HEX.parseHex("1220" + "00".repeat(31))));
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
  }

  @Test
  void rejectsTrailingBytes() {
    InvalidCidException e =
        assertThrows(
            InvalidCidException.class,
            () -> Multihash.fromBytes(HEX.parseHex("1220" + EMPTY_SHA256 + "00")));
    assertTrue(e.getMessage().contains("trailing"), e.getMessage());
  }
}
