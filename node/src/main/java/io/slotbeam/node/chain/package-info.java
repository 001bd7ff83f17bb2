/**
 * The marketplace on a real chain (spec node §6): {@link io.slotbeam.node.chain.OnChainMarket}
 * implements the node's {@link io.slotbeam.node.market.Market} over web3j and JSON-RPC on HTTP
 * (views at the {@code pending} block where upstream reads them, signed EIP-1559 transactions with
 * one nonce sequence, retries on I/O failure, reverts decoded by their custom-error selectors,
 * events by polling {@code eth_getLogs}); {@link io.slotbeam.node.chain.OnChainClock} is the
 * chain's time; {@link io.slotbeam.node.chain.DevChain} is a local anvil chain with the
 * marketplace deployed, for {@code slotbeam node --dev} and tests.
 */
package io.slotbeam.node.chain;
