package io.slotbeam.pipelines;

import io.slotbeam.core.slots.CellSelector;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The challenges the prove pipeline answers, as the contract's 32-byte {@code ProofChallenge}
 * (whose first 31 bytes are the entropy, {@link CellSelector#entropy}): a fixed one given in hex
 * (batch mode), or one per period derived from a seed until a chain supplies them: {@code
 * SHA-256(seed ‖ period as 8 big-endian bytes)}, so anyone with the seed can recompute it.
 */
final class Challenges {
  private Challenges() {}

  /** A challenge in hex, 64 digits with or without {@code 0x}; the message names a bad one. */
  static byte[] parse(String hex) {
    String digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
    byte[] bytes;
    try {
      bytes = HexFormat.of().parseHex(digits);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("challenge '" + hex + "' is not hexadecimal", e);
    }
    if (bytes.length != CellSelector.CHALLENGE_BYTES) {
      throw new IllegalArgumentException(
          "challenge '" + hex + "' has " + bytes.length + " bytes but must have "
              + CellSelector.CHALLENGE_BYTES + " (" + 2 * CellSelector.CHALLENGE_BYTES + " hex digits)");
    }
    return bytes;
  }

  /** The challenge of period {@code period}: SHA-256 of the seed then the period number. */
  static byte[] ofPeriod(byte[] seed, long period) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(seed);
      sha256.update(ByteBuffer.allocate(Long.BYTES).putLong(period).array());
      return sha256.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  static String hex(byte[] challenge) {
    return HexFormat.of().formatHex(challenge);
  }
}
