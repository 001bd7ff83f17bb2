// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import "./Groth16.sol";

/// Groth16 verification over BN254 with the EIP-196/197 precompiles. The verification key is a
/// constructor argument, so one contract serves any circuit: the deployed Codex key, the hardhat
/// example key, or the fresh key of a development setup.
contract Groth16Verifier is IGroth16Verifier {
  /// The key's ic list cannot serve any public input (it must hold at least ic[0]).
  error Groth16Verifier_EmptyIc();

  // BN254 base field p and scalar field r (EIP-196; p = 36x^4+36x^3+24x^2+6x+1 and
  // r = 36x^4+36x^3+18x^2+6x+1 for x = 4965661367192848881).
  uint256 private constant P = 21888242871839275222246405745257275088696311157297823662689037894645226208583;
  uint256 private constant R = 21888242871839275222246405745257275088548364400416034343698204186575808495617;

  uint256 private constant EC_ADD = 0x06;
  uint256 private constant EC_MUL = 0x07;
  uint256 private constant PAIRING = 0x08;

  G1Point private _alpha1;
  G2Point private _beta2;
  G2Point private _gamma2;
  G2Point private _delta2;
  G1Point[] private _ic;

  constructor(VerifyingKey memory key) {
    if (key.ic.length == 0) revert Groth16Verifier_EmptyIc();
    _alpha1 = key.alpha1;
    _beta2 = key.beta2;
    _gamma2 = key.gamma2;
    _delta2 = key.delta2;
    for (uint256 i = 0; i < key.ic.length; i++) {
      _ic.push(key.ic[i]);
    }
  }

  /// The number of public inputs the key expects (ic.length - 1).
  function publicInputCount() external view returns (uint256) {
    return _ic.length - 1;
  }

  /// Checks e(-A, B)·e(alpha, beta)·e(vk_x, gamma)·e(C, delta) == 1 with
  /// vk_x = ic[0] + Σ pubSignals[i]·ic[i+1] (spec datapath.md §11.3). A wrong number of inputs, an
  /// input ≥ r, a coordinate off the curve or a failed pairing all give false.
  function verify(Groth16Proof calldata proof, uint256[] calldata pubSignals) external view returns (bool) {
    if (pubSignals.length + 1 != _ic.length) return false;
    (bool ok, uint256 vkx, uint256 vky) = _linearCombination(pubSignals);
    if (!ok) return false;
    if (proof.a.y >= P) return false;
    uint256 negAy = proof.a.y == 0 ? 0 : P - proof.a.y;

    uint256[24] memory input;
    _putG1(input, 0, proof.a.x, negAy);
    _putG2(input, 2, proof.b);
    _putG1(input, 6, _alpha1.x, _alpha1.y);
    _putG2(input, 8, _beta2);
    _putG1(input, 12, vkx, vky);
    _putG2(input, 14, _gamma2);
    _putG1(input, 18, proof.c.x, proof.c.y);
    _putG2(input, 20, _delta2);

    uint256[1] memory out;
    bool success;
    assembly {
      // 4 pairs of 192 bytes; a malformed point makes the precompile fail, which reads as false.
      success := staticcall(gas(), PAIRING, input, 768, out, 32)
    }
    return success && out[0] == 1;
  }

  /// vk_x = ic[0] + Σ s_i·ic[i+1]; ok is false if an input is ≥ r or a precompile call fails.
  function _linearCombination(uint256[] calldata signals) private view returns (bool ok, uint256 x, uint256 y) {
    x = _ic[0].x;
    y = _ic[0].y;
    uint256[4] memory buf;
    for (uint256 i = 0; i < signals.length; i++) {
      if (signals[i] >= R) return (false, 0, 0);
      buf[0] = _ic[i + 1].x;
      buf[1] = _ic[i + 1].y;
      buf[2] = signals[i];
      bool success;
      assembly {
        // buf[0..1] = s_i·ic[i+1]
        success := staticcall(gas(), EC_MUL, buf, 96, buf, 64)
      }
      if (!success) return (false, 0, 0);
      buf[2] = x;
      buf[3] = y;
      assembly {
        // buf[0..1] = s_i·ic[i+1] + acc
        success := staticcall(gas(), EC_ADD, buf, 128, buf, 64)
      }
      if (!success) return (false, 0, 0);
      x = buf[0];
      y = buf[1];
    }
    return (true, x, y);
  }

  function _putG1(uint256[24] memory input, uint256 offset, uint256 x, uint256 y) private pure {
    input[offset] = x;
    input[offset + 1] = y;
  }

  /// EIP-197 wants each Fp2 coordinate as (imag, real): the swap from the Codex struct happens here.
  function _putG2(uint256[24] memory input, uint256 offset, G2Point memory point) private pure {
    input[offset] = point.x.imag;
    input[offset + 1] = point.x.real;
    input[offset + 2] = point.y.imag;
    input[offset + 3] = point.y.real;
  }
}
