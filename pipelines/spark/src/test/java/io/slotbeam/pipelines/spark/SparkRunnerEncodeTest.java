package io.slotbeam.pipelines.spark;

import io.slotbeam.pipelines.EncodePipelineContract;
import java.util.List;

/** The encode pipeline on a local Spark with two threads gives the single-file path's bytes. */
class SparkRunnerEncodeTest extends EncodePipelineContract {
  @Override
  protected List<String> runnerArgs() {
    return List.of("--runner=SparkRunner", "--sparkMaster=local[2]");
  }
}
