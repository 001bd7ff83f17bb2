/**
 * The marketplace as the node sees it (spec node §5–§6): identifiers, requests and asks, the
 * {@link io.slotbeam.node.market.Market} operations and events, and the market's clock.
 */
package io.slotbeam.node.market;
