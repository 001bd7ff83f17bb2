package io.slotbeam.core.protobuf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProtoReaderTest {
  @Test
  void readsWhatTheWriterWroteIncludingZeros() {
    byte[] bytes =
        new ProtoWriter()
            .varint(1, 0)
            .bytes(2, new byte[] {1, 2})
            .bytes(2, new byte[] {3})
            .string(8, "name")
            .varint(3, 0xCD02)
            .toBytes();
    ProtoReader reader = ProtoReader.parse(bytes);
    assertEquals(0L, reader.varint(1).orElseThrow());
    assertEquals(0xCD02L, reader.varint(3).orElseThrow());
    assertEquals(2, reader.repeatedBytes(2).size());
    assertArrayEquals(new byte[] {3}, reader.bytes(2).orElseThrow());
    assertEquals("name", reader.string(8).orElseThrow());
    assertTrue(reader.varint(9).isEmpty());
  }

  @Test
  void writesVarintFieldsAsTagThenLeb128() {
    assertEquals("20829a03", HexFormat.of().formatHex(new ProtoWriter().varint(4, 0xCD02).toBytes()));
  }

  @Test
  void skipsFixedWidthFields() {
    byte[] bytes = HexFormat.of().parseHex("09" + "00".repeat(8) + "15" + "00".repeat(4) + "0801");
    assertEquals(1L, ProtoReader.parse(bytes).varint(1).orElseThrow());
  }

  @Test
  void rejectsLengthBeyondTheMessage() {
    var error =
        assertThrows(MalformedProtobufException.class, () -> ProtoReader.parse(HexFormat.of().parseHex("0a05aabb")));
    assertEquals("field 1 announces 5 bytes but only 2 remain", error.getMessage());
  }

  @Test
  void rejectsTruncatedVarint() {
    assertThrows(MalformedProtobufException.class, () -> ProtoReader.parse(HexFormat.of().parseHex("08ff")));
  }

  @Test
  void rejectsUnsupportedWireTypeAndFieldZero() {
    assertThrows(MalformedProtobufException.class, () -> ProtoReader.parse(HexFormat.of().parseHex("0b")));
    assertThrows(MalformedProtobufException.class, () -> ProtoReader.parse(HexFormat.of().parseHex("0001")));
  }

  @Test
  void rejectsFieldReadWithTheWrongWireType() {
    ProtoReader reader = ProtoReader.parse(new ProtoWriter().varint(1, 5).toBytes());
    var error = assertThrows(MalformedProtobufException.class, () -> reader.bytes(1));
    assertEquals("field 1 has wire type 0 but 2 was expected", error.getMessage());
    assertEquals(List.of(), ProtoReader.parse(new byte[0]).repeatedBytes(1));
  }
}
