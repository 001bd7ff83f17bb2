package io.slotbeam.core.cid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MulticodecTest {

  /** The table of spec datapath §1.1: name, code, varint bytes. */
  @ParameterizedTest
  @CsvSource({
    "identity, 0x00, 00",
    "sha2-256, 0x12, 12",
    "sha2-512, 0x13, 13",
    "codex-manifest, 0xCD01, 819a03",
    "codex-block, 0xCD02, 829a03",
    "codex-root, 0xCD03, 839a03",
    "codex-slot-root, 0xCD04, 849a03",
    "codex-proving-root, 0xCD05, 859a03",
    "codex-slot-cell, 0xCD06, 869a03",
    "poseidon2-alt_bn_128-sponge-r2, 0xCD10, 909a03",
    "poseidon2-alt_bn_128-merkle-2kb, 0xCD11, 919a03",
    "poseidon2-alt_bn_128-keyed-compress, 0xCD12, 929a03"
  })
  void matchesTheSpecCodeTable(String name, String code, String varintHex) {
    Multicodec codec = Multicodec.fromCode(Long.decode(code));
    assertEquals(name, codec.codecName());
    assertEquals(name, codec.toString());
    assertEquals(varintHex, HexFormat.of().formatHex(Varint.encode(codec.code())));
  }

  @Test
  void hasExactlyTheTwelveCodesOfTheSpecTable() {
    assertEquals(12, Multicodec.values().length);
  }

  @Test
  void onlyTheSixCodexCodecsAreContentCodecs() {
    EnumSet<Multicodec> content = EnumSet.noneOf(Multicodec.class);
    for (Multicodec codec : Multicodec.values()) {
      assertTrue(codec.isContentCodec() != codec.isHashCodec(), codec.codecName());
      if (codec.isContentCodec()) {
        content.add(codec);
      }
    }
    assertEquals(
        EnumSet.of(
            Multicodec.CODEX_MANIFEST,
            Multicodec.CODEX_BLOCK,
            Multicodec.CODEX_ROOT,
            Multicodec.CODEX_SLOT_ROOT,
            Multicodec.CODEX_PROVING_ROOT,
            Multicodec.CODEX_SLOT_CELL),
        content);
  }

  @Test
  void hashCodecsRequireTheirDigestLengths() {
    assertEquals(32, Multicodec.SHA2_256.digestLength());
    assertEquals(64, Multicodec.SHA2_512.digestLength());
    assertEquals(32, Multicodec.POSEIDON2_SPONGE_R2.digestLength());
    assertEquals(32, Multicodec.POSEIDON2_MERKLE_2KB.digestLength());
    assertEquals(32, Multicodec.POSEIDON2_KEYED_COMPRESS.digestLength());
    assertEquals(Multicodec.VARIABLE, Multicodec.IDENTITY.digestLength());
  }

  @Test
  void contentCodecsHaveNoDigestLength() {
    assertFalse(Multicodec.CODEX_BLOCK.isHashCodec());
    assertThrows(IllegalStateException.class, Multicodec.CODEX_BLOCK::digestLength);
  }

  @Test
  void rejectsUnknownCodeNamingItInHex() {
    InvalidCidException e =
        assertThrows(InvalidCidException.class, () -> Multicodec.fromCode(0x70));
    assertTrue(e.getMessage().startsWith("unknown multicodec 0x70"), e.getMessage());
    assertThrows(InvalidCidException.class, () -> Multicodec.fromCode(0xCD07));
  }
}
