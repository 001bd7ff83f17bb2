pragma circom 2.0.0;

// The Codex storage-proof circuit (spec datapath.md §10): for one slot of a dataset, prove that
// nSamples cells, selected from the public entropy and the slot root, are the leaves of the slot
// tree at the derived indices, and that the slot root is leaf slotIndex of the dataset tree.
//
// Written for slotbeam from the spec; same template name, parameters, signal names and public
// inputs as the deployed Codex circuit, so Codex circuit input JSON (§9.5) fits it unchanged.
// Needs circomlib on the library path (-l <node_modules>); built by
// circuits/src/main/scripts/build-circuit.sh, which writes the main component
//   component main {public [entropy, dataSetRoot, slotIndex]} = SampleAndProve(PARAMS);
//
// Cost (circom 2.2.3 via circom2 0.2.23, --O2; all constraints non-linear):
//   SampleAndProve(32, 8, 5, 67, n) = 2,034 + 17,001·n  ->  87,039 for n = 5
//     (upstream Codex circuit: 2,022 + 17,556·n = 89,802)
//   SampleAndProve(8, 3, 5, 67, n)  =   755 + 11,097·n  ->  22,949 for n = 2
// Per sample (full): index sponge 2·240, canonical decomposition 514, cell sponge 34·240,
// block tree 5·241, slot tree 27·244, masks and level selection 2·27. Fixed part: the dataset
// tree 8·244 plus the range/depth checks of nSlotsPerDataSet, slotIndex and nCellsPerSlot.

include "poseidon2.circom";
include "keyed_merkle.circom";
include "circomlib/circuits/bitify.circom";
include "circomlib/circuits/comparators.circom";

// Witness helper: max(bit length of x, 1) for 0 <= x < 2^254 (the dataset tree depth for
// x = nSlots - 1: ceil(log2 nSlots), but 1 for a single slot).
function TreeDepthOfLastIndex(x) {
  var d = 0;
  var y = x;
  while (y != 0 && d < 254) {
    y = y >> 1;
    d++;
  }
  return d == 0 ? 1 : d;
}

// The dataset level (§10.3 item 1): slotRoot is leaf slotIndex of the dataset tree of
// nSlotsPerDataSet leaves (keyed tree with the odd-node rule) whose root is dataSetRoot.
// Constrains 1 <= nSlotsPerDataSet <= 2^maxLog2NSlots and slotIndex < nSlotsPerDataSet; the path
// has depth d = max(ceil(log2 nSlotsPerDataSet), 1) entries (the rest of slotProof is ignored).
template DatasetInclusion(maxLog2NSlots) {
  signal input slotRoot;
  signal input slotIndex;
  signal input nSlotsPerDataSet;
  signal input dataSetRoot;
  signal input slotProof[maxLog2NSlots];

  var M = maxLog2NSlots;

  // Bits of lastIndex = nSlots - 1 (this also forces 1 <= nSlots <= 2^M) and of slotIndex.
  component lastBits = Num2Bits(M);
  lastBits.in <== nSlotsPerDataSet - 1;
  component indexBits = Num2Bits(M);
  indexBits.in <== slotIndex;

  // slotIndex < nSlotsPerDataSet (both < 2^(M+1)).
  component inRange = LessThan(M + 1);
  inRange.in[0] <== slotIndex;
  inRange.in[1] <== nSlotsPerDataSet;
  inRange.out === 1;

  // depthSel[k - 1] = 1 iff the tree depth is k (k = 1..M); one-hot, and depth = bit length of
  // lastIndex, or 1 when lastIndex < 2: all bits of lastIndex at or above the depth are zero, and
  // for a depth k >= 2 bit k - 1 is set.
  signal depthSel[M];
  var depth = TreeDepthOfLastIndex(nSlotsPerDataSet - 1);
  var oneHot = 0;
  for (var k = 1; k <= M; k++) {
    depthSel[k - 1] <-- depth == k ? 1 : 0;
    depthSel[k - 1] * (depthSel[k - 1] - 1) === 0;
    oneHot += depthSel[k - 1];
  }
  oneHot === 1;
  for (var i = 0; i < M; i++) {
    // below[i] = 1 iff i < depth.
    var below = 0;
    for (var k = i + 1; k <= M; k++) {
      below += depthSel[k - 1];
    }
    lastBits.out[i] * (1 - below) === 0;
  }
  for (var k = 2; k <= M; k++) {
    depthSel[k - 1] * (1 - lastBits.out[k - 1]) === 0;
  }

  component tree = KeyedMerkleLevels(M);
  tree.leaf <== slotRoot;
  tree.indexBits <== indexBits.out;
  tree.lastBits <== lastBits.out;
  tree.path <== slotProof;

  component root = SelectOneHot(M);
  for (var k = 1; k <= M; k++) {
    root.sel[k - 1] <== depthSel[k - 1];
    root.values[k - 1] <== tree.levels[k];
  }
  root.out === dataSetRoot;
}

// One sample (§10.3 items 3, 4): cell index = the low log2(nCellsPerSlot) bits of the canonical
// decomposition of sponge([entropy, slotRoot, counter]); the cell (hash of cellData) with
// merklePath reconstructs slotRoot: block tree (blockTreeDepth levels, 2^blockTreeDepth leaves),
// then the slot tree (its own bottom level; depth max(L - blockTreeDepth, 1), 2^(L -
// blockTreeDepth) leaves) for nCellsPerSlot = 2^L.
// cellsSel[k] = 1 iff L = blockTreeDepth + k (one-hot, k = 0..maxDepth - blockTreeDepth, checked
// by SampleAndProve).
template SampleCell(maxDepth, blockTreeDepth, nFieldElemsPerCell, counter) {
  signal input entropy;
  signal input slotRoot;
  signal input cellsSel[maxDepth - blockTreeDepth + 1];
  signal input cellData[nFieldElemsPerCell];
  signal input merklePath[maxDepth];

  var B = blockTreeDepth;
  var S = maxDepth - blockTreeDepth; // most slot-tree levels

  // cellMask[i] = 1 iff i < L (linear in cellsSel).
  var cellMask[maxDepth];
  for (var i = 0; i < maxDepth; i++) {
    cellMask[i] = 0;
    for (var k = 0; k <= S; k++) {
      if (B + k > i) {
        cellMask[i] += cellsSel[k];
      }
    }
  }

  // Index derivation: 2 permutations, canonical 254-bit decomposition (Num2Bits + alias check
  // against r), then the low L bits.
  component seed = Poseidon2SpongeRate2(3);
  seed.inp[0] <== entropy;
  seed.inp[1] <== slotRoot;
  seed.inp[2] <== counter;
  component bits = Num2Bits_strict();
  bits.in <== seed.out;
  signal slotBits[S]; // index bits B..maxDepth-1, masked (zero at and above L)
  for (var i = 0; i < S; i++) {
    slotBits[i] <== bits.out[B + i] * cellMask[B + i];
  }

  component cell = Poseidon2SpongeRate2(nFieldElemsPerCell);
  cell.inp <== cellData;

  // Block tree: full, 2^B leaves (L >= B, so bits 0..B-1 are never masked).
  component block = KeyedMerkleRootFull(B);
  block.leaf <== cell.out;
  for (var i = 0; i < B; i++) {
    block.indexBits[i] <== bits.out[i];
    block.path[i] <== merklePath[i];
  }

  // Slot tree: 2^(L-B) leaves, lastIndex bits = cellMask[B + i]; level max(L - B, 1) is the root.
  component slot = KeyedMerkleLevels(S);
  slot.leaf <== block.root;
  for (var i = 0; i < S; i++) {
    slot.indexBits[i] <== slotBits[i];
    slot.lastBits[i] <== cellMask[B + i];
    slot.path[i] <== merklePath[B + i];
  }
  component root = SelectOneHot(S);
  for (var k = 1; k <= S; k++) {
    if (k == 1) {
      root.sel[0] <== cellsSel[0] + cellsSel[1];
    } else {
      root.sel[k - 1] <== cellsSel[k];
    }
    root.values[k - 1] <== slot.levels[k];
  }
  root.out === slotRoot;
}

// SampleAndProve(maxDepth, maxLog2NSlots, blockTreeDepth, nFieldElemsPerCell, nSamples) (§10.1).
// Inputs as the circuit input JSON (§9.5); public: entropy, dataSetRoot, slotIndex (in this
// order, the declaration order). Path entries beyond the used depths are ignored (zero padding by
// convention); the used depths follow from nCellsPerSlot and nSlotsPerDataSet in-circuit.
// Constraints: nCellsPerSlot = 2^L with blockTreeDepth <= L <= maxDepth; 1 <= nSlotsPerDataSet <=
// 2^maxLog2NSlots; slotIndex < nSlotsPerDataSet; every sample and the slot root as above.
template SampleAndProve(maxDepth, maxLog2NSlots, blockTreeDepth, nFieldElemsPerCell, nSamples) {
  assert(blockTreeDepth >= 1);
  assert(maxDepth > blockTreeDepth);
  assert(maxDepth <= 252);
  assert(maxLog2NSlots >= 1);
  assert(maxLog2NSlots <= 251);
  assert(nFieldElemsPerCell >= 1);
  assert(nSamples >= 1);

  signal input entropy;
  signal input dataSetRoot;
  signal input slotIndex;
  signal input slotRoot;
  signal input nCellsPerSlot;
  signal input nSlotsPerDataSet;
  signal input slotProof[maxLog2NSlots];
  signal input cellData[nSamples][nFieldElemsPerCell];
  signal input merklePaths[nSamples][maxDepth];

  var B = blockTreeDepth;
  var S = maxDepth - blockTreeDepth;

  // nCellsPerSlot = 2^(B + k) for exactly one k in 0..S: cellsSel is a binary one-hot vector
  // whose weighted sum is nCellsPerSlot.
  signal cellsSel[S + 1];
  var oneHot = 0;
  var weighted = 0;
  for (var k = 0; k <= S; k++) {
    cellsSel[k] <-- nCellsPerSlot == (1 << (B + k)) ? 1 : 0;
    cellsSel[k] * (cellsSel[k] - 1) === 0;
    oneHot += cellsSel[k];
    weighted += cellsSel[k] * (1 << (B + k));
  }
  oneHot === 1;
  weighted === nCellsPerSlot;

  component dataset = DatasetInclusion(maxLog2NSlots);
  dataset.slotRoot <== slotRoot;
  dataset.slotIndex <== slotIndex;
  dataset.nSlotsPerDataSet <== nSlotsPerDataSet;
  dataset.dataSetRoot <== dataSetRoot;
  dataset.slotProof <== slotProof;

  component sample[nSamples];
  for (var s = 0; s < nSamples; s++) {
    sample[s] = SampleCell(maxDepth, blockTreeDepth, nFieldElemsPerCell, s + 1);
    sample[s].entropy <== entropy;
    sample[s].slotRoot <== slotRoot;
    sample[s].cellsSel <== cellsSel;
    sample[s].cellData <== cellData[s];
    sample[s].merklePath <== merklePaths[s];
  }
}
