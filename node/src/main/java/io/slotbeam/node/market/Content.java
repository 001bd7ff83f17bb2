package io.slotbeam.node.market;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * What is stored (contract {@code Content}, spec node §5.1): the verifiable manifest's binary CID
 * and the dataset root as its 32 little-endian bytes.
 */
public record Content(byte[] cid, byte[] merkleRoot) {
  public Content {
    if (cid.length == 0) {
      throw new IllegalArgumentException("content has an empty cid");
    }
    if (merkleRoot.length != Bytes32.LENGTH) {
      throw new IllegalArgumentException(
          "merkle root has " + merkleRoot.length + " bytes, not " + Bytes32.LENGTH);
    }
    cid = cid.clone();
    merkleRoot = merkleRoot.clone();
  }

  @Override
  public byte[] cid() {
    return cid.clone();
  }

  @Override
  public byte[] merkleRoot() {
    return merkleRoot.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Content that
        && Arrays.equals(cid, that.cid) && Arrays.equals(merkleRoot, that.merkleRoot);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(cid) + Arrays.hashCode(merkleRoot);
  }

  @Override
  public String toString() {
    return "Content[cid=" + HexFormat.of().formatHex(cid)
        + ", merkleRoot=" + HexFormat.of().formatHex(merkleRoot) + "]";
  }
}
