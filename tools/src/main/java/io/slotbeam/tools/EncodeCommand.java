package io.slotbeam.tools;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slotbeam.core.dataset.Upload;
import io.slotbeam.core.erasure.DatasetEncoder;
import io.slotbeam.core.erasure.ErasureParams;
import io.slotbeam.core.erasure.LeopardEncoder;
import io.slotbeam.core.hash.BlockHasher;
import io.slotbeam.core.manifest.Manifest;
import io.slotbeam.core.manifest.VerificationInfo;
import io.slotbeam.core.slots.DatasetSlots;
import io.slotbeam.core.slots.SlotGeometry;
import io.slotbeam.core.store.BlockStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code slotbeam encode FILE --repo DIR [--ec-k K --ec-m M]}: stores a file as a Codex dataset
 * (blocks, tree, plain manifest), erasure-codes it when asked (parity, protected tree and
 * manifest), and prints what it made. Re-running on the same file stores nothing new, and a run
 * killed midway can simply be run again.
 */
final class EncodeCommand implements Command {
  @Override
  public String name() {
    return "encode";
  }

  @Override
  public String arguments() {
    return "FILE";
  }

  @Override
  public String summary() {
    return "store a file as a Codex dataset in a repository and print its manifest CIDs";
  }

  @Override
  public Options options() {
    return new Options()
        .addOption(RepoOption.OPTION)
        .addOption(BlockSizeOption.OPTION)
        .addOption(
            Option.builder().longOpt("filename").hasArg().argName("NAME").desc("file name to record in the manifest").get())
        .addOption(
            Option.builder().longOpt("mimetype").hasArg().argName("TYPE").desc("MIME type to record in the manifest").get())
        .addOption(
            Option.builder().longOpt("ec-k").hasArg().argName("K").desc("erasure-code with K data blocks per group").get())
        .addOption(
            Option.builder().longOpt("ec-m").hasArg().argName("M").desc("parity blocks per group (with --ec-k)").get())
        .addOption(
            Option.builder()
                .longOpt("cell-size")
                .hasArg()
                .argName("N")
                .desc("cell size in bytes for the slot trees (default " + VerificationInfo.DEFAULT_CELL_SIZE + ")")
                .get())
        .addOption(Option.builder().longOpt("json").desc("print the result as JSON").get());
  }

  @Override
  public int run(CommandLine line, PrintStream out) throws IOException {
    Path file = Arguments.readableFile(Arguments.single(line, "FILE"));
    int blockSize = BlockSizeOption.get(line);
    Optional<ErasureParams> erasure = erasureParameters(line, blockSize);
    int cellSize =
        (int) Arguments.longOption(line, "cell-size", 1, blockSize, VerificationInfo.DEFAULT_CELL_SIZE);
    SlotGeometry.checkCellSize(blockSize, cellSize); // before anything is stored
    BlockStore store = RepoOption.open(line);
    Upload.Stored plain;
    try (InputStream in = Files.newInputStream(file)) {
      plain =
          Upload.store(
              in,
              blockSize,
              Optional.ofNullable(line.getOptionValue("filename")),
              Optional.ofNullable(line.getOptionValue("mimetype")),
              store);
    }
    Optional<Upload.Stored> protectedDataset = Optional.empty();
    Optional<DatasetSlots.Built> verifiable = Optional.empty();
    if (erasure.isPresent()) {
      ErasureParams params = erasure.get();
      Upload.Stored protectedStored =
          Workers.run(
              workers ->
                  new DatasetEncoder(store, workers, LeopardEncoder.fastest())
                      .protect(plain.manifest(), params.k(), params.m()));
      protectedDataset = Optional.of(protectedStored);
      verifiable =
          Optional.of(
              Workers.run(
                  workers ->
                      new DatasetSlots(store, workers, BlockHasher.java())
                          .build(protectedStored.manifest(), cellSize)));
    }
    if (line.hasOption("json")) {
      ObjectNode json = summary(plain);
      protectedDataset.ifPresent(p -> json.set("protected", protectedSummary(p)));
      verifiable.ifPresent(v -> json.set("verifiable", verifiableSummary(v)));
      Json.print(out, json);
    } else {
      printSummary(out, "", plain);
      protectedDataset.ifPresent(p -> printSummary(out, "protected ", p));
      verifiable.ifPresent(
          v -> {
            out.printf("%-22s%s%n", "verifiable manifest", v.verifiable().manifestCid());
            out.printf("%-22s%s%n", "verifiable verifyRoot", v.verifyRoot());
            out.printf("%-22s%d%n", "verifiable slots", v.slotRoots().size());
          });
    }
    return ExitCode.OK;
  }

  private static ObjectNode verifiableSummary(DatasetSlots.Built built) {
    ObjectNode json = Json.object();
    json.put("manifestCid", built.verifiable().manifestCid().toString());
    json.put("verifyRoot", built.verifyRoot().toDecimal());
    ArrayNode slotRoots = json.putArray("slotRoots");
    built.slotRoots().forEach(root -> slotRoots.add(root.toDecimal()));
    json.put("cellSize", built.verifiable().manifest().verification().orElseThrow().cellSize());
    return json;
  }

  /**
   * K and M from {@code --ec-k} and {@code --ec-m}, checked before anything is stored, or empty
   * without erasure coding.
   */
  private static Optional<ErasureParams> erasureParameters(CommandLine line, int blockSize) {
    if (!line.hasOption("ec-k")) {
      if (line.hasOption("ec-m")) {
        throw new UsageException("--ec-m needs --ec-k");
      }
      return Optional.empty();
    }
    int k = (int) Arguments.longOption(line, "ec-k", 1, 65536, 0);
    int m = (int) Arguments.longOption(line, "ec-m", 0, 65536, 1);
    return Optional.of(new ErasureParams(k, m, blockSize));
  }

  private static void printSummary(PrintStream out, String prefix, Upload.Stored dataset) {
    Manifest manifest = dataset.manifest();
    out.printf("%-22s%s%n", prefix + "manifest", dataset.manifestCid());
    out.printf("%-22s%s%n", prefix + "treeCid", manifest.treeCid());
    manifest
        .erasure()
        .ifPresent(e -> out.printf("%-22sK = %d, M = %d%n", prefix + "erasure", e.ecK(), e.ecM()));
    out.printf(
        "%-22s%,d bytes in %d blocks of %,d bytes%n",
        prefix + "dataset", manifest.datasetSize(), manifest.blocksCount(), manifest.blockSize());
  }

  private static ObjectNode summary(Upload.Stored dataset) {
    ObjectNode json = Json.object();
    json.put("manifestCid", dataset.manifestCid().toString());
    json.put("treeCid", dataset.manifest().treeCid().toString());
    json.put("datasetSize", dataset.manifest().datasetSize());
    json.put("blocks", dataset.manifest().blocksCount());
    return json;
  }

  private static ObjectNode protectedSummary(Upload.Stored dataset) {
    ObjectNode json = Json.object();
    json.put("manifestCid", dataset.manifestCid().toString());
    json.put("treeCid", dataset.manifest().treeCid().toString());
    json.put("ecK", dataset.manifest().erasure().orElseThrow().ecK());
    json.put("ecM", dataset.manifest().erasure().orElseThrow().ecM());
    json.put("blocks", dataset.manifest().blocksCount());
    return json;
  }
}
