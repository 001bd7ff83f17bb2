package io.slotbeam.node.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotbeam.core.slots.CellSelector;
import io.slotbeam.node.market.ProofInvalidException;
import io.slotbeam.node.market.SlotId;
import io.slotbeam.node.market.SlotState;
import io.slotbeam.node.market.SlotStateMismatchException;
import io.slotbeam.node.proving.SlotProver;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How a fill ends when the chain moves under it (spec node §7.5 {@code SaleFilling}, §8.1): a
 * proof gone stale because a new period began while the fill was in flight is made again for the
 * new challenge; a slot another host filled first ends the sale ignored, with the reservation's
 * bytes and collateral back in the availability.
 */
class FillOutcomesTest extends MockMarketHost {
  @BeforeEach
  void startClientWithDataset() throws Exception {
    startClientWithRequest(21, 5);
  }

  /** A host proving with {@code prover} and room for exactly one slot; returns its sales. */
  private Sales startHost(SlotProver prover) throws Exception {
    return startHost(prover, (slot, period, proof) -> {});
  }

  /**
   * Offers room for one slot with {@code collateral}, and marks every slot of the request but 0 as
   * taken: slot 0 is the only sale, so no other sale takes back space a test sees returned.
   */
  private Availability offerSlotZeroOnly(Sales sales, BigInteger collateral) throws IOException {
    for (int i = 1; i < verifiable.numSlots(); i++) {
      market.setSlotState(request.id().slotId(i), SlotState.FILLED);
    }
    return sales.reservations().createAvailability(request.ask().slotSize(), 5000, BigInteger.ONE, collateral, true, 0);
  }

  /** The availability has all its bytes and collateral again, and no reservation is left. */
  private static void assertReturnedInFull(Sales sales, Availability offered) throws IOException {
    Availability back = sales.reservations().availability(offered.id()).orElseThrow();
    assertEquals(offered.totalSize(), back.freeSize(), "the slot's bytes are free again");
    assertEquals(offered.totalCollateral(), back.totalRemainingCollateral(), "the slot's collateral is free again");
    assertEquals(List.of(), sales.reservations().reservations());
  }

  @Test
  void aFillRejectedBecauseThePeriodChangedIsRetriedWithAProofOfTheNewChallenge() throws Exception {
    byte[] before = new byte[32];
    before[0] = 1;
    byte[] after = new byte[32];
    after[0] = 2;
    // the first proof takes so long that a new period (new challenge) begins before its fill lands
    SlotProver slowFirstProof = (store, manifest, slotIndex, entropy) -> {
      var proof = sampling.prove(store, manifest, slotIndex, entropy);
      if (sampling.calls.size() == 1) {
        market.setChallenge(request.id().slotId(slotIndex), after);
        market.failNext("fillSlot", new ProofInvalidException("fillSlot: reverted with Proofs_InvalidProof"));
      }
      return proof;
    };
    Sales sales = startHost(slowFirstProof);
    offerSlotZeroOnly(sales, BigInteger.valueOf(10 * request.ask().slotSize()));
    market.requestStorage(request);
    SlotId slot = awaitAgentIn(sales, "SaleInitialProving").slotId();
    for (int i = 0; i < verifiable.numSlots(); i++) {
      market.setChallenge(request.id().slotId(i), before);
    }

    advanceWhenWaiting(1, PERIOD + 1);
    awaitSale(sales, slot, "the stale fill given up and a new proof awaited",
        state -> sampling.calls.size() == 1 && state.equals("SaleInitialProving"));
    advanceWhenWaiting(1, PERIOD);
    awaitSale(sales, slot, "filled with the fresh proof", state -> state.equals("SaleProving"));

    assertEquals(List.of(CellSelector.entropy(before), CellSelector.entropy(after)),
        sampling.calls.stream().map(HostFixture.SamplingProver.Call::entropy).toList());
    assertEquals(List.of(slot), market.mySlots());
    assertEquals(1, market.submittedProofs().size(), "only the fresh proof landed");
  }

  @Test
  void theLoserOfARaceForASlotGetsItsBytesAndCollateralBack() throws Exception {
    Sales sales = startHost(sampling);
    Availability availability = offerSlotZeroOnly(sales, BigInteger.valueOf(10 * request.ask().slotSize()));
    market.requestStorage(request);
    SlotId slot = awaitAgentIn(sales, "SaleInitialProving").slotId();
    assertEquals(0, sales.reservations().availability(availability.id()).orElseThrow().freeSize());

    // another host's fill lands first
    market.failNext("fillSlot", new SlotStateMismatchException("fillSlot: reverted with Marketplace_SlotNotFree"));
    advanceWhenWaiting(1, PERIOD + 1);
    awaitSale(sales, slot, "the lost sale cleaned up", state -> state.equals("gone"));

    assertReturnedInFull(sales, availability);
    assertEquals(List.of(), market.mySlots());
  }

  @Test
  void theLoserToldOfTheWinnersFillBeforeItReservedOnChainGetsItsBytesAndCollateralBack() throws Exception {
    Sales sales = startHost(sampling);
    Availability availability = offerSlotZeroOnly(sales, BigInteger.valueOf(10 * request.ask().slotSize()));
    SlotId slot = request.id().slotId(0);
    // holding the market's lock keeps the sale in SalePreparing while the winner's SlotFilled arrives
    synchronized (market) {
      market.requestStorage(request);
      awaitSale(sales, slot, "a sale preparing slot 0", state -> state.equals("SalePreparing"));
      market.emit(l -> l.slotFilled(request.id(), 0));
    }
    awaitSale(sales, slot, "the lost sale cleaned up", state -> state.equals("gone"));

    assertReturnedInFull(sales, availability);
    assertTrue(sales.skipped().list().stream().anyMatch(s -> s.reason() == SkipReason.SLOT_TAKEN
        && s.detail().startsWith("Slot filled by other host")), sales.skipped().list().toString());
  }
}
