package io.slotbeam.core.cid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VarintTest {
  private static final HexFormat HEX = HexFormat.of();

  private static long decodeAll(String hex) {
    ByteBuffer in = ByteBuffer.wrap(HEX.parseHex(hex));
    long value = Varint.decode(in);
    assertEquals(0, in.remaining(), "decode must consume exactly the varint");
    return value;
  }

  @ParameterizedTest
  @CsvSource({
    "0, 00",
    "1, 01",
    "127, 7f",
    "128, 8001",
    "300, ac02",
    "16383, ff7f",
    "16384, 808001",
    "52482, 829a03", // 0xCD02 codex-block
    "9223372036854775807, ffffffffffffffff7f" // Long.MAX_VALUE, 9 bytes
  })
  void encodesAndDecodesKnownValues(long value, String hex) {
    assertEquals(hex, HEX.formatHex(Varint.encode(value)));
    assertEquals(hex.length() / 2, Varint.encodedLength(value));
    assertEquals(value, decodeAll(hex));
  }

  @Test
  void writesIntoByteBufferAndStreamTheSameBytesAsEncode() {
    ByteBuffer buffer = ByteBuffer.allocate(8);
    Varint.write(0xCD02, buffer);
    assertEquals(3, buffer.position());
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    Varint.write(0xCD02, stream);
    byte[] expected = {(byte) 0x82, (byte) 0x9a, 0x03};
    assertArrayEquals(expected, stream.toByteArray());
    assertArrayEquals(expected, Arrays.copyOf(buffer.array(), 3));
  }

  @Test
  void decodeAdvancesOnlyPastTheVarint() {
    ByteBuffer in = ByteBuffer.wrap(HEX.parseHex("ff8001aa"));
    in.get();
    assertEquals(128, Varint.decode(in));
    assertEquals(3, in.position());
  }

  @Test
  void rejectsNegativeValues() {
    InvalidCidException e = assertThrows(InvalidCidException.class, () -> Varint.encode(-1));
    assertTrue(e.getMessage().contains("-1"), e.getMessage());
    assertTrue(e.getMessage().contains("non-negative"), e.getMessage());
  }

  @Test
  void rejectsTruncatedVarint() {
    InvalidCidException e = assertThrows(InvalidCidException.class, () -> decodeAll("829a"));
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
  }

  @Test
  void rejectsEmptyInputAsTruncated() {
    InvalidCidException e = assertThrows(InvalidCidException.class, () -> decodeAll(""));
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
  }

  @Test
  void rejectsVarintLongerThanNineBytes() {
    InvalidCidException e =
        assertThrows(InvalidCidException.class, () -> decodeAll("ffffffffffffffffff01"));
    assertTrue(e.getMessage().contains("longer than 9 bytes"), e.getMessage());
  }

  @Test
  void rejectsNonMinimalEncodingWithTrailingZeroGroup() {
    InvalidCidException e = assertThrows(InvalidCidException.class, () -> decodeAll("8100"));
    assertTrue(e.getMessage().contains("not minimal"), e.getMessage());
    assertTrue(e.getMessage().contains("offset 1"), e.getMessage());
    assertThrows(InvalidCidException.class, () -> decodeAll("8000"));
  }

  @Test
  void errorNamesTheOffsetWhereTheVarintStarts() {
    ByteBuffer in = ByteBuffer.wrap(HEX.parseHex("0102ff"));
    in.position(2);
    InvalidCidException e = assertThrows(InvalidCidException.class, () -> Varint.decode(in));
    assertTrue(e.getMessage().contains("offset 2"), e.getMessage());
  }
}
