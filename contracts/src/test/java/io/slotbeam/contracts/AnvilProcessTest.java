package io.slotbeam.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnvilProcessTest {
  @Test
  void startsAnsweringAndStopsOnClose() throws Exception {
    AnvilProcess anvil = AnvilProcess.start(Path.of(System.getProperty("slotbeam.root", ".")));
    try {
      assertEquals(BigInteger.valueOf(31337), anvil.web3j().ethChainId().send().getChainId());
      assertTrue(anvil.rpcUrl().startsWith("http://127.0.0.1:"), anvil.rpcUrl());
      assertEquals(10, anvil.accounts().size());
      anvil.mine(5);
      assertEquals(BigInteger.valueOf(5), anvil.web3j().ethBlockNumber().send().getBlockNumber());
    } finally {
      anvil.close();
    }
    AnvilProcess stopped = anvil;
    assertThrows(IOException.class, () -> org.web3j.protocol.Web3j.build(
        new org.web3j.protocol.http.HttpService(stopped.rpcUrl())).ethChainId().send());
  }

  @Test
  void namesWhereItLookedForAMissingBinary(@TempDir Path empty) {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> AnvilProcess.findBinary(empty));
    assertTrue(e.getMessage().contains(empty.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("npm ci"), e.getMessage());
  }
}
