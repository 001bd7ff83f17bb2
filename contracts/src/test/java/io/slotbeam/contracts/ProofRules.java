package io.slotbeam.contracts;

import java.math.BigInteger;
import java.util.Arrays;
import org.web3j.crypto.Hash;

/**
 * The marketplace's period, pointer, challenge and public-input rules written out in Java from
 * spec node.md §5.5–5.6 and datapath.md §11.3, as the reference the contract is tested against.
 */
final class ProofRules {
  private ProofRules() {}

  static long period(long timestamp, long periodSeconds) {
    return timestamp / periodSeconds;
  }

  /** (block.number % 256 + (period·downtimeProduct) % 256 + uint256(slotId) % 256) % 256. */
  static int pointer(long blockNumber, long period, long downtimeProduct, byte[] slotId) {
    long slotPart = slotId[31] & 0xff; // uint256(slotId) % 256 is the last byte
    return (int) ((blockNumber % 256 + (period * downtimeProduct) % 256 + slotPart) % 256);
  }

  /** The block the challenge hashes: block.number − 1 − pointer. */
  static long challengeBlock(long blockNumber, int pointer) {
    return blockNumber - 1 - pointer;
  }

  /** keccak256(abi.encode(blockhash)); abi.encode of a bytes32 is the 32 bytes themselves. */
  static byte[] challenge(byte[] blockHash) {
    return Hash.sha3(blockHash);
  }

  /** The first 31 bytes of the challenge, read little-endian. */
  static BigInteger challengeToField(byte[] challenge) {
    return littleEndian(Arrays.copyOf(challenge, 31));
  }

  /** All 32 bytes of the dataset root, read little-endian. */
  static BigInteger rootToField(byte[] merkleRoot) {
    return littleEndian(merkleRoot);
  }

  private static BigInteger littleEndian(byte[] bytes) {
    byte[] bigEndian = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      bigEndian[i] = bytes[bytes.length - 1 - i];
    }
    return new BigInteger(1, bigEndian);
  }
}
