// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

// Storage requests, their ids and their prices (spec node.md §5.1, §5.2). The struct layouts are
// the Codex ones: they fix requestId and the requestStorage selector.

type RequestId is bytes32;
type SlotId is bytes32;

struct Request {
  address client;
  Ask ask;
  Content content;
  uint64 expiry; // seconds after the request is made, relative
  bytes32 nonce;
}

struct Ask {
  uint256 proofProbability; // about one proof every proofProbability periods
  uint256 pricePerBytePerSecond;
  uint256 collateralPerByte;
  uint64 slots;
  uint64 slotSize; // bytes
  uint64 duration; // seconds
  uint64 maxSlotLoss;
}

struct Content {
  bytes cid; // binary CIDv1 of the verifiable manifest
  bytes32 merkleRoot; // dataset (verify) root, a field element in 32 bytes little-endian
}

enum RequestState {
  New,
  Started,
  Cancelled,
  Finished,
  Failed
}

enum SlotState {
  Free,
  Filled,
  Finished,
  Failed,
  Paid,
  Cancelled,
  Repair
}

library Requests {
  /// keccak256 of the ABI encoding of the whole request (a dynamic tuple).
  function id(Request memory request) internal pure returns (RequestId) {
    return RequestId.wrap(keccak256(abi.encode(request)));
  }

  /// keccak256(requestId ‖ uint256(slotIndex)).
  function slotId(RequestId requestId, uint64 slotIndex) internal pure returns (SlotId) {
    return SlotId.wrap(keccak256(abi.encode(requestId, slotIndex)));
  }

  function collateralPerSlot(Ask memory ask) internal pure returns (uint256) {
    return ask.collateralPerByte * ask.slotSize;
  }

  function pricePerSlotPerSecond(Ask memory ask) internal pure returns (uint256) {
    return ask.pricePerBytePerSecond * ask.slotSize;
  }

  /// What the client pays up front: every slot for the whole duration.
  function maxPrice(Ask memory ask) internal pure returns (uint256) {
    return uint256(ask.slots) * ask.duration * pricePerSlotPerSecond(ask);
  }
}
