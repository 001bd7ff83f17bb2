package io.slotbeam.tools;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.slotbeam.core.block.DatasetHasher;
import io.slotbeam.core.block.PlainDataset;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code slotbeam hash FILE}: chunks a file as a Codex upload does and prints its dataset size,
 * block count and treeCid as JSON (spec datapath §2). Streams: memory does not grow with the file.
 */
final class HashCommand implements Command {
  @Override
  public String name() {
    return "hash";
  }

  @Override
  public String arguments() {
    return "FILE";
  }

  @Override
  public String summary() {
    return "chunk a file into Codex blocks and print its treeCid as JSON";
  }

  @Override
  public Options options() {
    return new Options()
        .addOption(BlockSizeOption.OPTION)
        .addOption(Option.builder().longOpt("blocks").desc("also list every block CID").get());
  }

  @Override
  public int run(CommandLine line, PrintStream out) throws IOException {
    Path file = Arguments.readableFile(Arguments.single(line, "FILE"));
    int blockSize = BlockSizeOption.get(line);
    boolean listBlocks = line.hasOption("blocks");
    if (Files.size(file) == 0) {
      // Checked before any output so that stdout never holds half a JSON document.
      throw new IllegalArgumentException(
          "file '" + file + "' is empty: Codex refuses a dataset of 0 bytes");
    }

    try (InputStream in = Files.newInputStream(file);
        JsonGenerator json = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter()) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.writeStartObject();
      if (listBlocks) {
        // Streamed before the summary, which is known only at the end.
        json.writeArrayFieldStart("blockCids");
      }
      PlainDataset dataset =
          DatasetHasher.hash(
              in,
              blockSize,
              block -> {
                if (listBlocks) {
                  writeString(json, block.cid().toString());
                }
              });
      if (listBlocks) {
        json.writeEndArray();
      }
      json.writeNumberField("datasetSize", dataset.datasetSize());
      json.writeNumberField("blockSize", dataset.blockSize());
      json.writeNumberField("blocks", dataset.blockCount());
      json.writeStringField("treeCid", dataset.treeCid().toString());
      json.writeEndObject();
    }
    out.println();
    return ExitCode.OK;
  }

  private static void writeString(JsonGenerator json, String value) {
    try {
      json.writeString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
