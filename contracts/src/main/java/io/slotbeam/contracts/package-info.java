/**
 * The project's Solidity contracts seen from Java: the compiled artifacts ({@link
 * io.slotbeam.contracts.ContractArtifacts}), the web3j bindings (generated into {@code
 * io.slotbeam.contracts.generated}, hand-written where web3j encodes a call wrongly) and a
 * launcher for a local anvil chain ({@link io.slotbeam.contracts.AnvilProcess}). All marketplace
 * rules live in the Solidity sources ({@code src/main/solidity}); this package holds none.
 */
package io.slotbeam.contracts;
