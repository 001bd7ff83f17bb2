package io.slotbeam.node.sales;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotbeam.core.block.Block;
import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.indexing.IndexingStrategy;
import io.slotbeam.core.indexing.StrategyType;
import io.slotbeam.node.market.RequestState;
import io.slotbeam.node.market.SlotId;
import io.slotbeam.node.market.SlotState;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A host filling a slot freed by slashing (state Repair) whose blocks went with the slashed host
 * (spec node §7.5 onStore, {@code isRepairing}): it rebuilds them by erasure decoding from the
 * rest of the dataset on the client's node, checks them against the manifest's tree, stores only
 * its slot and fills it; with too few blocks left in a column it errs and stores nothing.
 *
 * <p>The dataset (see {@link HostFixture#verifiableDataset}): 4 data blocks, K = 2, M = 1, so 2
 * columns of 3 blocks (column c holds blocks c, c + 2, c + 4) and 3 slots of 2 blocks; the slots
 * take the blocks linearly, so slot 0 is blocks 0 and 1, one in each column.
 */
class FreedSlotRepairTest extends MockMarketHost {
  private SlotId freed;

  @BeforeEach
  void freeSlotZeroOfAStartedRequest() throws Exception {
    startClientWithRequest(31, 7);
    market.requestStorage(request); // before the host runs: only the freed slot reaches its queue
    market.setRequestState(request.id(), RequestState.STARTED);
    for (int i = 1; i < verifiable.numSlots(); i++) {
      market.setSlotState(request.id().slotId(i), SlotState.FILLED);
    }
    freed = request.id().slotId(0);
    market.setSlotState(freed, SlotState.REPAIR);
  }

  /** The host's sales with room for one slot, told that slot 0 was freed. */
  private Sales hostToldOfTheFreedSlot() throws Exception {
    Sales sales = startHost(sampling, (slot, period, proof) -> {});
    sales.reservations().createAvailability(request.ask().slotSize(), 5000, BigInteger.ONE,
        BigInteger.valueOf(10 * request.ask().slotSize()), true, 0);
    market.emit(l -> l.slotFreed(request.id(), 0));
    return sales;
  }

  /** The blocks of the protected dataset on the client, by index. */
  private List<Block> clientBlocks() throws Exception {
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < verifiable.blocksCount(); i++) {
      Cid cid = client.store().leafCid(verifiable.treeCid(), i).orElseThrow();
      blocks.add(client.store().get(cid).orElseThrow());
    }
    return blocks;
  }

  private void deleteFromClient(Block block) throws Exception {
    client.store().delete(block.cid());
    assertFalse(client.store().has(block.cid()));
  }

  @Test
  void aFreedSlotWhoseBlocksAreOnNoPeerIsRebuiltByErasureDecodingAndFilled() throws Exception {
    assertEquals(StrategyType.LINEAR, verifiable.verification().orElseThrow().verifiableStrategy());
    long[] slotZero = IndexingStrategy.linear(0, verifiable.blocksCount() - 1, verifiable.numSlots()).indices(0);
    assertArrayEquals(new long[] {0, 1}, slotZero);
    List<Block> blocks = clientBlocks();
    deleteFromClient(blocks.get(0));
    deleteFromClient(blocks.get(1));

    Sales sales = hostToldOfTheFreedSlot();
    awaitSale(sales, freed, "slot 0 rebuilt and waiting for the next period", "SaleInitialProving"::equals);
    advanceWhenWaiting(1, PERIOD + 1); // one second into the next period
    awaitSale(sales, freed, "slot 0 filled", "SaleProving"::equals);

    assertEquals(List.of(freed), market.mySlots());
    assertEquals(SlotState.FILLED, market.slotState(freed));
    for (int i = 0; i < blocks.size(); i++) {
      Block original = blocks.get(i);
      if (i == 0 || i == 1) {
        assertArrayEquals(original.data(), host.store().get(original.cid()).orElseThrow().data(),
            "block " + i + " decoded to its original bytes");
      } else {
        assertFalse(host.store().has(original.cid()), "block " + i + " of another slot is only used, not kept");
      }
    }
    assertEquals(2L * verifiable.blockSize(), host.store().usage().used());
    assertTrue(sampling.calls.stream().anyMatch(c -> c.slotIndex() == 0), "the fill proof sampled the rebuilt slot");
  }

  @Test
  void aColumnWithFewerThanKBlocksLeftErrsNamingTheColumnAndStoresNothing() throws Exception {
    List<Block> blocks = clientBlocks();
    deleteFromClient(blocks.get(0));
    deleteFromClient(blocks.get(1));
    deleteFromClient(blocks.get(2)); // column 0 keeps only block 4 of 0, 2, 4

    Sales sales = hostToldOfTheFreedSlot();
    HostFixture.await("the repair given up", () -> !sales.skipped().list().isEmpty());
    awaitSale(sales, freed, "the sale cleaned up", "gone"::equals);

    SkippedSlots.Skipped skipped = sales.skipped().list().get(0);
    assertEquals(OptionalLong.of(0), skipped.slotIndex());
    assertEquals(SkipReason.ERROR, skipped.reason());
    assertTrue(skipped.detail().startsWith("cannot repair column 0 of " + verifiable.treeCid()
        + ": only 1 of its 3 blocks are on any peer (K = 2, M = 1: at least 2 are needed);"
        + " blocks [0, 2] are on no peer"), skipped.detail());
    assertEquals(0, host.store().usage().totalBlocks(), "no block stored, fetched or decoded");
    assertEquals(List.of(), market.mySlots());
    assertEquals(List.of(), sales.reservations().reservations());
  }
}
