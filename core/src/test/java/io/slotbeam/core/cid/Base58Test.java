package io.slotbeam.core.cid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Base58Test {

  /** Vectors of the base58 IETF draft (draft-msporny-base58). */
  @ParameterizedTest
  @CsvSource({
    "48656c6c6f20576f726c6421, 2NEpo7TZRRrLZSi2U",
    "0000287fb4cd, 11233QC4",
    "00, 1",
    "000000, 111",
    "39, z",
    "3a, 21"
  })
  void encodesAndDecodesKnownVectors(String hex, String text) {
    byte[] bytes = HexFormat.of().parseHex(hex);
    assertEquals(text, Base58.encode(bytes));
    assertArrayEquals(bytes, Base58.decode(text));
  }

  @Test
  void encodesTheQuickBrownFox() {
    byte[] bytes =
        "The quick brown fox jumps over the lazy dog.".getBytes(StandardCharsets.US_ASCII);
    String text = "USm3fpXnKG5EUBx2ndxBDMPVciP5hGey2Jh4NDv6gmeo1LkMeiKrLJUUBk6Z";
    assertEquals(text, Base58.encode(bytes));
    assertArrayEquals(bytes, Base58.decode(text));
  }

  @Test
  void emptyBytesAreTheEmptyString() {
    assertEquals("", Base58.encode(new byte[0]));
    assertArrayEquals(new byte[0], Base58.decode(""));
  }

  @Test
  void roundTripsRandomInputsWithLeadingZerosAndHighBytes() {
    Random random = new Random(42);
    for (int i = 0; i < 500; i++) {
      byte[] bytes = new byte[random.nextInt(48)];
      random.nextBytes(bytes);
      for (int z = 0; z < Math.min(bytes.length, random.nextInt(4)); z++) {
        bytes[z] = 0;
      }
      assertArrayEquals(bytes, Base58.decode(Base58.encode(bytes)));
    }
  }

  @Test
  void rejectsCharacterOutsideTheBitcoinAlphabetNamingItAndItsPosition() {
    InvalidCidException e = assertThrows(InvalidCidException.class, () -> Base58.decode("abc0de"));
    assertTrue(e.getMessage().contains("'0'"), e.getMessage());
    assertTrue(e.getMessage().contains("position 3"), e.getMessage());
    assertThrows(InvalidCidException.class, () -> Base58.decode("O"));
    assertThrows(InvalidCidException.class, () -> Base58.decode("I"));
    assertThrows(InvalidCidException.class, () -> Base58.decode("l"));
  }
}
