// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// A set of bytes32 with O(1) add, remove and membership, listed in no particular order.
struct Bytes32Set {
  bytes32[] values;
  mapping(bytes32 => uint256) positions; // index + 1; 0 means absent
}

library Bytes32Sets {
  function add(Bytes32Set storage set, bytes32 value) internal {
    if (set.positions[value] != 0) return;
    set.values.push(value);
    set.positions[value] = set.values.length;
  }

  /// Moves the last value into the removed one's place.
  function remove(Bytes32Set storage set, bytes32 value) internal {
    uint256 position = set.positions[value];
    if (position == 0) return;
    bytes32 last = set.values[set.values.length - 1];
    set.values[position - 1] = last;
    set.positions[last] = position;
    set.values.pop();
    delete set.positions[value];
  }
}
