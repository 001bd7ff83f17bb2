// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

// The Codex proof types (spec node.md §5.1, datapath.md §11.2): the struct layout is part of the
// fillSlot/submitProof selectors, so the field order must stay as it is.

struct G1Point {
  uint256 x;
  uint256 y;
}

/// An Fp2 element real + imag·u, in the order the Codex struct uses (not the EIP-197 order).
struct Fp2Element {
  uint256 real;
  uint256 imag;
}

struct G2Point {
  Fp2Element x;
  Fp2Element y;
}

/// A Groth16 proof as the Codex node submits it: snarkjs pi_a, pi_b, pi_c without any swap.
struct Groth16Proof {
  G1Point a;
  G2Point b;
  G1Point c;
}

/// A Groth16 verification key in snarkjs terms; ic holds one point more than there are public inputs.
struct VerifyingKey {
  G1Point alpha1;
  G2Point beta2;
  G2Point gamma2;
  G2Point delta2;
  G1Point[] ic;
}

interface IGroth16Verifier {
  /// True iff the proof verifies for these public inputs; false (never a revert) otherwise.
  function verify(Groth16Proof calldata proof, uint256[] calldata pubSignals) external view returns (bool);
}
