pragma circom 2.0.0;

// Codex keyed Poseidon2 Merkle trees (spec datapath.md §3.2, §3.4, §4.7): H(x, y, key) with
// key bit0 = "bottom (leaf) layer" and bit1 = "odd node" (a lone last node, compressed with the
// ZERO sibling). Path reconstruction (§3.4 reconstructRoot), level by level from the bottom,
// with j = the node index at the level and m = the number of nodes of the level:
//   j odd       -> h = H(p, h, b)
//   j == m - 1  -> h = H(h, p, b + 2)
//   otherwise   -> h = H(h, p, b)
// where b = 1 at the bottom level of the tree and 0 above. Every tree (block, slot, dataset)
// restarts with b = 1 at its own first level (§12 item 9).

include "poseidon2.circom";

// One level: h' = H(left, right, key) with (left, right) = bit ? (p, h) : (h, p).
// bit must be binary (the caller guarantees it). Cost: 1 + 240 constraints.
template MerkleLevel() {
  signal input h;
  signal input p;
  signal input bit;
  signal input key;
  signal output out;

  signal left;
  left <== bit * (p - h) + h;

  component c = Poseidon2Compress();
  c.a <== left;
  c.b <== h + p - left;
  c.key <== key;
  out <== c.out;
}

// Root of a full tree of exactly 2^depth leaves (a block tree): no node is ever a lone last
// node (at every level the last node has odd index), so the key is 1 at level 0 and 0 above.
// indexBits[i] = bit i of the leaf index (binary, checked by the caller); path bottom first.
template KeyedMerkleRootFull(depth) {
  signal input leaf;
  signal input indexBits[depth];
  signal input path[depth];
  signal output root;

  component lv[depth];
  for (var i = 0; i < depth; i++) {
    lv[i] = MerkleLevel();
    if (i == 0) {
      lv[i].h <== leaf;
      lv[i].key <== 1;
    } else {
      lv[i].h <== lv[i - 1].out;
      lv[i].key <== 0;
    }
    lv[i].p <== path[i];
    lv[i].bit <== indexBits[i];
  }
  root <== lv[depth - 1].out;
}

// All maxDepth levels of a reconstruction in a tree of nLeaves leaves, with the odd-node rule.
// Inputs: indexBits = bits of the leaf index, lastBits = bits of lastIndex = nLeaves - 1 (both
// binary, checked by the caller, with index <= lastIndex). At level i, j = index >> i and
// m - 1 = ceil(nLeaves / 2^i) - 1 = lastIndex >> i, so "j == m - 1" is "the bits i.. of index and
// lastIndex agree": eq[i] = prod_{k >= i} (indexBits[k] == lastBits[k]). A node is odd when
// eq[i] = 1 and it is a left child: odd[i] = (1 - indexBits[i]) * eq[i]; key = b + 2 * odd[i].
// levels[0] = leaf, levels[i + 1] = the node after level i; the caller selects the level of the
// real depth, so path entries (and levels) above it are ignored.
// Cost: maxDepth * (240 + 4) constraints.
template KeyedMerkleLevels(maxDepth) {
  signal input leaf;
  signal input indexBits[maxDepth];
  signal input lastBits[maxDepth];
  signal input path[maxDepth];
  signal output levels[maxDepth + 1];

  signal differ[maxDepth];   // indexBits[i] XOR lastBits[i]
  signal eq[maxDepth + 1];   // index >> i == lastIndex >> i
  signal odd[maxDepth];      // lone last node at level i

  eq[maxDepth] <== 1;
  for (var i = maxDepth - 1; i >= 0; i--) {
    differ[i] <== indexBits[i] + lastBits[i] - 2 * indexBits[i] * lastBits[i];
    eq[i] <== eq[i + 1] * (1 - differ[i]);
    odd[i] <== (1 - indexBits[i]) * eq[i];
  }

  component lv[maxDepth];
  levels[0] <== leaf;
  for (var i = 0; i < maxDepth; i++) {
    lv[i] = MerkleLevel();
    lv[i].h <== levels[i];
    lv[i].p <== path[i];
    lv[i].bit <== indexBits[i];
    if (i == 0) {
      lv[i].key <== 1 + 2 * odd[i];
    } else {
      lv[i].key <== 2 * odd[i];
    }
    levels[i + 1] <== lv[i].out;
  }
}

// sum_i sel[i] * values[i] for a one-hot sel (checked by the caller). Cost: n constraints.
template SelectOneHot(n) {
  signal input sel[n];
  signal input values[n];
  signal output out;

  signal prod[n];
  var acc = 0;
  for (var i = 0; i < n; i++) {
    prod[i] <== sel[i] * values[i];
    acc += prod[i];
  }
  out <== acc;
}
