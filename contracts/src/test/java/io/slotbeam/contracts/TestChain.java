package io.slotbeam.contracts;

import io.slotbeam.contracts.generated.Groth16Verifier;
import io.slotbeam.contracts.generated.Groth16Verifier.VerifyingKey;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.tx.gas.StaticGasProvider;

/**
 * An anvil chain for one test class, with its unlocked accounts and a fixed gas limit: {@code
 * eth_estimateGas} underestimates calls that use the pairing precompile (TOOLCHAIN.md §5).
 */
final class TestChain implements AutoCloseable {
  static final ContractGasProvider GAS =
      new StaticGasProvider(BigInteger.valueOf(10_000_000_000L), BigInteger.valueOf(8_000_000));

  final AnvilProcess anvil;
  final List<String> accounts;

  private TestChain(AnvilProcess anvil) throws IOException {
    this.anvil = anvil;
    this.accounts = anvil.accounts();
  }

  static TestChain start() throws IOException {
    String root = System.getProperty("slotbeam.root", ".");
    return new TestChain(AnvilProcess.start(Path.of(root)));
  }

  TransactionManager as(int account) {
    return anvil.transactionManager(accounts.get(account));
  }

  /** Mines up to the height a marketplace deployment needs. */
  void mineToDeploymentHeight() throws IOException {
    long height = anvil.web3j().ethBlockNumber().send().getBlockNumber().longValueExact();
    if (height < MarketplaceDeployment.REQUIRED_HEIGHT) {
      anvil.mine(MarketplaceDeployment.REQUIRED_HEIGHT - height);
    }
  }

  Groth16Verifier deployVerifier(VerifyingKey key) throws Exception {
    return Groth16Verifier.deploy(anvil.web3j(), as(0), GAS, key).send();
  }

  @Override
  public void close() {
    anvil.close();
  }
}
