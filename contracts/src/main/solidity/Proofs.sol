// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import "./Configuration.sol";
import "./Groth16.sol";
import "./Requests.sol";

type Period is uint64;

/// Periods, the per-slot pointer and challenge, when a proof is required, and the bookkeeping of
/// received and missed proofs (spec node.md §5.5). The state of a slot and its proof probability
/// come from the marketplace.
abstract contract Proofs {
  error Proofs_InsufficientBlockHeight();
  error Proofs_InvalidProof();
  error Proofs_ProofAlreadySubmitted();
  error Proofs_PeriodNotEnded();
  error Proofs_ValidationTimedOut();
  error Proofs_ProofNotMissing();
  error Proofs_ProofNotRequired();
  error Proofs_ProofAlreadyMarkedMissing();

  event ProofSubmitted(SlotId id);

  ProofConfig private _proofConfig;
  IGroth16Verifier private immutable _verifier;

  mapping(SlotId => uint64) private _slotStarts;
  mapping(SlotId => uint64) private _missed;
  mapping(SlotId => mapping(Period => bool)) private _received;
  mapping(SlotId => mapping(Period => bool)) private _markedMissing;

  constructor(ProofConfig memory config, IGroth16Verifier verifier) {
    // A challenge reads the hash of a block up to 256 blocks back.
    if (block.number <= 256) revert Proofs_InsufficientBlockHeight();
    _proofConfig = config;
    _verifier = verifier;
  }

  function slotState(SlotId id) public view virtual returns (SlotState);

  function slotProbability(SlotId id) public view virtual returns (uint256);

  /// Proofs marked missing since the slot was last filled.
  function missingProofs(SlotId id) public view returns (uint64) {
    return _missed[id];
  }

  function getPointer(SlotId id) public view returns (uint8) {
    return _pointer(id, _currentPeriod());
  }

  function getChallenge(SlotId id) public view returns (bytes32) {
    return _challenge(_pointer(id, _currentPeriod()));
  }

  function isProofRequired(SlotId id) public view returns (bool) {
    return _isProofRequired(id, _currentPeriod());
  }

  /// A proof is due this period but the pointer is still in the downtime window.
  function willProofBeRequired(SlotId id) public view returns (bool) {
    (bool required, uint8 pointer) = _requirement(id, _currentPeriod());
    return required && pointer < _proofConfig.downtime;
  }

  function _currentPeriod() internal view returns (Period) {
    return _periodOf(uint64(block.timestamp));
  }

  function _periodOf(uint64 timestamp) private view returns (Period) {
    return Period.wrap(timestamp / _proofConfig.period);
  }

  function _periodEnd(Period period) private view returns (uint64) {
    return (Period.unwrap(period) + 1) * _proofConfig.period;
  }

  /// Advances one step per block; the per-period and per-slot offsets spread the downtime windows.
  function _pointer(SlotId id, Period period) private view returns (uint8) {
    uint256 blockPart = block.number % 256;
    uint256 periodPart = (uint256(Period.unwrap(period)) * _proofConfig.downtimeProduct) % 256;
    uint256 slotPart = uint256(SlotId.unwrap(id)) % 256;
    return uint8((blockPart + periodPart + slotPart) % 256);
  }

  /// keccak256 of the hash of the block `pointer` blocks before the previous one: constant within a
  /// period until the pointer wraps from 255 to 0.
  function _challenge(uint8 pointer) private view returns (bytes32) {
    bytes32 hash = blockhash(block.number - 1 - pointer);
    assert(hash != bytes32(0));
    return keccak256(abi.encode(hash));
  }

  function _requirement(SlotId id, Period period) private view returns (bool required, uint8 pointer) {
    if (slotState(id) != SlotState.Filled) return (false, 0);
    if (Period.unwrap(period) <= Period.unwrap(_periodOf(_slotStarts[id]))) return (false, 0);
    pointer = _pointer(id, period);
    uint256 probability = slotProbability(id);
    required = probability == 0 || uint256(_challenge(pointer)) % probability == 0;
  }

  function _isProofRequired(SlotId id, Period period) private view returns (bool) {
    (bool required, uint8 pointer) = _requirement(id, period);
    return required && pointer >= _proofConfig.downtime;
  }

  function _startRequiringProofs(SlotId id) internal {
    _slotStarts[id] = uint64(block.timestamp);
  }

  function _resetMissingProofs(SlotId id) internal {
    _missed[id] = 0;
  }

  /// Accepts one proof per slot and period; the proof is not required to be due.
  function _proofReceived(SlotId id, Groth16Proof calldata proof, uint256[] memory pubSignals) internal {
    Period period = _currentPeriod();
    if (_received[id][period]) revert Proofs_ProofAlreadySubmitted();
    if (!_verifier.verify(proof, pubSignals)) revert Proofs_InvalidProof();
    _received[id][period] = true;
    emit ProofSubmitted(id);
  }

  function _canMarkProofAsMissing(SlotId id, Period period) internal view {
    uint64 end = _periodEnd(period);
    if (end >= block.timestamp) revert Proofs_PeriodNotEnded();
    if (block.timestamp >= end + _proofConfig.timeout) revert Proofs_ValidationTimedOut();
    if (_received[id][period]) revert Proofs_ProofNotMissing();
    // Evaluated with the current block number in the pointer, as Codex does (spec node.md §5.5).
    if (!_isProofRequired(id, period)) revert Proofs_ProofNotRequired();
    if (_markedMissing[id][period]) revert Proofs_ProofAlreadyMarkedMissing();
  }

  function _markProofAsMissing(SlotId id, Period period) internal {
    _canMarkProofAsMissing(id, period);
    _markedMissing[id][period] = true;
    _missed[id] += 1;
  }
}
