package io.slotbeam.pipelines;

import io.slotbeam.core.block.Chunker;
import io.slotbeam.core.manifest.VerificationInfo;
import java.util.List;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;

/** The options of the encode pipeline, besides the runner's own. */
public interface EncodeOptions extends PipelineOptions {
  @Description("Files or globs to encode, each file its own dataset")
  @Validation.Required
  List<String> getInputs();

  void setInputs(List<String> inputs);

  @Description("Block repository folder (FileBlockStore), shared by every worker")
  @Validation.Required
  String getRepo();

  void setRepo(String repo);

  @Description(
      "Base URL of a running node (e.g. http://127.0.0.1:8080) that also receives every dataset over its REST API;"
          + " the repository is then the pipeline's working copy")
  String getNode();

  void setNode(String node);

  @Description("Where to write the summary JSON: one entry per file with its manifest CIDs")
  @Validation.Required
  String getSummary();

  void setSummary(String summary);

  @Description("Block size in bytes")
  @Default.Integer(Chunker.DEFAULT_BLOCK_SIZE)
  int getBlockSize();

  void setBlockSize(int blockSize);

  @Description("Erasure-code with K data blocks per group; 0 for plain datasets only")
  @Default.Integer(0)
  int getEcK();

  void setEcK(int ecK);

  @Description("Parity blocks per erasure group (with ecK)")
  @Default.Integer(1)
  int getEcM();

  void setEcM(int ecM);

  @Description("Cell size in bytes for the slot trees")
  @Default.Integer(VerificationInfo.DEFAULT_CELL_SIZE)
  int getCellSize();

  void setCellSize(int cellSize);

  @Description("Block hasher for the slot trees, java or native; unset: native when libslotbeam loads")
  String getHasher();

  void setHasher(String hasher);

  @Description("File name to record in every plain manifest (for a single input file)")
  String getFilename();

  void setFilename(String filename);

  @Description("MIME type to record in every plain manifest")
  String getMimetype();

  void setMimetype(String mimetype);

  @Description(
      "Blocks per work item, rounded up to whole erasure groups of ecK blocks: the unit of parallel work and of"
          + " block files forced to disk together (a worker holds one block, or the K + M of an erasure group)")
  @Default.Integer(64)
  int getRangeBlocks();

  void setRangeBlocks(int rangeBlocks);
}
