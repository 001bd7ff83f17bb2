package io.slotbeam.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/** The anvil launcher: it starts the pinned binary, answers JSON-RPC, and is gone after close. */
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
    Web3j afterClose = Web3j.build(new HttpService(anvil.rpcUrl()));
    assertThrows(IOException.class, () -> afterClose.ethChainId().send(), "nothing listens any more");
    afterClose.shutdown();
  }

  @Test
  void namesWhereItLookedForAMissingBinary(@TempDir Path empty) {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> AnvilProcess.findBinary(empty));
    assertTrue(e.getMessage().contains(empty.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("npm ci"), e.getMessage());
  }
}
