package io.slotbeam.contracts;

import io.slotbeam.contracts.generated.Marketplace.Ask;
import io.slotbeam.contracts.generated.Marketplace.Content;
import io.slotbeam.contracts.generated.Marketplace.Request;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * Storage requests for tests and the Codex ids computed from the byte layout of spec node.md §5.2,
 * word by word, as a reference independent of web3j's ABI encoder.
 */
final class TestRequests {
  static final BigInteger PRICE_PER_BYTE_PER_SECOND = BigInteger.valueOf(2);
  static final BigInteger COLLATERAL_PER_BYTE = BigInteger.valueOf(3);
  static final long SLOT_SIZE = 1024;
  static final long DURATION = 1200;
  static final long EXPIRY = 300;

  private TestRequests() {}

  /** Two slots, none of which may be lost, a proof every period (proofProbability 1). */
  static Request request(String client, long nonce) {
    return request(client, nonce, 2, 0, 1);
  }

  static Request request(String client, long nonce, long slots, long maxSlotLoss,
      long proofProbability) {
    Ask ask = new Ask(BigInteger.valueOf(proofProbability), PRICE_PER_BYTE_PER_SECOND,
        COLLATERAL_PER_BYTE, BigInteger.valueOf(slots), BigInteger.valueOf(SLOT_SIZE),
        BigInteger.valueOf(DURATION), BigInteger.valueOf(maxSlotLoss));
    // A 36-byte CID (not a multiple of 32, so the padding rule is exercised) and a dataset root
    // whose little-endian value is below the field order (top byte 0x01).
    byte[] cid = ("cid-of-request-" + nonce + "-" + "x".repeat(36)).substring(0, 36)
        .getBytes(StandardCharsets.US_ASCII);
    byte[] root = new byte[32];
    for (int i = 0; i < 31; i++) {
      root[i] = (byte) (nonce * 31 + i * 7);
    }
    root[31] = 0x01;
    return new Request(client, ask, new Content(cid, root), BigInteger.valueOf(EXPIRY),
        Numeric.toBytesPadded(BigInteger.valueOf(nonce), 32));
  }

  static BigInteger pricePerSlotPerSecond(Request request) {
    return request.ask.pricePerBytePerSecond.multiply(request.ask.slotSize);
  }

  static BigInteger collateralPerSlot(Request request) {
    return request.ask.collateralPerByte.multiply(request.ask.slotSize);
  }

  static BigInteger maxPrice(Request request) {
    return request.ask.slots.multiply(request.ask.duration).multiply(pricePerSlotPerSecond(request));
  }

  /** keccak256 of the request's ABI encoding, laid out as spec node.md §5.2 describes it. */
  static byte[] requestId(Request request) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    word(out, BigInteger.valueOf(0x20)); // offset of the request tuple
    word(out, Numeric.toBigInt(request.client));
    word(out, request.ask.proofProbability);
    word(out, request.ask.pricePerBytePerSecond);
    word(out, request.ask.collateralPerByte);
    word(out, request.ask.slots);
    word(out, request.ask.slotSize);
    word(out, request.ask.duration);
    word(out, request.ask.maxSlotLoss);
    word(out, BigInteger.valueOf(0x160)); // offset of content, relative to the tuple
    word(out, request.expiry);
    out.writeBytes(request.nonce);
    word(out, BigInteger.valueOf(0x40)); // offset of cid, relative to content
    out.writeBytes(request.content.merkleRoot);
    byte[] cid = request.content.cid;
    word(out, BigInteger.valueOf(cid.length));
    out.writeBytes(cid);
    out.writeBytes(new byte[(32 - cid.length % 32) % 32]);
    return Hash.sha3(out.toByteArray());
  }

  /** keccak256(requestId ‖ uint256(slotIndex)). */
  static byte[] slotId(byte[] requestId, long slotIndex) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(requestId);
    word(out, BigInteger.valueOf(slotIndex));
    return Hash.sha3(out.toByteArray());
  }

  private static void word(ByteArrayOutputStream out, BigInteger value) {
    out.writeBytes(Numeric.toBytesPadded(value, 32));
  }
}
