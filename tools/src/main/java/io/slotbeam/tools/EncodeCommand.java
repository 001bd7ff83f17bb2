package io.slotbeam.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slotbeam.core.block.Chunker;
import io.slotbeam.core.dataset.Upload;
import io.slotbeam.core.manifest.Manifest;
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
 * {@code slotbeam encode FILE --repo DIR}: stores a file as a Codex dataset (blocks, tree, plain
 * manifest) and prints what it made. Re-running on the same file stores nothing new.
 */
final class EncodeCommand implements Command {
  private static final int MAX_BLOCK_SIZE = 1 << 30;

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
        .addOption(
            Option.builder()
                .longOpt("block-size")
                .hasArg()
                .argName("N")
                .desc("block size in bytes (default " + Chunker.DEFAULT_BLOCK_SIZE + ")")
                .get())
        .addOption(
            Option.builder().longOpt("filename").hasArg().argName("NAME").desc("file name to record in the manifest").get())
        .addOption(
            Option.builder().longOpt("mimetype").hasArg().argName("TYPE").desc("MIME type to record in the manifest").get())
        .addOption(Option.builder().longOpt("json").desc("print the result as JSON").get());
  }

  @Override
  public int run(CommandLine line, PrintStream out) throws IOException {
    Path file = Arguments.readableFile(Arguments.single(line, "FILE"));
    int blockSize =
        (int) Arguments.longOption(line, "block-size", 1, MAX_BLOCK_SIZE, Chunker.DEFAULT_BLOCK_SIZE);
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
    if (line.hasOption("json")) {
      Json.print(out, json(plain));
    } else {
      Manifest manifest = plain.manifest();
      out.printf("manifest    %s%n", plain.manifestCid());
      out.printf("treeCid     %s%n", manifest.treeCid());
      out.printf(
          "dataset     %,d bytes in %d blocks of %,d bytes%n",
          manifest.datasetSize(), manifest.blocksCount(), manifest.blockSize());
    }
    return ExitCode.OK;
  }

  private static ObjectNode json(Upload.Stored plain) {
    ObjectNode json = Json.object();
    json.put("manifestCid", plain.manifestCid().toString());
    json.put("treeCid", plain.manifest().treeCid().toString());
    json.put("datasetSize", plain.manifest().datasetSize());
    json.put("blocks", plain.manifest().blocksCount());
    return json;
  }
}
