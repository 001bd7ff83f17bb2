// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import "./Configuration.sol";
import "./Requests.sol";

/// Up to maxReservations hosts may reserve a free slot before one of them fills it (spec node.md
/// §5.3 reserveSlot); a slot freed by force drops its reservations.
abstract contract SlotReservations {
  error SlotReservations_ReservationNotAllowed();

  event SlotReservationsFull(RequestId indexed requestId, uint64 slotIndex);

  uint8 private immutable _maxReservations;
  mapping(SlotId => address[]) private _reservations;

  constructor(SlotReservationsConfig memory config) {
    _maxReservations = config.maxReservations;
  }

  function slotState(SlotId id) public view virtual returns (SlotState);

  function reserveSlot(RequestId requestId, uint64 slotIndex) public {
    if (!canReserveSlot(requestId, slotIndex)) revert SlotReservations_ReservationNotAllowed();
    SlotId id = Requests.slotId(requestId, slotIndex);
    _reservations[id].push(msg.sender);
    if (_reservations[id].length == _maxReservations) emit SlotReservationsFull(requestId, slotIndex);
  }

  /// Whether msg.sender may reserve the slot now (an eth_call must set `from`).
  function canReserveSlot(RequestId requestId, uint64 slotIndex) public view returns (bool) {
    SlotId id = Requests.slotId(requestId, slotIndex);
    SlotState state = slotState(id);
    return (state == SlotState.Free || state == SlotState.Repair)
      && _reservations[id].length < _maxReservations
      && !_hasReserved(id, msg.sender);
  }

  function _hasReserved(SlotId id, address host) internal view returns (bool) {
    address[] storage hosts = _reservations[id];
    for (uint256 i = 0; i < hosts.length; i++) {
      if (hosts[i] == host) return true;
    }
    return false;
  }

  function _clearReservations(SlotId id) internal {
    delete _reservations[id];
  }
}
