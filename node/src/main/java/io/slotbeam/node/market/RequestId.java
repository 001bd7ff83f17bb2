package io.slotbeam.node.market;

import java.nio.ByteBuffer;
import org.web3j.crypto.Hash;

/** A storage request's id: keccak256 of its ABI encoding (spec node §5.2); also a purchase's id. */
public final class RequestId extends Bytes32 {
  public RequestId(byte[] bytes) {
    super(bytes, "request id");
  }

  public static RequestId fromHex(String hex) {
    return new RequestId(parseHex(hex, "request id"));
  }

  /** {@code keccak256(requestId || uint256(slotIndex))} (spec node §5.2). */
  public SlotId slotId(long slotIndex) {
    if (slotIndex < 0) {
      throw new IllegalArgumentException("slot index " + slotIndex + " is negative");
    }
    ByteBuffer words = ByteBuffer.allocate(2 * LENGTH).put(bytes());
    words.putLong(2 * LENGTH - Long.BYTES, slotIndex);
    return new SlotId(Hash.sha3(words.array()));
  }
}
