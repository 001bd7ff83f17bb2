package io.slotbeam.core.slots;

import io.slotbeam.core.field.Fr;
import io.slotbeam.core.hash.Poseidon2Compressor;
import io.slotbeam.core.hash.Poseidon2Sponge;
import io.slotbeam.core.merkle.MerkleProof;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a {@link ProofInput} against everything the circuit {@code SampleAndProve} constrains
 * (spec datapath §10.3), with Poseidon2 and the keyed tree alone (§9.6) — a proof input that
 * passes here gives a witness; one that fails would make the prover fail.
 *
 * <ul>
 *   <li>the dataset fits the circuit ({@link CircuitParams#check}), {@code slotIndex <
 *       nSlotsPerDataSet};
 *   <li>{@code slotProof} has {@code maxLog2NSlots} entries: {@code depthFor(nSlotsPerDataSet)}
 *       siblings leading from {@code slotRoot} (leaf {@code slotIndex}) to {@code dataSetRoot},
 *       then zeros;
 *   <li>{@code samples} entries; sample {@code i} (counting from 0, as in the JSON arrays) is cell
 *       {@code c = }{@link CellSelector#cellIndex cellIndex}{@code (entropy, slotRoot,
 *       nCellsPerSlot, i + 1)}, has {@code cellElements} elements whose rate-2 sponge is the leaf,
 *       and {@code maxDepth} path entries: {@code blockTreeDepth} siblings in the block tree (leaf
 *       {@code c mod cellsPerBlock} of {@code cellsPerBlock}), then the slot tree's siblings (leaf
 *       {@code c / cellsPerBlock} of {@code nCellsPerSlot / cellsPerBlock}; one ZERO sibling for a
 *       single-block slot, §12.14) leading to {@code slotRoot}, then zeros.
 * </ul>
 *
 * <p>Each tree starts again with the bottom-layer key (§12.9). The checker never throws on a
 * {@code ProofInput}: it reports every failure it finds, e.g. {@code "sample 2 (cell 307): merkle
 * path does not lead to slotRoot"}. Padding entries are required to be zero although the circuit
 * ignores them, because every Codex producer writes zeros there.
 */
public final class ProofInputChecker {
  private static final Poseidon2Compressor P2 = Poseidon2Compressor.INSTANCE;

  private ProofInputChecker() {}

  /** The outcome of a check: every failure found, in the order checked; none when it passed. */
  public record Result(List<String> failures) {
    public Result {
      failures = List.copyOf(failures);
    }

    /** Whether the circuit would accept the input. */
    public boolean ok() {
      return failures.isEmpty();
    }

    /** The first failure found, or empty when the input passed. */
    public Optional<String> firstFailure() {
      return failures.stream().findFirst();
    }
  }

  /** Checks {@code input} for the circuit {@code params}; reports, never throws. */
  public static Result check(ProofInput input, CircuitParams params) {
    List<String> failures = new ArrayList<>();
    checkDataset(input, params, failures);
    checkSamples(input, params, failures);
    return new Result(failures);
  }

  /**
   * Checks {@code input} and throws when it fails.
   *
   * @throws InvalidProofInputException listing every failure
   */
  public static void checkOrThrow(ProofInput input, CircuitParams params) {
    Result result = check(input, params);
    if (!result.ok()) {
      throw new InvalidProofInputException(
          "proof input for circuit " + params + " fails: " + String.join("; ", result.failures()));
    }
  }

  /** The slot root's path to the dataset root (§10.3 item 1). */
  private static void checkDataset(ProofInput input, CircuitParams params, List<String> failures) {
    int nSlots = input.nSlotsPerDataSet();
    boolean walkable = true;
    Optional<String> slotsMisfit = params.slotsMisfit(nSlots);
    if (slotsMisfit.isPresent()) {
      failures.add(slotsMisfit.get());
      walkable = false;
    } else if (input.slotIndex() >= nSlots) {
      failures.add(
          "slotIndex " + input.slotIndex() + " is not in [0, nSlotsPerDataSet " + nSlots + ")");
      walkable = false;
    }
    List<Fr> slotProof = input.slotProof();
    if (slotProof.size() != params.maxLog2NSlots()) {
      failures.add(
          "slotProof has "
              + slotProof.size()
              + " entries but the circuit takes maxLog2NSlots = "
              + params.maxLog2NSlots());
      walkable = false;
    }
    if (!walkable) {
      return;
    }
    int depth = params.datasetTreeDepth(nSlots);
    for (int k = depth; k < slotProof.size(); k++) {
      if (!slotProof.get(k).isZero()) {
        failures.add(
            "slotProof["
                + k
                + "] is padding beyond the "
                + depth
                + " levels of the dataset tree ("
                + nSlots
                + " slots) and must be 0");
      }
    }
    MerkleProof<Fr> proof =
        new MerkleProof<>(input.slotIndex(), nSlots, slotProof.subList(0, depth));
    if (!proof.verify(input.slotRoot(), input.dataSetRoot(), P2)) {
      failures.add(
          "slotProof does not lead from slotRoot to dataSetRoot (slot "
              + input.slotIndex()
              + " of "
              + nSlots
              + ")");
    }
  }

  /** Each sampled cell's index, hash and path to the slot root (§10.3 items 2-4). */
  private static void checkSamples(ProofInput input, CircuitParams params, List<String> failures) {
    List<ProofInput.Sample> samples = input.samples();
    if (samples.size() != params.samples()) {
      failures.add(
          "samples: "
              + samples.size()
              + " given but the circuit takes samples = "
              + params.samples());
    }
    long nCells = input.nCellsPerSlot();
    Optional<String> cellsMisfit = params.cellsMisfit(nCells);
    cellsMisfit.ifPresent(failures::add);
    for (int i = 0; i < samples.size(); i++) {
      ProofInput.Sample sample = samples.get(i);
      boolean walkable = cellsMisfit.isEmpty();
      if (sample.cellData().size() != params.cellElements()) {
        failures.add(
            "sample "
                + i
                + ": cellData has "
                + sample.cellData().size()
                + " elements but the circuit takes cellElements = "
                + params.cellElements());
        walkable = false;
      }
      if (sample.merklePaths().size() != params.maxDepth()) {
        failures.add(
            "sample "
                + i
                + ": merklePaths has "
                + sample.merklePaths().size()
                + " entries but the circuit takes maxDepth = "
                + params.maxDepth());
        walkable = false;
      }
      if (walkable) {
        checkSample(input, params, i, failures);
      }
    }
  }

  private static void checkSample(
      ProofInput input, CircuitParams params, int i, List<String> failures) {
    ProofInput.Sample sample = input.samples().get(i);
    long nCells = input.nCellsPerSlot();
    long cell = CellSelector.cellIndex(input.entropy(), input.slotRoot(), nCells, i + 1);
    String label = "sample " + i + " (cell " + cell + ")";
    int blockDepth = params.blockTreeDepth();
    int slotDepth = params.slotTreeDepth(nCells);
    List<Fr> path = sample.merklePaths();
    for (int k = blockDepth + slotDepth; k < path.size(); k++) {
      if (!path.get(k).isZero()) {
        failures.add(
            label
                + ": merklePaths["
                + i
                + "]["
                + k
                + "] is padding beyond the "
                + (blockDepth + slotDepth)
                + " path levels and must be 0");
      }
    }
    int cellsPerBlock = params.cellsPerBlock();
    Fr leaf = Poseidon2Sponge.hash(sample.cellData().toArray(new Fr[0]));
    MerkleProof<Fr> inBlock =
        new MerkleProof<>((int) (cell % cellsPerBlock), cellsPerBlock, path.subList(0, blockDepth));
    MerkleProof<Fr> inSlot =
        new MerkleProof<>(
            (int) (cell / cellsPerBlock),
            nCells / cellsPerBlock,
            path.subList(blockDepth, blockDepth + slotDepth));
    Fr blockRoot = inBlock.reconstructRoot(leaf, P2);
    if (!inSlot.verify(blockRoot, input.slotRoot(), P2)) {
      failures.add(label + ": merkle path does not lead to slotRoot");
    }
  }
}
