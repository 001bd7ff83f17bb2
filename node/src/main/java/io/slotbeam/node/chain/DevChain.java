package io.slotbeam.node.chain;

import io.slotbeam.contracts.AnvilProcess;
import io.slotbeam.contracts.MarketplaceDeployment;
import io.slotbeam.contracts.generated.Groth16Verifier;
import io.slotbeam.contracts.generated.Marketplace.CollateralConfig;
import io.slotbeam.contracts.generated.Marketplace.MarketplaceConfig;
import io.slotbeam.contracts.generated.Marketplace.ProofConfig;
import io.slotbeam.contracts.generated.Marketplace.SlotReservationsConfig;
import io.slotbeam.contracts.generated.PaymentToken;
import io.slotbeam.core.groth16.VerificationKey;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.MnemonicUtils;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.tx.gas.StaticGasProvider;

/**
 * A local development chain: anvil from the repository's {@code node_modules} on a free loopback
 * port, mined to the height the marketplace needs, with the payment token, a verifier for the
 * given key and the marketplace deployed, and tokens minted to the first {@link #FUNDED_ACCOUNTS}
 * accounts (as the Codex ignition module does on local networks, spec node §10.1). {@link #close}
 * stops anvil.
 */
public final class DevChain implements AutoCloseable {
  /**
   * Anvil's (and hardhat's) public test mnemonic: anyone can derive these keys, so they are for
   * local development chains only, never for a chain holding value.
   */
  private static final String DEV_MNEMONIC = "test test test test test test test test test test test junk";
  /** Accounts that get tokens (anvil funds 10 with ether). */
  public static final int FUNDED_ACCOUNTS = 10;
  /** Tokens minted to each, 10^15 as the Codex ignition module mints (spec node §5.7). */
  public static final BigInteger FUNDS = BigInteger.TEN.pow(15);
  /** A fixed gas limit for the deployment: estimates undershoot the verifier (TOOLCHAIN.md §5). */
  private static final ContractGasProvider DEPLOY_GAS =
      new StaticGasProvider(BigInteger.valueOf(10_000_000_000L), BigInteger.valueOf(8_000_000));

  private final AnvilProcess anvil;
  private MarketplaceDeployment deployment;

  private DevChain(AnvilProcess anvil) {
    this.anvil = anvil;
  }

  /**
   * The development configuration: Codex's defaults (spec node §5.8) with the contract unit
   * tests' short proof periods (period 10 s, timeout 5 s, downtime 64 blocks, downtime product
   * 67), so a dev node's slots need proofs every few seconds.
   */
  public static MarketplaceConfig devConfiguration(String zkeyHash) {
    return configuration(10, 5, 64, zkeyHash);
  }

  /** Codex's defaults with these proof period, timeout and downtime (downtime product 67). */
  public static MarketplaceConfig configuration(long period, long timeout, int downtime, String zkeyHash) {
    MarketplaceConfig codex = MarketplaceDeployment.defaultConfiguration(zkeyHash);
    return new MarketplaceConfig(
        new CollateralConfig(codex.collateral.repairRewardPercentage,
            codex.collateral.maxNumberOfSlashes, codex.collateral.slashPercentage,
            codex.collateral.validatorRewardPercentage),
        new ProofConfig(BigInteger.valueOf(period), BigInteger.valueOf(timeout),
            BigInteger.valueOf(downtime), codex.proofs.downtimeProduct, zkeyHash),
        new SlotReservationsConfig(codex.reservations.maxReservations), codex.requestDurationLimit);
  }

  /**
   * The chain of {@code slotbeam node --dev}: {@link #devConfiguration} and a verifier for the
   * circuit's key {@code key} (the small circuit's dev setup); {@code zkeyHash} names that setup in
   * the configuration.
   */
  public static DevChain startDev(Path repoRoot, VerificationKey key, String zkeyHash) throws Exception {
    return start(repoRoot, devConfiguration(zkeyHash), ContractTypes.verifyingKey(key));
  }

  /**
   * Starts anvil from the {@code node_modules} at or above {@code repoRoot}, mines 256 blocks and
   * deploys the marketplace with {@code config} and a verifier for {@code key}.
   */
  public static DevChain start(Path repoRoot, MarketplaceConfig config, Groth16Verifier.VerifyingKey key)
      throws Exception {
    DevChain chain = launch(repoRoot);
    try {
      chain.deploy(config, key);
      return chain;
    } catch (Exception e) {
      chain.close();
      throw e;
    }
  }

  /**
   * Starts anvil and mines the 256 blocks a deployment needs, without deploying: for a caller that
   * needs the chain to make the verifier's key (tests do, with the chain's own precompiles).
   */
  public static DevChain launch(Path repoRoot) throws IOException {
    AnvilProcess anvil = AnvilProcess.start(repoRoot);
    try {
      long height = anvil.web3j().ethBlockNumber().send().getBlockNumber().longValueExact();
      if (height < MarketplaceDeployment.REQUIRED_HEIGHT) {
        anvil.mine(MarketplaceDeployment.REQUIRED_HEIGHT - height);
      }
      return new DevChain(anvil);
    } catch (IOException | RuntimeException e) {
      anvil.close();
      throw e;
    }
  }

  /** Deploys token, verifier and marketplace from dev account 0 and funds the dev accounts. */
  public MarketplaceDeployment deploy(MarketplaceConfig config, Groth16Verifier.VerifyingKey key)
      throws Exception {
    if (deployment != null) {
      throw new IllegalStateException("this dev chain already has a marketplace at " + deployment.marketplace());
    }
    List<String> accounts = anvil.accounts();
    MarketplaceDeployment deployed = MarketplaceDeployment.deploy(anvil.web3j(),
        anvil.transactionManager(accounts.get(0)), DEPLOY_GAS, config, key);
    PaymentToken token = PaymentToken.load(deployed.token(), anvil.web3j(),
        anvil.transactionManager(accounts.get(0)), DEPLOY_GAS);
    for (String account : accounts.subList(0, Math.min(FUNDED_ACCOUNTS, accounts.size()))) {
      token.mint(account, FUNDS).send();
    }
    deployment = deployed;
    return deployed;
  }

  /**
   * The key of anvil's dev account {@code index} (BIP-44 path m/44'/60'/0'/0/index of the public
   * test mnemonic): dev chains only.
   */
  public static Credentials devKey(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("dev account index " + index + " is negative");
    }
    Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(MnemonicUtils.generateSeed(DEV_MNEMONIC, ""));
    int hardened = Bip32ECKeyPair.HARDENED_BIT;
    return Credentials.create(Bip32ECKeyPair.deriveKeyPair(master,
        new int[] {44 | hardened, 60 | hardened, hardened, 0, index}));
  }

  public String rpcUrl() {
    return anvil.rpcUrl();
  }

  /** The deployed contracts; fails before {@link #deploy}. */
  public MarketplaceDeployment deployment() {
    if (deployment == null) {
      throw new IllegalStateException("no marketplace deployed on the dev chain at " + rpcUrl() + " yet");
    }
    return deployment;
  }

  /** The anvil process, for time travel in tests ({@code evm_increaseTime}, {@code anvil_mine}). */
  public AnvilProcess anvil() {
    return anvil;
  }

  /** The marketplace signing with dev account {@code index}. */
  public OnChainMarket market(int index, OnChainMarket.Options options) {
    return OnChainMarket.connect(rpcUrl(), deployment().marketplace(), devKey(index), options);
  }

  @Override
  public void close() {
    anvil.close();
  }
}
