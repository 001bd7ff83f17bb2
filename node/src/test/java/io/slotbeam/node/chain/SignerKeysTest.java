package io.slotbeam.node.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;

class SignerKeysTest {
  /** Anvil's public dev account 0 key and its address (dev only). */
  private static final Credentials DEV0 = DevChain.devKey(0);
  private static final String KEY = DEV0.getEcKeyPair().getPrivateKey().toString(16);

  @TempDir Path dir;

  private Path keyFile(String content, String permissions) throws Exception {
    Path file = Files.writeString(dir.resolve("key"), content);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
    return file;
  }

  @Test
  void readsAKeyFileOnlyItsOwnerCanReadAndWrite() throws Exception {
    assertEquals("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266", DEV0.getAddress(),
        "anvil's first account (its documented address)");
    assertEquals(DEV0.getAddress(), SignerKeys.fromFile(keyFile("0x" + KEY + "\n", "rw-------")).getAddress());
    assertEquals(DEV0.getAddress(), SignerKeys.fromFile(keyFile(KEY, "rw-------")).getAddress());
  }

  @Test
  void refusesAKeyFileOthersCanRead() throws Exception {
    for (String permissions : new String[] {"rw-r--r--", "rw-rw----", "r--------", "rwx------"}) {
      Path file = keyFile(KEY, permissions);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SignerKeys.fromFile(file));
      assertEquals("private key file " + file + " has permissions " + permissions
          + "; it must be 0600 (rw-------, owner only): chmod 600 " + file, e.getMessage());
    }
  }

  @Test
  void badKeysAreRefusedWithoutShowingThem() throws Exception {
    String[] bad = {KEY.substring(2), KEY + "00", "0x" + KEY.replace('a', 'g'), "0".repeat(64), ""};
    for (String text : bad) {
      Path file = keyFile(text, "rw-------");
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SignerKeys.fromFile(file));
      assertTrue(e.getMessage().startsWith("private key file " + file + " does not hold a private key"),
          e.getMessage());
      assertFalse(!text.isEmpty() && e.getMessage().contains(text), "the message shows the key: " + e.getMessage());
    }
    Path missing = dir.resolve("absent");
    assertEquals("private key file " + missing + " does not exist",
        assertThrows(IllegalArgumentException.class, () -> SignerKeys.fromFile(missing)).getMessage());
  }

  @Test
  void readsTheKeyFromTheEnvironment() {
    assertEquals(Optional.empty(), SignerKeys.fromEnvironment(Map.of()));
    assertEquals(DEV0.getAddress(), SignerKeys.fromEnvironment(
        Map.of(SignerKeys.ENVIRONMENT_VARIABLE, "0x" + KEY)).orElseThrow().getAddress());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SignerKeys.fromEnvironment(Map.of(SignerKeys.ENVIRONMENT_VARIABLE, KEY + "ff")));
    assertTrue(e.getMessage().startsWith("environment variable SLOTBEAM_ETH_PRIVATE_KEY does not hold"));
    assertFalse(e.getMessage().contains(KEY));
    assertFalse(DEV0.toString().contains(KEY), "web3j's Credentials do not print the key");
  }
}
