pragma circom 2.1.0;

// The input signals of the storage-proof circuit (names and nesting as in the Codex circuit input
// JSON), with tiny sizes, for WitnessCalculator.inputsOf(ProofInput); not the proof itself.

template ProofShape(maxLog2NSlots, nSamples, nFieldElemsPerCell, maxDepth) {
    signal input entropy;
    signal input dataSetRoot;
    signal input slotIndex;
    signal input slotRoot;
    signal input nCellsPerSlot;
    signal input nSlotsPerDataSet;
    signal input slotProof[maxLog2NSlots];
    signal input cellData[nSamples][nFieldElemsPerCell];
    signal input merklePaths[nSamples][maxDepth];

    signal output digest;

    // an order-sensitive chain over every input: d' = d * d + x
    var n = 6 + maxLog2NSlots + nSamples * (nFieldElemsPerCell + maxDepth);
    signal chain[n + 1];
    chain[0] <== 1;
    chain[1] <== chain[0] * chain[0] + entropy;
    chain[2] <== chain[1] * chain[1] + dataSetRoot;
    chain[3] <== chain[2] * chain[2] + slotIndex;
    chain[4] <== chain[3] * chain[3] + slotRoot;
    chain[5] <== chain[4] * chain[4] + nCellsPerSlot;
    chain[6] <== chain[5] * chain[5] + nSlotsPerDataSet;
    var k = 6;
    for (var i = 0; i < maxLog2NSlots; i++) {
        chain[k + 1] <== chain[k] * chain[k] + slotProof[i];
        k++;
    }
    for (var s = 0; s < nSamples; s++) {
        for (var j = 0; j < nFieldElemsPerCell; j++) {
            chain[k + 1] <== chain[k] * chain[k] + cellData[s][j];
            k++;
        }
        for (var j = 0; j < maxDepth; j++) {
            chain[k + 1] <== chain[k] * chain[k] + merklePaths[s][j];
            k++;
        }
    }
    digest <== chain[n];
}

component main {public [entropy, dataSetRoot, slotIndex]} = ProofShape(3, 2, 4, 5);
