package io.slotbeam.core.cid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CidTest {
  private static final HexFormat HEX = HexFormat.of();

  // spec datapath §2.4 (upstream vector from nim-codex testupdownload.nim).
  private static final String TREE_CID_HEX =
      "01839a031220050b50fa8145c235e1b817326d34f733420298a9aa511f13622dd81264e8d4df";
  private static final String TREE_CID_TEXT =
      "zDzSvJTezk7bJNQqFq8k1iHXY84psNuUfZVusA5bBQQUSuyzDSVL";
  // Same CID in other multibases (computed independently of this code).
  private static final String TREE_CID_BASE32 =
      "bagbzuayseacqwuh2qfc4enpbxalte3ju64zueauyvgvfchytmiw5qete5dkn6";
  private static final String BLOCK_CID_TEXT =
      "zDxWB8ED98hxJ51XwYaoQAwMdskCcmTaPR6Ce2wq88bjvjXRYuR9";

  // spec datapath §1.4.
  private static final String EMPTY_CID_TEXT =
      "zDxWB8EDDsokSpiTXNRpv1jS2LXjEdLgTiDfxFd7Eo8CSPKVj93r";
  private static final String EMPTY_SHA256 =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  /** The 18 bytes "some file contents" zero-padded to one 65536-byte block (spec §2.2, §2.4). */
  private static byte[] someFileContentsBlock() {
    byte[] text = "some file contents".getBytes(StandardCharsets.US_ASCII);
    assertEquals(18, text.length);
    return Arrays.copyOf(text, 65536);
  }

  @Test
  void treeCidOfTheUpstreamVectorPrintsAsTheUpstreamText() {
    Cid cid = Cid.fromBytes(HEX.parseHex(TREE_CID_HEX));
    assertEquals(Multicodec.CODEX_ROOT, cid.contentCodec());
    assertEquals(Multicodec.SHA2_256, cid.multihash().codec());
    assertEquals(TREE_CID_TEXT, cid.toString());
  }

  @Test
  void treeCidTextParsesBackToTheSameBytes() {
    assertEquals(TREE_CID_HEX, HEX.formatHex(Cid.parse(TREE_CID_TEXT).toBytes()));
  }

  @Test
  void blockCidOfSomeFileContentsMatchesTheSpecVector() {
    Cid cid = Cid.of(Multicodec.CODEX_BLOCK, Multihash.sha256(someFileContentsBlock()));
    assertEquals(BLOCK_CID_TEXT, cid.toString());
    assertEquals(cid, Cid.parse(BLOCK_CID_TEXT));
  }

  @Test
  void treeCidDigestIsTheSingleLeafRootOfTheBlockDigest() throws Exception {
    // spec datapath §2.4: root = SHA-256(leaf ‖ 32 zero bytes ‖ 0x03), ties both vectors together.
    byte[] leaf = Cid.parse(BLOCK_CID_TEXT).multihash().digest();
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    sha.update(leaf);
    sha.update(new byte[32]);
    sha.update((byte) 0x03);
    Cid tree = Cid.of(Multicodec.CODEX_ROOT, Multihash.of(Multicodec.SHA2_256, sha.digest()));
    assertEquals(TREE_CID_TEXT, tree.toString());
  }

  @Test
  void emptyBlockCidIsTheSha256OfZeroBytes() {
    Cid empty = Cid.emptyBlock();
    assertEquals(EMPTY_CID_TEXT, empty.toString());
    assertEquals(Multicodec.CODEX_BLOCK, empty.contentCodec());
    assertEquals(EMPTY_SHA256, HEX.formatHex(empty.multihash().digest()));
    assertEquals("01829a031220" + EMPTY_SHA256, HEX.formatHex(empty.toBytes()));
    assertEquals(empty, Cid.parse(EMPTY_CID_TEXT));
  }

  /**
   * Spec datapath §1.3 "observed text prefixes". They hold for every digest only up to the length
   * checked here: e.g. an all-zero sha2-256 block CID prints as {@code zDxWB8EC...}, not {@code
   * zDxWB8ED...}, so the test uses the prefix shared by the smallest and the largest digest.
   */
  @Test
  void printedPrefixesMatchTheSpecSanityChecksForSmallestAndLargestDigest() {
    for (byte fill : new byte[] {0x00, (byte) 0xFF}) {
      byte[] digest = new byte[32];
      Arrays.fill(digest, fill);
      Multihash sha = Multihash.of(Multicodec.SHA2_256, digest);
      Multihash id = Multihash.of(Multicodec.IDENTITY, digest);
      Multihash cell = Multihash.of(Multicodec.POSEIDON2_MERKLE_2KB, digest);
      assertPrefix("zDxWB8E", Cid.of(Multicodec.CODEX_BLOCK, sha));
      assertPrefix("zDzSvJT", Cid.of(Multicodec.CODEX_ROOT, sha));
      assertPrefix("zDvZRwz", Cid.of(Multicodec.CODEX_MANIFEST, sha));
      assertPrefix("zE2PfUHW", Cid.of(Multicodec.CODEX_SLOT_ROOT, id));
      assertPrefix("zE4LQeWx", Cid.of(Multicodec.CODEX_PROVING_ROOT, id));
      assertPrefix("z5Q2wLtj", Cid.of(Multicodec.CODEX_SLOT_CELL, cell));
    }
  }

  private static void assertPrefix(String prefix, Cid cid) {
    assertTrue(cid.toString().startsWith(prefix), cid + " should start with " + prefix);
  }

  @ParameterizedTest
  @EnumSource(
      value = Multicodec.class,
      names = {
        "CODEX_MANIFEST",
        "CODEX_BLOCK",
        "CODEX_ROOT",
        "CODEX_SLOT_ROOT",
        "CODEX_PROVING_ROOT",
        "CODEX_SLOT_CELL"
      })
  void roundTripsEveryContentCodecThroughStringAndBytes(Multicodec codec) {
    Cid cid = Cid.of(codec, Multihash.sha256(codec.codecName().getBytes(StandardCharsets.UTF_8)));
    byte[] bytes = cid.toBytes();
    assertEquals(0x01, bytes[0]);
    assertArrayEquals(Varint.encode(codec.code()), Arrays.copyOfRange(bytes, 1, 4));
    assertEquals(cid, Cid.fromBytes(bytes));
    assertEquals(cid, Cid.parse(cid.toString()));
    assertEquals(codec, Cid.parse(cid.toString()).contentCodec());
  }

  @Test
  void base16AndBase32MultibaseParseToTheSameCid() {
    Cid expected = Cid.parse(TREE_CID_TEXT);
    assertEquals(expected, Cid.parse("f" + TREE_CID_HEX));
    assertEquals(expected, Cid.parse("F" + TREE_CID_HEX.toUpperCase()));
    assertEquals(expected, Cid.parse(TREE_CID_BASE32));
    assertEquals(expected, Cid.parse("B" + TREE_CID_BASE32.substring(1).toUpperCase()));
  }

  @Test
  void equalityIsByContentCodecAndMultihash() {
    Multihash mh = Multihash.sha256(new byte[0]);
    assertEquals(Cid.emptyBlock(), Cid.of(Multicodec.CODEX_BLOCK, mh));
    assertEquals(Cid.emptyBlock().hashCode(), Cid.of(Multicodec.CODEX_BLOCK, mh).hashCode());
    assertNotEquals(Cid.emptyBlock(), Cid.of(Multicodec.CODEX_ROOT, mh));
    assertNotEquals(
        Cid.emptyBlock(), Cid.of(Multicodec.CODEX_BLOCK, Multihash.sha256(new byte[1])));
  }

  // ---- errors ----

  private static InvalidCidException rejectsBytes(String hex) {
    return assertThrows(InvalidCidException.class, () -> Cid.fromBytes(HEX.parseHex(hex)));
  }

  private static InvalidCidException rejectsText(String text) {
    return assertThrows(InvalidCidException.class, () -> Cid.parse(text));
  }

  private static void assertMessageContains(InvalidCidException e, String fragment) {
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
  }

  @Test
  void rejectsEmptyBytesAndEmptyString() {
    assertMessageContains(rejectsBytes(""), "empty");
    assertMessageContains(rejectsText(""), "empty");
  }

  @Test
  void rejectsCidV0Bytes() {
    assertMessageContains(rejectsBytes("1220" + EMPTY_SHA256), "CIDv0 is not supported");
  }

  @Test
  void rejectsCidV0String() {
    InvalidCidException e = rejectsText("QmbWqxBEKC3P8tqsKc98xmWNzrzDtRLMiMPL8wBuTGsMnR");
    assertMessageContains(e, "CIDv0 is not supported");
  }

  @Test
  void rejectsVersionOtherThanOne() {
    assertMessageContains(rejectsBytes("02829a031220" + EMPTY_SHA256), "CID version 2");
  }

  @Test
  void rejectsBadVarintInsideCid() {
    assertMessageContains(rejectsBytes("01829a"), "truncated");
    assertMessageContains(rejectsBytes("01829a83001220" + EMPTY_SHA256), "not minimal");
  }

  @Test
  void rejectsUnknownContentCodec() {
    assertMessageContains(rejectsBytes("01709a031220" + EMPTY_SHA256), "unknown multicodec 0x");
    assertMessageContains(rejectsBytes("01879a031220" + EMPTY_SHA256), "unknown multicodec 0xcd07");
  }

  @Test
  void rejectsHashCodecInContentCodecPosition() {
    InvalidCidException e = rejectsBytes("01121220" + EMPTY_SHA256);
    assertMessageContains(e, "sha2-256");
    assertMessageContains(e, "not a content codec");
    assertThrows(
        InvalidCidException.class,
        () -> Cid.of(Multicodec.SHA2_256, Multihash.sha256(new byte[0])));
  }

  @Test
  void rejectsWrongDigestLength() {
    assertMessageContains(
        rejectsBytes("01829a03121f" + EMPTY_SHA256.substring(2)),
        "digest has 31 bytes but sha2-256 needs 32");
  }

  @Test
  void rejectsTrailingBytes() {
    assertMessageContains(rejectsBytes(TREE_CID_HEX + "00"), "trailing");
  }

  @Test
  void rejectsBadBase58Character() {
    // '0' is not in the Bitcoin alphabet; position is within the text after the 'z' prefix.
    InvalidCidException e = rejectsText("zDzSvJTe0k7bJNQqFq8k1iHXY84psNuUfZVusA5bBQQUSuyzDSVL");
    assertMessageContains(e, "'0'");
    assertMessageContains(e, "position 7");
  }

  @Test
  void rejectsUnsupportedMultibasePrefixNamingIt() {
    assertMessageContains(rejectsText("m" + TREE_CID_HEX), "prefix 'm'");
  }

  @Test
  void rejectsInvalidBase16AndBase32Text() {
    assertMessageContains(rejectsText("f01839a03zz"), "base16");
    assertMessageContains(rejectsText("F" + TREE_CID_HEX), "base16"); // lowercase under 'F'
    assertMessageContains(rejectsText("b01"), "base32");
  }
}
