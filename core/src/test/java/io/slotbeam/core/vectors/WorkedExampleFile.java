package io.slotbeam.core.vectors;

/**
 * The input of the spec's worked example (spec datapath §8): 132,072 bytes ({@code 2·65536 +
 * 1000}), byte {@code i} = {@code i mod 251}. Its CIDs and roots are in the spec.
 */
public final class WorkedExampleFile {
  public static final int SIZE = 2 * 65536 + 1000;

  private WorkedExampleFile() {}

  public static byte[] bytes() {
    byte[] file = new byte[SIZE];
    for (int i = 0; i < file.length; i++) {
      file[i] = (byte) (i % 251);
    }
    return file;
  }
}
