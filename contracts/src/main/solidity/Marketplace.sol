// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import "./Bytes32Set.sol";
import "./Configuration.sol";
import "./Groth16.sol";
import "./PaymentToken.sol";
import "./Proofs.sol";
import "./Requests.sol";
import "./SlotReservations.sol";

/// The part of the Codex marketplace that clients and hosts use (spec node.md §5): clients pay for
/// storage requests up front, hosts reserve and fill slots with collateral and a proof, prove
/// storage when challenged, and are paid at the end; missed proofs are slashed. Function names,
/// argument types, struct layouts, events and errors match codex-contracts-eth, so a Codex client
/// can call this contract.
contract Marketplace is SlotReservations, Proofs {
  using Bytes32Sets for Bytes32Set;
  using Requests for Request;
  using Requests for Ask;

  error Marketplace_RepairRewardPercentageTooHigh();
  error Marketplace_SlashPercentageTooHigh();
  error Marketplace_MaximumSlashingTooHigh();
  error Marketplace_InvalidExpiry();
  error Marketplace_InvalidMaxSlotLoss();
  error Marketplace_InsufficientSlots();
  error Marketplace_InsufficientDuration();
  error Marketplace_InsufficientProofProbability();
  error Marketplace_InsufficientCollateral();
  error Marketplace_InsufficientReward();
  error Marketplace_InvalidClientAddress();
  error Marketplace_RequestAlreadyExists();
  error Marketplace_InvalidSlot();
  error Marketplace_InvalidCid();
  error Marketplace_SlotNotFree();
  error Marketplace_InvalidSlotHost();
  error Marketplace_AlreadyPaid();
  error Marketplace_TransferFailed();
  error Marketplace_UnknownRequest();
  error Marketplace_InvalidState();
  error Marketplace_StartNotBeforeExpiry();
  error Marketplace_SlotNotAcceptingProofs();
  error Marketplace_ProofNotSubmittedByHost();
  error Marketplace_SlotIsFree();
  error Marketplace_ReservationRequired();
  error Marketplace_NothingToWithdraw();
  error Marketplace_DurationExceedsLimit();

  event StorageRequested(RequestId requestId, Ask ask, uint64 expiry);
  event RequestFulfilled(RequestId indexed requestId);
  event RequestFailed(RequestId indexed requestId);
  event SlotFilled(RequestId indexed requestId, uint64 slotIndex);
  event SlotFreed(RequestId indexed requestId, uint64 slotIndex);
  event RequestCancelled(RequestId indexed requestId);

  /// What the chain knows about a request besides the request itself.
  struct RequestContext {
    RequestState state;
    /// Starts at maxPrice and drops by a slot's payout when the slot is filled: what the client
    /// gets back at the end. Zero once withdrawn (it cannot reach zero otherwise).
    uint256 fundsToReturnToClient;
    uint64 slotsFilled;
    uint64 startedAt;
    uint64 endsAt;
    uint64 expiresAt;
  }

  struct Slot {
    SlotState state;
    RequestId requestId;
    uint64 filledAt; // the host is paid from here
    uint64 slotIndex;
    uint256 currentCollateral; // collateralPerSlot minus slashes
    address host;
  }

  struct ActiveSlot {
    Request request;
    uint64 slotIndex;
  }

  IERC20 private immutable _token;
  MarketplaceConfig private _config;

  mapping(RequestId => Request) private _requests;
  mapping(RequestId => RequestContext) private _contexts;
  mapping(SlotId => Slot) private _slots;
  mapping(address => Bytes32Set) private _requestsByClient;
  mapping(address => Bytes32Set) private _slotsByHost;

  constructor(MarketplaceConfig memory config, IERC20 token_, IGroth16Verifier verifier)
    SlotReservations(config.reservations)
    Proofs(config.proofs, verifier)
  {
    if (config.collateral.repairRewardPercentage > 100) revert Marketplace_RepairRewardPercentageTooHigh();
    if (config.collateral.slashPercentage > 100) revert Marketplace_SlashPercentageTooHigh();
    if (uint256(config.collateral.maxNumberOfSlashes) * config.collateral.slashPercentage > 100) {
      revert Marketplace_MaximumSlashingTooHigh();
    }
    _token = token_;
    _config = config;
  }

  modifier requestIsKnown(RequestId requestId) {
    if (_requests[requestId].client == address(0)) revert Marketplace_UnknownRequest();
    _;
  }

  modifier slotIsNotFree(SlotId slotId) {
    if (_slots[slotId].state == SlotState.Free) revert Marketplace_SlotIsFree();
    _;
  }

  modifier slotAcceptsProofs(SlotId slotId) {
    if (slotState(slotId) != SlotState.Filled) revert Marketplace_SlotNotAcceptingProofs();
    _;
  }

  function configuration() public view returns (MarketplaceConfig memory) {
    return _config;
  }

  function token() public view returns (IERC20) {
    return _token;
  }

  function requestStorage(Request calldata request) public {
    RequestId id = request.id();
    Ask calldata ask = request.ask;
    if (request.client != msg.sender) revert Marketplace_InvalidClientAddress();
    if (_requests[id].client != address(0)) revert Marketplace_RequestAlreadyExists();
    if (request.expiry == 0 || request.expiry >= ask.duration) revert Marketplace_InvalidExpiry();
    if (ask.slots == 0) revert Marketplace_InsufficientSlots();
    if (ask.maxSlotLoss > ask.slots) revert Marketplace_InvalidMaxSlotLoss();
    if (ask.duration == 0) revert Marketplace_InsufficientDuration();
    if (ask.proofProbability == 0) revert Marketplace_InsufficientProofProbability();
    if (ask.collateralPerByte == 0) revert Marketplace_InsufficientCollateral();
    if (ask.pricePerBytePerSecond == 0) revert Marketplace_InsufficientReward();
    if (request.content.cid.length == 0) revert Marketplace_InvalidCid();
    if (ask.duration > _config.requestDurationLimit) revert Marketplace_DurationExceedsLimit();

    _requests[id] = request;
    RequestContext storage context = _contexts[id];
    context.endsAt = uint64(block.timestamp) + ask.duration;
    context.expiresAt = uint64(block.timestamp) + request.expiry;
    _requestsByClient[msg.sender].add(RequestId.unwrap(id));

    uint256 amount = Requests.maxPrice(ask);
    context.fundsToReturnToClient = amount;
    _pull(msg.sender, amount);
    emit StorageRequested(id, ask, context.expiresAt);
  }

  /// Fills a reserved slot; `proof` must verify against the challenge of this block's period.
  function fillSlot(RequestId requestId, uint64 slotIndex, Groth16Proof calldata proof)
    public
    requestIsKnown(requestId)
  {
    Request storage request = _requests[requestId];
    if (slotIndex >= request.ask.slots) revert Marketplace_InvalidSlot();
    SlotId slotId = Requests.slotId(requestId, slotIndex);
    if (!_hasReserved(slotId, msg.sender)) revert Marketplace_ReservationRequired();

    Slot storage slot = _slots[slotId];
    slot.requestId = requestId;
    slot.slotIndex = slotIndex;
    SlotState state = slotState(slotId);
    if (state != SlotState.Free && state != SlotState.Repair) revert Marketplace_SlotNotFree();

    slot.host = msg.sender;
    slot.filledAt = uint64(block.timestamp);
    _startRequiringProofs(slotId);
    submitProof(slotId, proof);

    RequestContext storage context = _contexts[requestId];
    context.slotsFilled += 1;
    context.fundsToReturnToClient -= _slotPayout(requestId, slot.filledAt, context.endsAt);

    // A host repairing a slot deposits less; the difference is its repair reward, paid back with
    // the full collateral at the end.
    uint256 collateralPerSlot = request.ask.collateralPerSlot();
    uint256 deposit = collateralPerSlot;
    if (state == SlotState.Repair) {
      deposit -= (collateralPerSlot * _config.collateral.repairRewardPercentage) / 100;
    }
    _pull(msg.sender, deposit);
    slot.currentCollateral = collateralPerSlot;
    _slotsByHost[msg.sender].add(SlotId.unwrap(slotId));
    slot.state = SlotState.Filled;
    emit SlotFilled(requestId, slotIndex);

    if (context.slotsFilled == request.ask.slots && context.state == RequestState.New) {
      context.state = RequestState.Started;
      context.startedAt = uint64(block.timestamp);
      emit RequestFulfilled(requestId);
    }
  }

  function freeSlot(SlotId slotId) public {
    freeSlot(slotId, msg.sender, msg.sender);
  }

  /// Pays a finished or cancelled slot out (reward and collateral to the given recipients), forgets
  /// a failed one, and gives up a running one without its collateral.
  function freeSlot(SlotId slotId, address rewardRecipient, address collateralRecipient)
    public
    slotIsNotFree(slotId)
  {
    Slot storage slot = _slots[slotId];
    if (slot.host != msg.sender) revert Marketplace_InvalidSlotHost();
    SlotState state = slotState(slotId);
    if (state == SlotState.Paid) revert Marketplace_AlreadyPaid();

    if (state == SlotState.Finished) {
      _contexts[slot.requestId].state = RequestState.Finished;
      _requestsByClient[_requests[slot.requestId].client].remove(RequestId.unwrap(slot.requestId));
      _payOut(slotId, _contexts[slot.requestId].endsAt, rewardRecipient, collateralRecipient);
    } else if (state == SlotState.Cancelled) {
      _payOut(slotId, _contexts[slot.requestId].expiresAt, rewardRecipient, collateralRecipient);
    } else if (state == SlotState.Failed) {
      _slotsByHost[msg.sender].remove(SlotId.unwrap(slotId));
    } else if (state == SlotState.Filled) {
      _forciblyFreeSlot(slotId);
    }
  }

  function submitProof(SlotId id, Groth16Proof calldata proof) public requestIsKnown(_slots[id].requestId) {
    Slot storage slot = _slots[id];
    if (msg.sender != slot.host) revert Marketplace_ProofNotSubmittedByHost();
    uint256[] memory pubSignals = new uint256[](3);
    pubSignals[0] = _challengeToFieldElement(getChallenge(id));
    pubSignals[1] = _littleEndianToUint(_requests[slot.requestId].content.merkleRoot);
    pubSignals[2] = slot.slotIndex;
    _proofReceived(id, proof, pubSignals);
  }

  /// Reverts with the reason the proof of `period` cannot be marked missing now.
  function canMarkProofAsMissing(SlotId slotId, Period period) public view slotAcceptsProofs(slotId) {
    _canMarkProofAsMissing(slotId, period);
  }

  /// Slashes the host for a required proof it did not submit; the caller gets the validator
  /// reward, and the slot is freed after maxNumberOfSlashes misses.
  function markProofAsMissing(SlotId slotId, Period period) public slotAcceptsProofs(slotId) {
    _markProofAsMissing(slotId, period);
    Slot storage slot = _slots[slotId];
    uint256 slashed = (_requests[slot.requestId].ask.collateralPerSlot() * _config.collateral.slashPercentage) / 100;
    uint256 reward = (slashed * _config.collateral.validatorRewardPercentage) / 100;
    slot.currentCollateral -= slashed;
    _send(msg.sender, reward);
    if (missingProofs(slotId) >= _config.collateral.maxNumberOfSlashes) {
      _forciblyFreeSlot(slotId);
    }
  }

  function withdrawFunds(RequestId requestId) public {
    withdrawFunds(requestId, msg.sender);
  }

  /// Returns to the client what the hosts did not earn, once the request is over.
  function withdrawFunds(RequestId requestId, address withdrawRecipient) public requestIsKnown(requestId) {
    Request storage request = _requests[requestId];
    RequestContext storage context = _contexts[requestId];
    if (request.client != msg.sender) revert Marketplace_InvalidClientAddress();
    RequestState state = requestState(requestId);
    if (state != RequestState.Cancelled && state != RequestState.Failed && state != RequestState.Finished) {
      revert Marketplace_InvalidState();
    }
    if (context.fundsToReturnToClient == 0) revert Marketplace_NothingToWithdraw();

    if (state == RequestState.Cancelled) {
      context.state = RequestState.Cancelled;
      emit RequestCancelled(requestId);
      // Hosts of a cancelled request are paid only up to the expiry.
      context.fundsToReturnToClient +=
        context.slotsFilled * _slotPayout(requestId, context.expiresAt, context.endsAt);
    } else if (state == RequestState.Failed) {
      context.fundsToReturnToClient = request.ask.maxPrice();
    } else {
      context.state = RequestState.Finished;
    }
    _requestsByClient[request.client].remove(RequestId.unwrap(requestId));
    uint256 amount = context.fundsToReturnToClient;
    context.fundsToReturnToClient = 0;
    _send(withdrawRecipient, amount);
  }

  function getRequest(RequestId requestId) public view requestIsKnown(requestId) returns (Request memory) {
    return _requests[requestId];
  }

  function getActiveSlot(SlotId slotId) public view slotIsNotFree(slotId) returns (ActiveSlot memory) {
    Slot storage slot = _slots[slotId];
    return ActiveSlot(_requests[slot.requestId], slot.slotIndex);
  }

  function getHost(SlotId slotId) public view returns (address) {
    return _slots[slotId].host;
  }

  function currentCollateral(SlotId slotId) public view returns (uint256) {
    return _slots[slotId].currentCollateral;
  }

  function myRequests() public view returns (RequestId[] memory ids) {
    bytes32[] storage values = _requestsByClient[msg.sender].values;
    ids = new RequestId[](values.length);
    for (uint256 i = 0; i < values.length; i++) ids[i] = RequestId.wrap(values[i]);
  }

  function mySlots() public view returns (SlotId[] memory ids) {
    bytes32[] storage values = _slotsByHost[msg.sender].values;
    ids = new SlotId[](values.length);
    for (uint256 i = 0; i < values.length; i++) ids[i] = SlotId.wrap(values[i]);
  }

  /// The stored state, except that a New request past its expiry reads Cancelled and a New or
  /// Started one past its end reads Finished.
  function requestState(RequestId requestId) public view requestIsKnown(requestId) returns (RequestState) {
    RequestContext storage context = _contexts[requestId];
    uint64 now_ = uint64(block.timestamp);
    if (context.state == RequestState.New && now_ > context.expiresAt) return RequestState.Cancelled;
    if ((context.state == RequestState.New || context.state == RequestState.Started) && now_ > context.endsAt) {
      return RequestState.Finished;
    }
    return context.state;
  }

  /// Free for a slot never touched; otherwise Paid, or the request's end state, or the stored one.
  function slotState(SlotId slotId) public view override(Proofs, SlotReservations) returns (SlotState) {
    Slot storage slot = _slots[slotId];
    if (RequestId.unwrap(slot.requestId) == 0) return SlotState.Free;
    if (slot.state == SlotState.Paid) return SlotState.Paid;
    RequestState request = requestState(slot.requestId);
    if (request == RequestState.Cancelled) return SlotState.Cancelled;
    if (request == RequestState.Finished) return SlotState.Finished;
    if (request == RequestState.Failed) return SlotState.Failed;
    return slot.state;
  }

  function requestEnd(RequestId requestId) public view returns (uint64) {
    RequestState state = requestState(requestId);
    RequestContext storage context = _contexts[requestId];
    if (state == RequestState.New || state == RequestState.Started) return context.endsAt;
    if (state == RequestState.Cancelled) return context.expiresAt;
    return block.timestamp < context.endsAt ? uint64(block.timestamp) : context.endsAt;
  }

  function requestExpiry(RequestId requestId) public view returns (uint64) {
    return _contexts[requestId].expiresAt;
  }

  /// The request's proofProbability scaled by the share of pointer values outside the downtime.
  function slotProbability(SlotId slotId) public view override returns (uint256) {
    uint256 probability = _requests[_slots[slotId].requestId].ask.proofProbability;
    return (probability * (256 - _config.proofs.downtime)) / 256;
  }

  function _forciblyFreeSlot(SlotId slotId) private {
    Slot storage slot = _slots[slotId];
    RequestId requestId = slot.requestId;
    RequestContext storage context = _contexts[requestId];
    context.fundsToReturnToClient += _slotPayout(requestId, slot.filledAt, context.endsAt);
    _slotsByHost[slot.host].remove(SlotId.unwrap(slotId));
    _clearReservations(slotId);
    slot.state = SlotState.Repair;
    slot.filledAt = 0;
    slot.currentCollateral = 0;
    slot.host = address(0);
    context.slotsFilled -= 1;
    emit SlotFreed(requestId, slot.slotIndex);
    _resetMissingProofs(slotId);

    Request storage request = _requests[requestId];
    if (request.ask.slots - context.slotsFilled > request.ask.maxSlotLoss && context.state == RequestState.Started) {
      context.state = RequestState.Failed;
      context.endsAt = uint64(block.timestamp) - 1;
      emit RequestFailed(requestId);
    }
  }

  /// Pays the host for the time from filling to `until`, returns its collateral, marks it Paid.
  function _payOut(SlotId slotId, uint64 until, address rewardRecipient, address collateralRecipient) private {
    Slot storage slot = _slots[slotId];
    _slotsByHost[slot.host].remove(SlotId.unwrap(slotId));
    uint256 payout = _slotPayout(slot.requestId, slot.filledAt, until);
    uint256 collateral = slot.currentCollateral;
    slot.state = SlotState.Paid;
    _send(rewardRecipient, payout);
    _send(collateralRecipient, collateral);
  }

  function _slotPayout(RequestId requestId, uint64 from, uint64 until) private view returns (uint256) {
    if (from >= until) revert Marketplace_StartNotBeforeExpiry();
    return (until - from) * _requests[requestId].ask.pricePerSlotPerSecond();
  }

  /// The first 31 bytes of the challenge read little-endian, so the value is below the field order
  /// (spec datapath.md §11.3).
  function _challengeToFieldElement(bytes32 challenge) private pure returns (uint256) {
    return _littleEndianToUint(challenge & ~bytes32(uint256(0xff)));
  }

  function _littleEndianToUint(bytes32 value) private pure returns (uint256 result) {
    uint256 v = uint256(value);
    // Reverses the 32 bytes: swap adjacent bytes, then 2-byte, 4-byte, ... 16-byte halves.
    v = ((v & 0xff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00) >> 8)
      | ((v & 0x00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff) << 8);
    v = ((v & 0xffff0000ffff0000ffff0000ffff0000ffff0000ffff0000ffff0000ffff0000) >> 16)
      | ((v & 0x0000ffff0000ffff0000ffff0000ffff0000ffff0000ffff0000ffff0000ffff) << 16);
    v = ((v & 0xffffffff00000000ffffffff00000000ffffffff00000000ffffffff00000000) >> 32)
      | ((v & 0x00000000ffffffff00000000ffffffff00000000ffffffff00000000ffffffff) << 32);
    v = ((v & 0xffffffffffffffff0000000000000000ffffffffffffffff0000000000000000) >> 64)
      | ((v & 0x0000000000000000ffffffffffffffff0000000000000000ffffffffffffffff) << 64);
    result = (v >> 128) | (v << 128);
  }

  function _pull(address from, uint256 amount) private {
    if (!_token.transferFrom(from, address(this), amount)) revert Marketplace_TransferFailed();
  }

  function _send(address to, uint256 amount) private {
    if (!_token.transfer(to, amount)) revert Marketplace_TransferFailed();
  }
}
