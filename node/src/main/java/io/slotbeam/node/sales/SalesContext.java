package io.slotbeam.node.sales;

import io.slotbeam.node.market.Market;
import io.slotbeam.node.market.MarketClock;
import io.slotbeam.node.proving.Proving;
import io.slotbeam.node.proving.ProvingLoop;
import java.util.concurrent.Executor;

/**
 * What every sales agent works with (nim-codex {@code SalesContext}, spec node §7.3): the market
 * and its clock, the reservations, the slots this host stores, the circuit it proves with, where
 * skipped slots are recorded, and the threads agents and their watchers run on.
 */
record SalesContext(
    Market market,
    MarketClock clock,
    Reservations reservations,
    HostedSlots slots,
    Proving proving,
    SkippedSlots skipped,
    Executor threads,
    ProvingLoop.Observer proofs) {}
