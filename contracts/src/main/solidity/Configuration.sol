// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

// The marketplace configuration, passed at deployment (spec node.md §5.1, §5.8). The layout is the
// Codex one, which configuration() returns.

struct MarketplaceConfig {
  CollateralConfig collateral;
  ProofConfig proofs;
  SlotReservationsConfig reservations;
  uint64 requestDurationLimit; // seconds
}

struct CollateralConfig {
  uint8 repairRewardPercentage; // collateral discount for a host that refills a freed slot
  uint8 maxNumberOfSlashes; // missed proofs after which the slot is freed
  uint8 slashPercentage; // of the slot's collateral, per missed proof
  uint8 validatorRewardPercentage; // of each slashed amount, to whoever marked the proof missing
}

struct ProofConfig {
  uint64 period; // seconds
  uint64 timeout; // seconds after a period's end during which a missed proof can be marked
  uint8 downtime; // pointer values [0, downtime) in which no proof is required
  uint8 downtimeProduct; // shifts the pointer per period (should be prime)
  string zkeyHash; // identifies the circuit's proving key
}

struct SlotReservationsConfig {
  uint8 maxReservations;
}
