package io.slotbeam.core.manifest;

import io.slotbeam.core.cid.Cid;
import java.util.HexFormat;
import java.util.List;

/**
 * The manifests of spec datapath §8: a 132,072-byte upload (byte i = i mod 251), K = 2, M = 1,
 * 3 slots. Every CID and hex string here is copied from the spec.
 */
final class WorkedExample {
  static final long FILE_SIZE = 132_072;
  static final int BLOCK_SIZE = 65_536;
  static final long PROTECTED_SIZE = 393_216;
  static final int K = 2;
  static final int M = 1;

  static final Cid PLAIN_TREE = Cid.parse("zDzSvJTf5E1aE445jwefxoK8bjAnsiyoQp4FA6tL5KEepLEybu9b");
  static final Cid PROTECTED_TREE =
      Cid.parse("zDzSvJTf9c8aYWUkM2tk7FT1R1Z6kqjqMQCDXurLCZwXzHikMveJ");
  static final Cid VERIFY_ROOT = Cid.parse("zE4LQeWxMM1nc2rGfpsrhrrxbyMsQ71LoYuY4t6b9HLCdmfnrn8A");
  static final List<Cid> SLOT_ROOTS =
      List.of(
          Cid.parse("zE2PfUHWRGrRGPn5LjkwPA1UtTbdHi1c5JQSkNYEP4V7fprCYiBR"),
          Cid.parse("zE2PfUHWDTAwaK4GvF5iQchFd1gmQRiTghNDbCjrYnk6Pi4Pw6sN"),
          Cid.parse("zE2PfUHWK5k43Ugz4jdD6JiT8w5LunTUN7fpCZxGyhkQgje6DEc9"));

  static final String PLAIN_HEX =
      "0a380a2601839a031220479f8581f9fb093eef5176dec2fb968dc1c21cb9dbef3d11ce9a25488218"
          + "0e721080800418e8870820829a0328123002";
  static final Cid PLAIN_CID = Cid.parse("zDvZRwzmAh1vuhtYihUxtE3QzRdaKQPpvX974i4sNpRGLeZtH9gV");

  static final String PROTECTED_HEX =
      "0a6c0a2601839a03122088b8f7d88ddc7a5e3c1738b6411e8813ab80046ee5b586e37b4e5816222e"
          + "f0d7108080041880801820829a03281230023a32080210011a2601839a031220479f8581f9fb093e"
          + "ef5176dec2fb968dc1c21cb9dbef3d11ce9a254882180e7220e887082801";
  static final Cid PROTECTED_CID =
      Cid.parse("zDvZRwzm4Sdws42DEEr9wYVda57V5nStdeb5gEQWdXjfEjoGMqwj");

  static final String VERIFIABLE_HEX =
      "0a95020a2601839a03122088b8f7d88ddc7a5e3c1738b6411e8813ab80046ee5b586e37b4e581622"
          + "2ef0d7108080041880801820829a03281230023ada01080210011a2601839a031220479f8581f9fb"
          + "093eef5176dec2fb968dc1c21cb9dbef3d11ce9a254882180e7220e88708280132a5010a2601859a"
          + "030020891e65914e53e5d334a7f9f3c25cef4283235b1585249b171351ed9ebe2e1a2b122601849a"
          + "030020df0146edb1e318d09e0d05f7cdee8f1895dcc14a1908d2a173a77fc17fdeda08122601849a"
          + "0300202f59c91b55362c95a2b52a540ca5c055ff1f8710291118f1e9ea0d7c1f95b80d122601849a"
          + "030020830291931e6f8f6fe71ebdd77202f04830b5bdead9fa4de2907d23bba167f31a1880102000";
  static final Cid VERIFIABLE_CID =
      Cid.parse("zDvZRwzky136jJX797oz5LgmX8YVxYuisRoLCuXqUZRowePcXkX2");

  private WorkedExample() {}

  static Manifest plain() {
    return Manifest.plain(PLAIN_TREE, FILE_SIZE, BLOCK_SIZE);
  }

  static Manifest protectedManifest() {
    return plain().protect(K, M, PROTECTED_TREE);
  }

  static Manifest verifiable() {
    return protectedManifest().withVerification(VerificationInfo.of(VERIFY_ROOT, SLOT_ROOTS));
  }


  static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex);
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
