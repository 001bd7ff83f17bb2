package io.slotbeam.core.protobuf;

import io.slotbeam.core.cid.InvalidCidException;
import io.slotbeam.core.cid.Varint;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the fields of one protobuf message, parsed and checked up front. Unknown fields are kept
 * and ignored; 64- and 32-bit fields are skipped. A field read with the wrong wire type is an
 * error. Where a field repeats, the single-value getters return the last one (protobuf's rule).
 */
public final class ProtoReader {
  private record Field(int number, int wireType, long varint, byte[] bytes) {}

  private final List<Field> fields;

  private ProtoReader(List<Field> fields) {
    this.fields = fields;
  }

  /** Parses {@code message}; throws {@link MalformedProtobufException} naming the bad offset. */
  public static ProtoReader parse(byte[] message) {
    ByteBuffer in = ByteBuffer.wrap(message);
    List<Field> fields = new ArrayList<>();
    while (in.hasRemaining()) {
      int offset = in.position();
      try {
        long tag = Varint.decode(in);
        int number = (int) (tag >>> 3);
        int wireType = (int) (tag & 7);
        if (number < 1 || (tag >>> 3) > Integer.MAX_VALUE) {
          throw new MalformedProtobufException("field number " + (tag >>> 3) + " at offset " + offset + " is not valid");
        }
        switch (wireType) {
          case ProtoWriter.VARINT -> fields.add(new Field(number, wireType, Varint.decode(in), null));
          case ProtoWriter.LENGTH_DELIMITED -> fields.add(new Field(number, wireType, 0, lengthDelimited(in, number)));
          case ProtoWriter.FIXED64 -> skip(in, 8, number);
          case ProtoWriter.FIXED32 -> skip(in, 4, number);
          default -> throw new MalformedProtobufException(
              "field " + number + " at offset " + offset + " has unsupported wire type " + wireType);
        }
      } catch (InvalidCidException e) {
        throw new MalformedProtobufException(
            "bad varint in protobuf message at offset " + offset + ": " + e.getMessage(), e);
      }
    }
    return new ProtoReader(fields);
  }

  /** The last value of integer field {@code number}, if present. */
  public Optional<Long> varint(int number) {
    Optional<Field> field = last(number);
    field.ifPresent(f -> requireWireType(f, ProtoWriter.VARINT));
    return field.map(Field::varint);
  }

  /** The last value of byte field {@code number}, if present. */
  public Optional<byte[]> bytes(int number) {
    Optional<Field> field = last(number);
    field.ifPresent(f -> requireWireType(f, ProtoWriter.LENGTH_DELIMITED));
    return field.map(f -> f.bytes().clone());
  }

  /** Every value of repeated byte field {@code number}, in order. */
  public List<byte[]> repeatedBytes(int number) {
    List<byte[]> values = new ArrayList<>();
    for (Field field : fields) {
      if (field.number() == number) {
        requireWireType(field, ProtoWriter.LENGTH_DELIMITED);
        values.add(field.bytes().clone());
      }
    }
    return values;
  }

  /** The last value of string field {@code number}, if present. */
  public Optional<String> string(int number) {
    return bytes(number).map(b -> new String(b, StandardCharsets.UTF_8));
  }

  /** The value of integer field {@code number}; its absence is an error naming {@code what}. */
  public long requireVarint(int number, String what) {
    return varint(number)
        .orElseThrow(() -> new MalformedProtobufException(what + " (field " + number + ") is missing"));
  }

  private Optional<Field> last(int number) {
    Field found = null;
    for (Field field : fields) {
      if (field.number() == number) {
        found = field;
      }
    }
    return Optional.ofNullable(found);
  }

  private static void requireWireType(Field field, int expected) {
    if (field.wireType() != expected) {
      throw new MalformedProtobufException(
          "field " + field.number() + " has wire type " + field.wireType() + " but " + expected + " was expected");
    }
  }

  private static byte[] lengthDelimited(ByteBuffer in, int number) {
    long length = Varint.decode(in);
    if (length > in.remaining()) {
      throw new MalformedProtobufException(
          "field " + number + " announces " + length + " bytes but only " + in.remaining() + " remain");
    }
    byte[] value = new byte[(int) length];
    in.get(value);
    return value;
  }

  private static void skip(ByteBuffer in, int count, int number) {
    if (in.remaining() < count) {
      throw new MalformedProtobufException(
          "field " + number + " needs " + count + " bytes but only " + in.remaining() + " remain");
    }
    in.position(in.position() + count);
  }
}
