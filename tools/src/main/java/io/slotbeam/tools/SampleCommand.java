package io.slotbeam.tools;

import io.slotbeam.core.cid.Cid;
import io.slotbeam.core.field.Fr;
import io.slotbeam.core.hash.CellHasher;
import io.slotbeam.core.manifest.Manifest;
import io.slotbeam.core.manifest.StoredManifests;
import io.slotbeam.core.slots.CellSelector;
import io.slotbeam.core.slots.CircuitParams;
import io.slotbeam.core.slots.ProofInput;
import io.slotbeam.core.slots.ProofInputJson;
import io.slotbeam.prover.circuit.ProofFiles;
import io.slotbeam.core.slots.Sampler;
import io.slotbeam.core.store.BlockStore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code slotbeam sample --repo DIR --manifest CID --slot I --entropy N|--challenge HEX --out FILE}:
 * writes the storage-proof circuit input for one slot of a stored verifiable dataset.
 */
final class SampleCommand implements Command {
  @Override
  public String name() {
    return "sample";
  }

  @Override
  public String arguments() {
    return "";
  }

  @Override
  public String summary() {
    return "sample a slot for a challenge and write the circuit input JSON";
  }

  @Override
  public Options options() {
    return new Options()
        .addOption(RepoOption.OPTION)
        .addOption(OptionSpecs.required("manifest", "CID", "the verifiable manifest"))
        .addOption(OptionSpecs.required("slot", "I", "the slot index"))
        .addOption(OptionSpecs.optional("entropy", "N", "the entropy, a decimal field element"))
        .addOption(OptionSpecs.optional("challenge", "HEX", "a 32-byte challenge; entropy = its first 31 bytes, LE"))
        .addOption(ParamsOption.OPTION)
        .addOption(OptionSpecs.required("out", "FILE", "where to write the circuit input JSON"));
  }

  @Override
  public int run(CommandLine line, PrintStream out) throws IOException {
    if (!line.getArgList().isEmpty()) {
      throw new UsageException("sample takes no arguments, got " + line.getArgList());
    }
    Fr entropy = entropy(line);
    CircuitParams params = ParamsOption.get(line);
    int slot = (int) Arguments.longOption(line, "slot", 0, Integer.MAX_VALUE, 0);
    Cid cid = Cid.parse(line.getOptionValue("manifest"));
    BlockStore store = RepoOption.open(line);
    Manifest manifest = StoredManifests.get(store, cid);
    long started = System.nanoTime();
    ProofInput input = new Sampler(store, CellHasher.fastest()).sample(manifest, slot, entropy, params);
    Path target = Path.of(line.getOptionValue("out"));
    ProofFiles.writeAtomically(target, ProofInputJson.toJsonString(input));
    out.printf(
        "wrote %s: slot %d of %d, %d samples of %d cells, in %.0f ms%n",
        target, slot, input.nSlotsPerDataSet(), input.samples().size(), input.nCellsPerSlot(),
        (System.nanoTime() - started) / 1e6);
    return ExitCode.OK;
  }

  private static Fr entropy(CommandLine line) {
    boolean hasEntropy = line.hasOption("entropy");
    if (hasEntropy == line.hasOption("challenge")) {
      throw new UsageException("give exactly one of --entropy and --challenge");
    }
    if (hasEntropy) {
      return Fr.parseDecimal(line.getOptionValue("entropy"));
    }
    String hex = line.getOptionValue("challenge");
    try {
      return CellSelector.entropy(HexFormat.of().parseHex(hex.startsWith("0x") ? hex.substring(2) : hex));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--challenge '" + hex + "': " + e.getMessage());
    }
  }
}
