package io.slotbeam.core.protobuf;

import io.slotbeam.core.cid.Varint;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes protobuf fields the way nim-libp2p's minprotobuf does (spec datapath §7.2): each call
 * appends {@code varint(field << 3 | wireType)} and the value, in call order, and every field is
 * written even when it is zero (no proto3 default elision). Wire type 0 for integers, 2 for bytes,
 * strings and embedded messages.
 */
public final class ProtoWriter {
  static final int VARINT = 0;
  static final int FIXED64 = 1;
  static final int LENGTH_DELIMITED = 2;
  static final int FIXED32 = 5;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  /** Appends an unsigned integer field. */
  public ProtoWriter varint(int field, long value) {
    tag(field, VARINT);
    Varint.write(value, out);
    return this;
  }

  /** Appends a length-delimited byte field. */
  public ProtoWriter bytes(int field, byte[] value) {
    tag(field, LENGTH_DELIMITED);
    Varint.write(value.length, out);
    out.writeBytes(value);
    return this;
  }

  /** Appends a UTF-8 string field. */
  public ProtoWriter string(int field, String value) {
    return bytes(field, value.getBytes(StandardCharsets.UTF_8));
  }

  /** Appends an embedded message as a length-delimited field. */
  public ProtoWriter message(int field, ProtoWriter message) {
    return bytes(field, message.toBytes());
  }

  public byte[] toBytes() {
    return out.toByteArray();
  }

  private void tag(int field, int wireType) {
    if (field < 1) {
      throw new IllegalArgumentException("protobuf field number " + field + " must be at least 1");
    }
    Varint.write(((long) field << 3) | wireType, out);
  }
}
