// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import "./Groth16.sol";

/// Groth16 verification over BN254 with the EIP-196/197 precompiles. The verification key is a
/// constructor argument, so one contract serves any circuit: the deployed Codex key, the hardhat
/// example key, or the fresh key of a development setup.
///
/// The key is kept as the code of a small data contract rather than in storage: one EXTCODECOPY
/// (2,600 gas cold) instead of 22 or more cold SLOADs (2,100 gas each) per verification.
contract Groth16Verifier is IGroth16Verifier {
  /// The key's ic list cannot serve any public input (it must hold at least ic[0]).
  error Groth16Verifier_EmptyIc();
  /// Creating the data contract that holds the key failed.
  error Groth16Verifier_KeyNotStored();

  // BN254 base field p and scalar field r (EIP-196; p = 36x^4+36x^3+24x^2+6x+1 and
  // r = 36x^4+36x^3+18x^2+6x+1 for x = 4965661367192848881).
  uint256 private constant P = 21888242871839275222246405745257275088696311157297823662689037894645226208583;
  uint256 private constant R = 21888242871839275222246405745257275088548364400416034343698204186575808495617;

  uint256 private constant EC_ADD = 0x06;
  uint256 private constant EC_MUL = 0x07;
  uint256 private constant PAIRING = 0x08;

  // Word layout of the stored key: G2 points already in EIP-197 order (imag before real).
  uint256 private constant ALPHA = 0; // x, y
  uint256 private constant BETA = 2; // x.imag, x.real, y.imag, y.real
  uint256 private constant GAMMA = 6;
  uint256 private constant DELTA = 10;
  uint256 private constant IC = 14; // ic[i] at IC + 2i (x, y)

  address private immutable _keyStore;
  uint256 private immutable _icLength;

  constructor(VerifyingKey memory key) {
    if (key.ic.length == 0) revert Groth16Verifier_EmptyIc();
    uint256[] memory words = new uint256[](IC + 2 * key.ic.length);
    words[ALPHA] = key.alpha1.x;
    words[ALPHA + 1] = key.alpha1.y;
    _putG2(words, BETA, key.beta2);
    _putG2(words, GAMMA, key.gamma2);
    _putG2(words, DELTA, key.delta2);
    for (uint256 i = 0; i < key.ic.length; i++) {
      words[IC + 2 * i] = key.ic[i].x;
      words[IC + 2 * i + 1] = key.ic[i].y;
    }
    _keyStore = _storeAsCode(abi.encodePacked(words));
    _icLength = key.ic.length;
  }

  /// The number of public inputs the key expects (ic.length - 1).
  function publicInputCount() external view returns (uint256) {
    return _icLength - 1;
  }

  /// Checks e(-A, B)·e(alpha, beta)·e(vk_x, gamma)·e(C, delta) == 1 with
  /// vk_x = ic[0] + Σ pubSignals[i]·ic[i+1] (spec datapath.md §11.3). A wrong number of inputs, an
  /// input ≥ r, a coordinate off the curve or a failed pairing all give false.
  function verify(Groth16Proof calldata proof, uint256[] calldata pubSignals) external view returns (bool) {
    if (pubSignals.length + 1 != _icLength) return false;
    if (proof.a.y >= P) return false;
    uint256[] memory key = _loadKey();
    (bool ok, uint256 vkx, uint256 vky) = _linearCombination(key, pubSignals);
    if (!ok) return false;

    uint256[24] memory input;
    input[0] = proof.a.x;
    input[1] = proof.a.y == 0 ? 0 : P - proof.a.y;
    // EIP-197 wants each Fp2 coordinate as (imag, real): the swap from the Codex struct is here.
    input[2] = proof.b.x.imag;
    input[3] = proof.b.x.real;
    input[4] = proof.b.y.imag;
    input[5] = proof.b.y.real;
    _copy(key, ALPHA, input, 6, 2);
    _copy(key, BETA, input, 8, 4);
    input[12] = vkx;
    input[13] = vky;
    _copy(key, GAMMA, input, 14, 4);
    input[18] = proof.c.x;
    input[19] = proof.c.y;
    _copy(key, DELTA, input, 20, 4);

    uint256[1] memory out;
    bool success;
    assembly {
      // 4 pairs of 192 bytes; a malformed point makes the precompile fail, which reads as false.
      success := staticcall(gas(), PAIRING, input, 768, out, 32)
    }
    return success && out[0] == 1;
  }

  /// vk_x = ic[0] + Σ s_i·ic[i+1]; ok is false if an input is ≥ r or a precompile call fails.
  function _linearCombination(uint256[] memory key, uint256[] calldata signals)
    private
    view
    returns (bool ok, uint256 x, uint256 y)
  {
    x = key[IC];
    y = key[IC + 1];
    uint256[4] memory buf;
    for (uint256 i = 0; i < signals.length; i++) {
      if (signals[i] >= R) return (false, 0, 0);
      buf[0] = key[IC + 2 * (i + 1)];
      buf[1] = key[IC + 2 * (i + 1) + 1];
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

  function _putG2(uint256[] memory words, uint256 offset, G2Point memory point) private pure {
    words[offset] = point.x.imag;
    words[offset + 1] = point.x.real;
    words[offset + 2] = point.y.imag;
    words[offset + 3] = point.y.real;
  }

  function _copy(uint256[] memory from, uint256 start, uint256[24] memory to, uint256 offset, uint256 count)
    private
    pure
  {
    for (uint256 i = 0; i < count; i++) {
      to[offset + i] = from[start + i];
    }
  }

  /// Deploys `data` as the runtime code of a new contract, behind a STOP byte so that a call into
  /// it does nothing.
  function _storeAsCode(bytes memory data) private returns (address store) {
    // PUSH4 len, DUP1, PUSH1 14, PUSH1 0, CODECOPY, PUSH1 0, RETURN: returns the code after
    // these 14 bytes, i.e. STOP followed by the data.
    bytes memory init = abi.encodePacked(hex"63", uint32(data.length + 1), hex"80600e6000396000f3", hex"00", data);
    assembly {
      store := create(0, add(init, 32), mload(init))
    }
    if (store == address(0)) revert Groth16Verifier_KeyNotStored();
  }

  function _loadKey() private view returns (uint256[] memory key) {
    key = new uint256[](IC + 2 * _icLength);
    address store = _keyStore;
    uint256 size = 32 * key.length;
    assembly {
      extcodecopy(store, add(key, 32), 1, size)
    }
  }
}
