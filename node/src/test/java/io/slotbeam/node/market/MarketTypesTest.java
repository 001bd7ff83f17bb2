package io.slotbeam.node.market;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;

class MarketTypesTest {
  static StorageRequest request(long nonce) {
    byte[] nonceBytes = new byte[32];
    nonceBytes[31] = (byte) nonce;
    Ask ask = new Ask(BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(3), 4, 1024, 1200, 1);
    return new StorageRequest("0x" + "ab".repeat(20), ask,
        new Content("a-cid-of-36-bytes-xxxxxxxxxxxxxxxxxx".getBytes(), new byte[32]), 300,
        nonceBytes);
  }

  @Test
  void askDerivesPricesAndCollateralAsTheContract() {
    Ask ask = request(1).ask();
    assertEquals(BigInteger.valueOf(3 * 1024), ask.collateralPerSlot());
    assertEquals(BigInteger.valueOf(2 * 1024), ask.pricePerSlotPerSecond());
    assertEquals(BigInteger.valueOf(2L * 1024 * 1200), ask.pricePerSlot());
    assertEquals(BigInteger.valueOf(4L * 2 * 1024 * 1200), ask.totalPrice());
  }

  @Test
  void slotIdIsKeccakOfRequestIdAndIndexWord() {
    RequestId id = request(1).id();
    byte[] words = new byte[64];
    System.arraycopy(id.bytes(), 0, words, 0, 32);
    words[63] = 5;
    assertArrayEquals(Hash.sha3(words), id.slotId(5).bytes());
  }

  @Test
  void requestIdDependsOnEveryFieldAndStartsWithTheTupleOffset() {
    assertEquals(request(1).id(), request(1).id());
    assertNotEquals(request(1).id(), request(2).id());
    String encoded = org.web3j.abi.FunctionEncoder.encodeConstructor(
        java.util.List.of(request(1).abiTuple()));
    // offset word 0x20, then 11 head words, content at 0x160 (spec node §5.2)
    assertEquals("20", encoded.substring(62, 64));
    assertEquals(BigInteger.valueOf(0x160), new BigInteger(encoded.substring(9 * 64, 10 * 64), 16));
  }

  @Test
  void idsRoundTripThroughHexAndRejectWrongLengths() {
    RequestId id = request(3).id();
    assertEquals(id, RequestId.fromHex(id.hex()));
    assertTrue(id.hex().startsWith("0x"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RequestId.fromHex("0x" + HexFormat.of().formatHex(new byte[31])));
    assertTrue(e.getMessage().contains("not 32 bytes"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SlotId.fromHex("zz".repeat(32)));
  }

  @Test
  void periodsFollowTheContractsIntegerDivision() {
    Periodicity p = new Periodicity(10);
    assertEquals(12, p.periodOf(129));
    assertEquals(120, p.periodStart(12));
    assertEquals(130, p.periodEnd(12));
  }
}
