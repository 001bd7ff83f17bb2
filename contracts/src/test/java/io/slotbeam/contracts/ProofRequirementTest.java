package io.slotbeam.contracts;

import static io.slotbeam.contracts.MarketFixture.CLIENT;
import static io.slotbeam.contracts.MarketFixture.HOST;
import static io.slotbeam.contracts.MarketFixture.VALIDATOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotbeam.contracts.generated.Marketplace;
import io.slotbeam.contracts.generated.Marketplace.Request;
import java.math.BigInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * When a proof is required (spec node.md §5.5), against {@link ProofRules}: with a downtime of 128
 * blocks, the pointer decides between "required" and "will be required", and the proof
 * probability selects periods by the challenge.
 */
class ProofRequirementTest {
  private static final int DOWNTIME = 128;

  private static TestChain chain;
  private static MarketFixture f;

  @BeforeAll
  static void deploy() throws Exception {
    chain = TestChain.start();
    f = MarketFixture.deploy(chain, MarketFixture.config(DOWNTIME));
  }

  @AfterAll
  static void stopChain() {
    if (chain != null) {
      chain.close();
    }
  }

  /** Fills slot 0 of a one-slot request and moves to the next period. */
  private static byte[] filledSlot(long nonce, long proofProbability) throws Exception {
    Request request = TestRequests.request(f.address(CLIENT), nonce, 1, 0, proofProbability);
    f.requestStorage(request);
    // the fill needs a proof whenever the pointer is out of the downtime or not: fillSlot
    // verifies the proof it is given regardless of the requirement
    f.fill(request, 0, HOST);
    f.startNextPeriod(1);
    return TestRequests.slotId(TestRequests.requestId(request), 0);
  }

  @Test
  void aDueProofIsRequiredOnlyOnceThePointerLeavesTheDowntime() throws Exception {
    byte[] slot = filledSlot(1, 1);
    Marketplace market = f.market(HOST);
    // proofProbability 1 · (256 − 128) / 256 = 0: every period is due
    assertEquals(BigInteger.ZERO, market.slotProbability(slot).send());
    int[] seen = new int[2];
    for (int step = 0; step < 16; step++) {
      int pointer = f.pointer(slot, f.head());
      assertEquals(pointer, market.getPointer(slot).send().intValueExact());
      assertEquals(pointer >= DOWNTIME, market.isProofRequired(slot).send(), "pointer " + pointer);
      assertEquals(pointer < DOWNTIME, market.willProofBeRequired(slot).send(), "pointer " + pointer);
      seen[pointer >= DOWNTIME ? 1 : 0]++;
      chain.anvil.mine(37);
    }
    assertTrue(seen[0] > 0 && seen[1] > 0, "both sides of the downtime were sampled");
  }

  @Test
  void theProbabilityPicksPeriodsWhoseChallengeItDivides() throws Exception {
    byte[] slot = filledSlot(2, 8);
    Marketplace market = f.market(HOST);
    BigInteger probability = BigInteger.valueOf(8L * (256 - DOWNTIME) / 256);
    assertEquals(probability, market.slotProbability(slot).send());
    for (int step = 0; step < 24; step++) {
      MarketFixture.Head head = f.head();
      int pointer = f.pointer(slot, head);
      BigInteger challenge = new BigInteger(1, f.challenge(slot, head));
      boolean due = challenge.mod(probability).signum() == 0;
      assertEquals(due && pointer >= DOWNTIME, market.isProofRequired(slot).send());
      assertEquals(due && pointer < DOWNTIME, market.willProofBeRequired(slot).send());
      chain.anvil.mine(41);
    }
  }

  @Test
  void aMissedProofCanBeMarkedOnlyWhileThePointerIsOutOfTheDowntime() throws Exception {
    byte[] slot = filledSlot(3, 1);
    long missed = ProofRules.period(f.head().timestamp(), f.periodSeconds());
    f.startNextPeriod(1);
    Marketplace validator = f.market(VALIDATOR);

    // the contract evaluates the missed period's pointer with the current block number
    moveMissedPeriodPointerTo(slot, missed, DOWNTIME - 1);
    assertEquals(MarketFixture.selector("Proofs_ProofNotRequired()"),
        f.revertOf(VALIDATOR, validator.markProofAsMissing(slot, BigInteger.valueOf(missed))));
    moveMissedPeriodPointerTo(slot, missed, DOWNTIME);
    assertEquals("no revert",
        f.revertOf(VALIDATOR, validator.markProofAsMissing(slot, BigInteger.valueOf(missed))));
  }

  /** Mines blocks until the pointer of {@code period} at the latest block is {@code target}. */
  private static void moveMissedPeriodPointerTo(byte[] slot, long period, int target)
      throws Exception {
    int now = f.pointerOf(slot, period, f.head().number());
    int blocks = Math.floorMod(target - now, 256);
    if (blocks > 0) {
      chain.anvil.mine(blocks);
    }
  }
}
