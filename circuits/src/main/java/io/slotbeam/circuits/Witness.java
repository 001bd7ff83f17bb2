package io.slotbeam.circuits;

import io.slotbeam.core.field.Fr;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A circom witness over BN254: the values of every wire, wire 0 being the constant 1, then the
 * public outputs, the public inputs and the private wires (circom's order). Immutable.
 *
 * <p>Held as the {@code .wtns} file holds it, {@code LE32} per value (32 bytes, little-endian,
 * canonical), so {@link WitnessFile} writes it without conversion; {@link #get} and {@link #asList}
 * give {@link Fr} elements.
 */
public final class Witness {
  private final byte[] le32; // size * Fr.BYTES, every value below r

  private Witness(byte[] le32) {
    this.le32 = le32;
  }

  /** Wraps values already known to be canonical {@code LE32}; takes ownership, no copy. */
  static Witness wrapTrusted(byte[] le32) {
    if (le32.length % Fr.BYTES != 0) {
      throw new IllegalArgumentException(le32.length + " bytes is not a whole number of values");
    }
    return new Witness(le32);
  }

  /** The witness with these values. */
  public static Witness of(List<Fr> values) {
    byte[] out = new byte[Math.multiplyExact(values.size(), Fr.BYTES)];
    int i = 0;
    for (Fr value : values) {
      Objects.requireNonNull(value, "witness value");
      System.arraycopy(value.toBytes(), 0, out, i * Fr.BYTES, Fr.BYTES);
      i++;
    }
    return new Witness(out);
  }

  /** The number of wires. */
  public int size() {
    return le32.length / Fr.BYTES;
  }

  /** Wire {@code i}. */
  public Fr get(int i) {
    Objects.checkIndex(i, size());
    return Fr.fromBytes(Arrays.copyOfRange(le32, i * Fr.BYTES, (i + 1) * Fr.BYTES));
  }

  /** A read-only list view of the wires; each {@code get} decodes one value. */
  public List<Fr> asList() {
    return new Values();
  }

  /** All wires decoded at once, as an unmodifiable list. */
  public List<Fr> toList() {
    Fr[] out = new Fr[size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = get(i);
    }
    return List.of(out);
  }

  /** A copy of the values as {@code LE32} bytes, back to back (the {@code .wtns} section 2). */
  public byte[] toLe32Bytes() {
    return le32.clone();
  }

  /** Copies the {@code LE32} values into {@code dest} at {@code offset}. */
  void copyLe32(byte[] dest, int offset) {
    System.arraycopy(le32, 0, dest, offset, le32.length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Witness && Arrays.equals(le32, ((Witness) o).le32);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(le32);
  }

  @Override
  public String toString() {
    int n = size();
    StringBuilder s = new StringBuilder("Witness[").append(n).append(" wires");
    for (int i = 0; i < Math.min(n, 4); i++) {
      s.append(i == 0 ? ": " : ", ").append(get(i));
    }
    return s.append(n > 4 ? ", …]" : "]").toString();
  }

  private final class Values extends AbstractList<Fr> implements RandomAccess {
    @Override
    public Fr get(int index) {
      return Witness.this.get(index);
    }

    @Override
    public int size() {
      return Witness.this.size();
    }
  }
}
