package io.slotbeam.pipelines;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import org.apache.beam.sdk.coders.AtomicCoder;

/**
 * A deterministic coder for one of the pipeline's small records, written field by field with
 * {@link DataOutputStream}: the same value always gives the same bytes, so records can be keys.
 */
final class RecordCoder<T> extends AtomicCoder<T> {
  /** Writes the fields of a value. */
  interface Writer<T> extends Serializable {
    void write(T value, DataOutputStream out) throws IOException;
  }

  /** Reads what {@link Writer} wrote. */
  interface Reader<T> extends Serializable {
    T read(DataInputStream in) throws IOException;
  }

  private final Writer<T> writer;
  private final Reader<T> reader;

  private RecordCoder(Writer<T> writer, Reader<T> reader) {
    this.writer = writer;
    this.reader = reader;
  }

  static <T> RecordCoder<T> of(Writer<T> writer, Reader<T> reader) {
    return new RecordCoder<>(writer, reader);
  }

  /** Records compare by value, and equal values encode to equal bytes. */
  @Override
  public boolean consistentWithEquals() {
    return true;
  }

  @Override
  public void encode(T value, OutputStream out) throws IOException {
    DataOutputStream data = new DataOutputStream(out);
    writer.write(value, data);
    data.flush();
  }

  @Override
  public T decode(InputStream in) throws IOException {
    return reader.read(new DataInputStream(in));
  }

  /** Writes a length-prefixed byte array. */
  static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  /** Reads what {@link #writeBytes} wrote. */
  static byte[] readBytes(DataInputStream in) throws IOException {
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    return bytes;
  }
}
