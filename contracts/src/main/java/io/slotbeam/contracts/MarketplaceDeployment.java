package io.slotbeam.contracts;

import io.slotbeam.contracts.generated.Groth16Verifier;
import io.slotbeam.contracts.generated.Marketplace;
import io.slotbeam.contracts.generated.Marketplace.CollateralConfig;
import io.slotbeam.contracts.generated.Marketplace.MarketplaceConfig;
import io.slotbeam.contracts.generated.Marketplace.ProofConfig;
import io.slotbeam.contracts.generated.Marketplace.SlotReservationsConfig;
import io.slotbeam.contracts.generated.PaymentToken;
import java.math.BigInteger;
import org.web3j.protocol.Web3j;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;

/**
 * The three contracts of a marketplace on one chain, deployed in the order the Codex ignition
 * module uses (spec node.md §10.1): the payment token, the verifier with the circuit's key, then
 * the marketplace pointing at both.
 */
public record MarketplaceDeployment(String token, String verifier, String marketplace) {
  /**
   * Blocks the chain must have before deploying: challenges read block hashes up to 256 blocks
   * back, so the marketplace's constructor refuses a younger chain (spec node.md §5.5).
   */
  public static final long REQUIRED_HEIGHT = 256;

  /**
   * The configuration Codex deploys to local networks (spec node.md §5.8,
   * codex-contracts-eth {@code configuration/configuration.js}), for the circuit {@code zkeyHash}.
   */
  public static MarketplaceConfig defaultConfiguration(String zkeyHash) {
    return new MarketplaceConfig(
        new CollateralConfig(BigInteger.valueOf(10), BigInteger.valueOf(2), BigInteger.valueOf(20),
            BigInteger.valueOf(20)),
        new ProofConfig(BigInteger.valueOf(120), BigInteger.valueOf(30), BigInteger.valueOf(64),
            BigInteger.valueOf(67), zkeyHash),
        new SlotReservationsConfig(BigInteger.valueOf(3)), BigInteger.valueOf(30L * 24 * 3600));
  }

  /**
   * Deploys token, verifier and marketplace from {@code deployer}; the chain must be at least
   * {@link #REQUIRED_HEIGHT} blocks high.
   */
  public static MarketplaceDeployment deploy(Web3j web3j, TransactionManager deployer,
      ContractGasProvider gas, MarketplaceConfig config, Groth16Verifier.VerifyingKey key)
      throws Exception {
    BigInteger height = web3j.ethBlockNumber().send().getBlockNumber();
    if (height.compareTo(BigInteger.valueOf(REQUIRED_HEIGHT)) < 0) {
      throw new IllegalStateException("chain height " + height + " is below " + REQUIRED_HEIGHT
          + ": the marketplace's challenges read up to " + REQUIRED_HEIGHT
          + " earlier block hashes (mine them first)");
    }
    PaymentToken token = PaymentToken.deploy(web3j, deployer, gas).send();
    Groth16Verifier verifier = Groth16Verifier.deploy(web3j, deployer, gas, key).send();
    Marketplace marketplace = Marketplace.deploy(web3j, deployer, gas, config,
        token.getContractAddress(), verifier.getContractAddress()).send();
    return new MarketplaceDeployment(token.getContractAddress(), verifier.getContractAddress(),
        marketplace.getContractAddress());
  }
}
