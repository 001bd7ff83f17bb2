package io.slotbeam.core.erasure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The encoder against the vectors of spec datapath Appendix C, on every kernel. */
class LeopardEncoderTest {

  static Stream<LeopardEncoder> encoders() {
    return Shards.everyEncoder();
  }

  /** Appendix C: the first bytes (or all of them) of parity j, as hex. */
  private static void assertParity(
      LeopardEncoder encoder, int k, int m, int bytes, int j, String expectedHex) {
    byte[][] parity = encoder.encode(Shards.appendixC(k, bytes), m);
    assertEquals(m, parity.length);
    String actual = Shards.hex(parity[j]).substring(0, expectedHex.length());
    assertEquals(
        expectedHex, actual, "K=" + k + " M=" + m + " parity " + j + " on " + encoder.kernelName());
  }

  private static void assertParities(
      LeopardEncoder encoder, int k, int m, int bytes, String... expectedHex) {
    byte[][] parity = encoder.encode(Shards.appendixC(k, bytes), m);
    for (int j = 0; j < expectedHex.length; j++) {
      String actual = Shards.hex(parity[j]).substring(0, expectedHex[j].length());
      assertEquals(
          expectedHex[j],
          actual,
          "K=" + k + " M=" + m + " parity " + j + " on " + encoder.kernelName());
    }
  }

  @ParameterizedTest
  @MethodSource("encoders")
  void xorsTwoDataBuffersIntoOneParity(LeopardEncoder encoder) {
    assertParities(
        encoder,
        2,
        1,
        64,
        "212f212321676163611f21232127e1e3e1efe12321272163617f616321272123"
            + "e1efe1e3e1272123211f616361672123212f21e3e1e7e123213f212361676163");
  }

  @ParameterizedTest
  @MethodSource("encoders")
  void matchesLeopardForThreeDataTwoParity(LeopardEncoder encoder) {
    assertParities(
        encoder,
        3,
        2,
        64,
        "e414115c5011115c5b9ecdc98c821c180f55502e2265652e29106662fef0b9bd"
            + "f327226f6317175a5d701410555bcbcfd882871d115656282f16606427296064",
        "fa7d7d2b2a14194f4dff69663e3f5c53410c0cc9c8909dadaf81f2fddcdd8986"
            + "0deeeeb8b9727f292b31101f47466b64763b3b5a5b030ecbc9e7949ba5a4f0ff");
  }

  @ParameterizedTest
  @MethodSource("encoders")
  void matchesLeopardForFourDataFourParity(LeopardEncoder encoder) {
    assertParities(
        encoder,
        4,
        4,
        64,
        "d81f190c01f3f27ee77d808598950100",
        "51373825204f42e15702a1acb9b83135",
        "6a5f5b4647d7da2bc362424f5e5ba9a6",
        "a37b7a6b66efea28f3e163627f72191f");
  }

  @ParameterizedTest
  @MethodSource("encoders")
  void matchesLeopardWhenTheLastDataChunkIsPartial(LeopardEncoder encoder) {
    assertParities(
        encoder,
        5,
        3,
        64,
        "883938cfca9591116ef85158a3a2339f",
        "fea8a40c071c1bbab5e2e2ed4142c1b1",
        "f4262cefe1f4f00b3893282fe5ea119b");
  }

  @ParameterizedTest
  @MethodSource("encoders")
  void matchesLeopardWhenTheParityPowerOfTwoExceedsK(LeopardEncoder encoder) {
    assertParities(
        encoder,
        3,
        3,
        64,
        "379a911c1cb9b53831a93131bcb33c3c",
        "38262b8285d6d9707328fff1515e757b",
        "7fe3eb1f12f0f1050fa62b21d2df7278");
  }

  @ParameterizedTest
  @MethodSource("encoders")
  void matchesLeopardForSevenDataSevenParityOf128Bytes(LeopardEncoder encoder) {
    assertParities(
        encoder,
        7,
        7,
        128,
        "767d79a3aeb4efb631ebf6f8782e25db",
        "349494dcd27ae359a8ec2223a06eff20",
        "d0111f454e90eda1b1dbe1e24ebd306e",
        "f6b6b2525c7a6bf981be010fa6e2a2bd",
        "b69d99e8e9786a89123b93916eecf8c4",
        "4a212ebcb94d6e19f375fdf209644fb9",
        "7e3c335a5c146f0508f1717bb915c50d");
  }

  @ParameterizedTest
  @MethodSource("encoders")
  void matchesLeopardForTenDataFiveParity(LeopardEncoder encoder) {
    assertParities(
        encoder,
        10,
        5,
        64,
        "84376dfc993c5845aae5dcfa38fb4390",
        "f7f60d0bf9e7e01f12c84e905897b38d",
        "91a5b52619dadc5a7e9bcb026474efb2",
        "cf385e71f2c64b1ce95ff6e28f90c532",
        "2305af8c66b347f8889efac063124f28");
  }

  @ParameterizedTest
  @MethodSource("encoders")
  void matchesLeopardAtTheLargestFf8Size(LeopardEncoder encoder) {
    assertParities(
        encoder,
        130,
        2,
        64,
        "372821c12bae012e671c696363b0985d",
        "168700620a4960cd068348c04217793e");
  }

  @ParameterizedTest
  @MethodSource("encoders")
  void matchesLeopardInGf65536ForTwoHundredDataOneHundredParity(LeopardEncoder encoder) {
    assertParities(
        encoder,
        200,
        100,
        64,
        "97253b2dbb867fcdb8b6e0227f31f2cb",
        "3172fb4821c2f34b7ce87bf5b7ca564f",
        "15ad47054d94b9b8852175cfe8cb4ae0",
        "ec47ef880838d604d961103d0aca1dcb",
        "75e5638d1e08609b4d97b83f83ad6b19",
        "3256a30a53578d4c4854235322f5a7e4");
    assertParity(encoder, 200, 100, 64, 99, "40c073cef9d159d3b642bba1f1411906");
  }

  @ParameterizedTest
  @MethodSource("encoders")
  void copiesTheOnlyDataBufferIntoEveryParity(LeopardEncoder encoder) {
    byte[][] data = Shards.random(1, 128, 1);
    for (byte[] parity : encoder.encode(data, 1)) {
      assertArrayEquals(data[0], parity);
    }
  }

  @Test
  void producesNoParityWhenMIsZero() {
    assertEquals(0, LeopardEncoder.fastest().encode(Shards.random(3, 64, 2), 0).length);
  }

  static Stream<Arguments> shapes() {
    return Stream.of(
        Arguments.of(2, 2, 64),
        Arguments.of(10, 4, 64 * 1024),
        Arguments.of(10, 5, 64 * 200),
        Arguments.of(32, 16, 64 * 300),
        Arguments.of(17, 9, 64 * 129),
        Arguments.of(100, 60, 64 * 3),
        Arguments.of(300, 40, 64 * 70));
  }

  @ParameterizedTest
  @MethodSource("shapes")
  void vectorKernelWritesTheSameBytesAsTheScalarOne(int k, int m, int bytes) {
    byte[][] data = Shards.random(k, bytes, k * 31L + m);
    byte[][] expected = LeopardEncoder.scalar().encode(data, m);
    Shards.everyEncoder()
        .forEach(
            encoder -> {
              byte[][] actual = encoder.encode(data, m);
              for (int j = 0; j < m; j++) {
                assertArrayEquals(expected[j], actual[j], encoder.kernelName() + " parity " + j);
              }
            });
  }

  @Test
  void writesIntoCallerBuffersTheSameParityAsItAllocates() {
    byte[][] data = Shards.random(12, 64 * 40, 3);
    byte[][] parity = new byte[6][64 * 40];
    for (byte[] p : parity) {
      Arrays.fill(p, (byte) 0x5A); // stale contents must be overwritten
    }
    LeopardEncoder.fastest().encode(data, parity);
    byte[][] expected = LeopardEncoder.fastest().encode(data, 6);
    for (int j = 0; j < 6; j++) {
      assertArrayEquals(expected[j], parity[j], "parity " + j);
    }
  }

  @Test
  void rejectsDataBuffersOfDifferentLengths() {
    byte[][] data = {new byte[64], new byte[128]};
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> LeopardEncoder.fastest().encode(data, 1));
    assertEquals("data buffer 1 has 128 bytes, buffer 0 has 64", e.getMessage());
  }

  @Test
  void rejectsParityBuffersOfTheWrongLength() {
    byte[][] data = {new byte[64], new byte[64]};
    byte[][] parity = {new byte[64], new byte[32]};
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> LeopardEncoder.fastest().encode(data, parity));
    assertEquals("parity buffer 1 has 32 bytes, expected 64", e.getMessage());
  }

  @Test
  void rejectsMoreParityThanData() {
    assertThrows(
        InvalidErasureParamsException.class,
        () -> LeopardEncoder.fastest().encode(Shards.random(2, 64, 4), 3));
  }
}
