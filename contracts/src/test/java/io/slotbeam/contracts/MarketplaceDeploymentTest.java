package io.slotbeam.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotbeam.contracts.generated.Marketplace;
import io.slotbeam.contracts.generated.Marketplace.MarketplaceConfig;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class MarketplaceDeploymentTest {
  @Test
  void deploysWithTheCodexDefaultConfigurationOnceTheChainIsHighEnough() throws Exception {
    try (TestChain chain = TestChain.start()) {
      MarketplaceConfig config = MarketplaceDeployment.defaultConfiguration("65dfa139");
      var key = new TestProofs(chain.anvil.web3j(), chain.accounts.get(0)).key();
      IllegalStateException young = assertThrows(IllegalStateException.class,
          () -> MarketplaceDeployment.deploy(chain.anvil.web3j(), chain.as(0), TestChain.GAS,
              config, key));
      assertTrue(young.getMessage().contains("chain height 0 is below 256"), young.getMessage());

      chain.mineToDeploymentHeight();
      MarketplaceDeployment deployment = MarketplaceDeployment.deploy(chain.anvil.web3j(),
          chain.as(0), TestChain.GAS, config, key);

      Marketplace market = Marketplace.load(deployment.marketplace(), chain.anvil.web3j(),
          chain.as(0), TestChain.GAS);
      assertEquals(deployment.token(), market.token().send());
      MarketplaceConfig read = market.configuration().send();
      // spec node.md §5.8, configuration/configuration.js
      assertEquals(BigInteger.valueOf(10), read.collateral.repairRewardPercentage);
      assertEquals(BigInteger.valueOf(2), read.collateral.maxNumberOfSlashes);
      assertEquals(BigInteger.valueOf(20), read.collateral.slashPercentage);
      assertEquals(BigInteger.valueOf(20), read.collateral.validatorRewardPercentage);
      assertEquals(BigInteger.valueOf(120), read.proofs.period);
      assertEquals(BigInteger.valueOf(30), read.proofs.timeout);
      assertEquals(BigInteger.valueOf(64), read.proofs.downtime);
      assertEquals(BigInteger.valueOf(67), read.proofs.downtimeProduct);
      assertEquals("65dfa139", read.proofs.zkeyHash);
      assertEquals(BigInteger.valueOf(3), read.reservations.maxReservations);
      assertEquals(BigInteger.valueOf(2_592_000), read.requestDurationLimit);
    }
  }
}
