package io.slotbeam.core.cid;

import java.math.BigInteger;

/**
 * Base58 with the Bitcoin alphabet, as used by multibase {@code base58btc} (spec datapath §1.3).
 *
 * <p>The bytes are read as one big-endian unsigned number written in base 58; each leading zero
 * byte becomes one leading {@code '1'} and vice versa. The empty array encodes as the empty string.
 * Uses {@link BigInteger} for clarity; CIDs are about 40 bytes.
 */
public final class Base58 {
  private static final String ALPHABET =
      "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final BigInteger BASE = BigInteger.valueOf(58);

  private Base58() {}

  /** Base58 text of {@code bytes}. */
  public static String encode(byte[] bytes) {
    int zeros = 0;
    while (zeros < bytes.length && bytes[zeros] == 0) {
      zeros++;
    }
    StringBuilder reversed = new StringBuilder();
    BigInteger n = new BigInteger(1, bytes);
    while (n.signum() > 0) {
      BigInteger[] quotientAndRemainder = n.divideAndRemainder(BASE);
      reversed.append(ALPHABET.charAt(quotientAndRemainder[1].intValue()));
      n = quotientAndRemainder[0];
    }
    return "1".repeat(zeros) + reversed.reverse();
  }

  /**
   * The bytes of base58 {@code text}.
   *
   * @throws InvalidCidException naming the first character outside the Bitcoin alphabet and its
   *     position
   */
  public static byte[] decode(String text) {
    BigInteger n = BigInteger.ZERO;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int digit = ALPHABET.indexOf(c);
      if (digit < 0) {
        throw new InvalidCidException(
            "invalid base58 character '" + c + "' at position " + i
                + ": only the Bitcoin alphabet (no 0, O, I, l) is allowed");
      }
      n = n.multiply(BASE).add(BigInteger.valueOf(digit));
    }
    int zeros = 0;
    while (zeros < text.length() && text.charAt(zeros) == '1') {
      zeros++;
    }
    byte[] magnitude = n.signum() == 0 ? new byte[0] : n.toByteArray();
    // toByteArray() may add a 0x00 sign byte in front; it is not part of the value.
    int skip = magnitude.length > 0 && magnitude[0] == 0 ? 1 : 0;
    byte[] out = new byte[zeros + magnitude.length - skip];
    System.arraycopy(magnitude, skip, out, zeros, magnitude.length - skip);
    return out;
  }
}
